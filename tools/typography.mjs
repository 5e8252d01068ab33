// French typography for the deployer's texts that tools/post-build.mjs writes into the static
// pages: the same rules as src/domain/typography.rs (`french`), which the app applies to the same
// texts. tests/post_build.rs checks that both give the same result.
//
// - a narrow no-break space (U+202F) before ; ! ? » and after «;
// - a no-break space (U+00A0) before :, inside numbers (1 000), between a number and its unit
//   (9 h, 9 h 30, 200 %, 15 €) and after n°;
// - the typographic apostrophe ’ after a letter.
// Only spaces already there become unbreakable (guillemets excepted); {placeholders}, web and
// e-mail addresses are left alone.

export const NBSP = '\u00a0';
export const NNBSP = '\u202f';
const UNITS = ['%', '€', 'h', 'min', 'km', 'm', 'Ko', 'Mo', 'px'];

const isSpace = (c) => c === ' ' || c === NBSP || c === NNBSP || c === '\u2009';
const isLetter = (c) => c !== undefined && /\p{L}/u.test(c);
const isAlphanumeric = (c) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
const isDigit = (c) => c !== undefined && c >= '0' && c <= '9';

function protectedSpans(chars) {
  const spans = new Map();
  let i = 0;
  while (i < chars.length) {
    if (chars[i] === '{') {
      const close = chars.indexOf('}', i);
      if (close >= 0) {
        spans.set(i, close + 1);
        i = close + 1;
        continue;
      }
    }
    if (!isSpace(chars[i]) && (i === 0 || isSpace(chars[i - 1]))) {
      let end = i;
      while (end < chars.length && !isSpace(chars[end])) end++;
      const word = chars.slice(i, end).join('').replace(/^[(«"]+/, '');
      if (word.includes('@') || word.includes('://') || word.startsWith('www.') || word.startsWith('mailto:')) {
        spans.set(i, end);
        i = end;
        continue;
      }
    }
    i++;
  }
  return spans;
}

function startsWord(rest, word) {
  const w = [...word];
  return rest.length >= w.length && w.every((c, i) => rest[i] === c) && !isAlphanumeric(rest[w.length]);
}

function spaceKind(before, next, rest) {
  if (next === undefined) return null;
  const last = before[before.length - 1];
  if (next === ';' || next === '!' || next === '?' || next === '»' || last === '«') return NNBSP;
  if (next === ':') return NBSP;
  if (last === undefined) return null;
  if (isDigit(last)) {
    let digits = 0;
    while (isDigit(rest[digits])) digits++;
    if (digits === 3 && !isAlphanumeric(rest[3])) return NBSP;
    if (UNITS.some((unit) => startsWord(rest, unit))) return NBSP;
  }
  if (last === 'h' && isDigit(next)) {
    let word = 0;
    while (word < before.length && !isSpace(before[before.length - 1 - word])) word++;
    const beforeWord = before[before.length - word - 1];
    if (word === 1 && beforeWord !== undefined && isSpace(beforeWord) && isDigit(before[before.length - 3])) return NBSP;
  }
  if (last === '°' && isDigit(next) && before.length >= 2 && (before[before.length - 2] === 'n' || before[before.length - 2] === 'N')) {
    return NBSP;
  }
  return null;
}

/** `text` with French typography. Idempotent. */
export function french(text) {
  const chars = [...text];
  const spans = protectedSpans(chars);
  const out = [];
  let i = 0;
  while (i < chars.length) {
    if (spans.has(i)) {
      const end = spans.get(i);
      out.push(...chars.slice(i, end));
      i = end;
      continue;
    }
    const c = chars[i];
    if (c === "'" && isLetter(out[out.length - 1])) {
      out.push('\u2019');
    } else if (isSpace(c)) {
      let end = i;
      while (end < chars.length && isSpace(chars[end])) end++;
      const kind = spaceKind(out, chars[end], chars.slice(end));
      if (kind) out.push(kind);
      else out.push(...chars.slice(i, end));
      i = end;
      continue;
    } else if (c === '»' && out.length > 0 && !isSpace(out[out.length - 1])) {
      out.push(NNBSP, c);
    } else if (c === '«' && chars[i + 1] !== undefined && !isSpace(chars[i + 1])) {
      out.push(c, NNBSP);
    } else {
      out.push(c);
    }
    i++;
  }
  return out.join('');
}

/** `text` with its first letter in capitals. */
export function capitalised(text) {
  const [first, ...rest] = [...text];
  return first === undefined ? '' : first.toUpperCase() + rest.join('');
}
