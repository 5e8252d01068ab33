// The app's start-up script, for index.html, the pages painted at build time and conseillers.html.
//
// tools/post-build.mjs fills in the three values below (the app's JS and wasm, with the wasm's
// Subresource Integrity), writes the result as boot-<hash>.js and loads it with integrity, so the
// Content-Security-Policy needs no 'unsafe-inline'. Left as they are, the values keep this file
// valid JavaScript: `node --check tools/boot.js` is part of the tests.
//
// What it does, in order:
// 1. Says that it runs (index.html's inline script shows the start text with a message if it
//    has not run after 10 s).
// 2. Keeps a counsellor's link (?conseiller=…) on the static page's links.
// 3. Holds what the young person does on the static page while the app loads: a tap on a link
//    or a button waits for the app (the link says it is busy), and the app then does it itself;
//    what they type or tick on a page painted at build time is carried over into the app, with
//    the focus. The wasm download is never thrown away by a page load.
// 4. After the first paint, loads the app. If it cannot start (no network, a browser without
//    WebAssembly, a file that fails its integrity check), the static page stays, with a message,
//    and its links work as plain links.
const APP_JS = '%APP_JS%';
const APP_WASM = '%APP_WASM%';
const APP_WASM_INTEGRITY = '%APP_WASM_INTEGRITY%';

// 1.
window.laboBoot = true;

// The static page: the start page of index.html, or a page painted at build time (`/inscription`,
// `/test/4`: the same markup as the app's). The app removes it when it takes over; it is kept
// here, detached, to read what was typed into it. Only the young people's pages hold taps
// (`data-hold-taps`): the counsellors' page has nothing to replay.
const staticPage = document.querySelector('#static-page[data-hold-taps]');

// 2.
if (staticPage && location.search) {
  for (const a of staticPage.querySelectorAll('a[href^="/"]')) a.href = a.getAttribute('href') + location.search;
}

// 3.
/** What was tapped before the app was ready: a link (followed by the app) or a button (tapped
 * again in the app, whose markup is the same). A button is found by what names it in every
 * language, never by its words (an English visitor's app says "Continue" where the painted page
 * said "Continuer"): its `data-tap` (the form's main button, `SubmitButton`) or its `lang` (the
 * language switch). */
let pending = null;
let failed = false;
let giveUpTimer = 0;
let focusedId = null;
/** The field the young person was last in (a tap on a button moves the focus off it). */
let fieldId = null;

const twinOf = (button) =>
  button.dataset.tap ? `button[data-tap="${button.dataset.tap}"]` : button.lang ? `button[lang="${button.lang}"]` : null;

function setBusy(element) {
  pending?.element.removeAttribute('aria-busy');
  element?.setAttribute('aria-busy', 'true');
  const status = document.getElementById('app-loading');
  if (status) status.textContent = element ? 'Chargement…' : '';
}

staticPage?.addEventListener('click', (event) => {
  if (failed || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
  const link = event.target.closest?.('a[href^="/"]');
  const button = link ? null : event.target.closest?.('button');
  if (!link && !button) return;
  event.preventDefault();
  setBusy(link ?? button);
  if (link) {
    pending = { element: link };
    // A download that stalls (patchy data) must not leave the tap waiting forever: after 20 s
    // the link is followed the usual way, and the browser shows its own progress.
    clearTimeout(giveUpTimer);
    giveUpTimer = setTimeout(() => {
      if (document.getElementById('static-page')) location.href = link.href;
    }, 20000);
  } else {
    pending = { element: button, twin: twinOf(button) };
  }
});
// A painted form has no app behind it yet: it is never submitted by the browser (the CSP's
// form-action 'none' would refuse it anyway); its button is held like any other.
staticPage?.addEventListener('submit', (event) => event.preventDefault());
staticPage?.addEventListener('focusin', (event) => {
  focusedId = event.target.id || null;
  if (event.target.matches?.('input, textarea, select')) fieldId = focusedId;
});

/** The static page's fields already copied into the app. */
const carried = new Set();

/** Copies into the app's fields what the young person changed in the static page's fields (same
 * ids: the painted page is the app's own markup). The app hears it as typing and tapping. Returns
 * false when some of the app's fields are not on the page (yet): then nothing is copied, or with
 * `partial`, what has a field to go to (the rest waits for its field, see takeOver). */
function carryOver(partial) {
  const changed = [...staticPage.querySelectorAll('input, textarea, select')].filter((field) =>
    field.id && !carried.has(field) &&
    (field.type === 'checkbox' || field.type === 'radio' ? field.checked !== field.defaultChecked : field.value !== field.defaultValue),
  );
  const missing = changed.filter((field) => !document.getElementById(field.id));
  if (missing.length && !partial) return false;
  for (const field of changed) {
    const twin = document.getElementById(field.id);
    if (!twin) continue;
    carried.add(field);
    if (field.type === 'checkbox' || field.type === 'radio') {
      if (twin.checked !== field.checked) twin.click();
    } else if (twin.value !== field.value) {
      twin.value = field.value;
      twin.dispatchEvent(new Event('input', { bubbles: true }));
      twin.dispatchEvent(new Event('change', { bubbles: true }));
    }
  }
  // The app's markup replaced the field the young person was in: the same field in the app.
  if (focusedId && document.activeElement === document.body) document.getElementById(focusedId)?.focus();
  return !missing.length;
}

function takeOver(attempt) {
  const complete = carryOver(attempt >= 20);
  if (!complete && attempt < 20) {
    requestAnimationFrame(() => takeOver(attempt + 1));
    return;
  }
  const held = pending;
  setBusy(null);
  pending = null;
  if (!complete) {
    // Some of what was typed has no field in the app (yet): a tap replayed now would act on
    // answers the young person did not give (the app would check, send or move on without
    // them). It is dropped; the focus goes back to their field; what could not be copied yet
    // is copied as soon as its field appears.
    const observer = new MutationObserver(() => carryOver(true) && observer.disconnect());
    observer.observe(document.body, { childList: true, subtree: true });
    setTimeout(() => observer.disconnect(), 30000);
    if (held) {
      const field = fieldId && document.getElementById(fieldId);
      if (field) field.focus();
      console.warn("Lab'O : ce qui a été tapé avant le chargement n'a pas tout pu être repris, le bouton touché n'a pas été actionné. Rien n'est perdu : vérifie tes réponses et touche-le à nouveau.");
    }
    return;
  }
  if (held?.twin !== undefined) {
    if (held.twin) document.querySelector(held.twin)?.click();
  } else if (held) {
    const to = new URL(held.element.href).pathname;
    if (to === location.pathname) return;
    history.pushState(null, '', to);
    dispatchEvent(new PopStateEvent('popstate'));
    scrollTo(0, 0);
  }
}

if (staticPage) {
  new MutationObserver((_, observer) => {
    if (document.getElementById('static-page')) return;
    observer.disconnect();
    clearTimeout(giveUpTimer);
    takeOver(0);
  }).observe(document.body, { childList: true });
}

// 4. The app starts after the static page is on screen: the wasm download never competes with
// the first paint (on a deep link without a painted page, index.html's inline script has already
// started it, and this fetch reuses it).
await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
try {
  const bindings = await import(APP_JS);
  const wasm = await bindings.default({ module_or_path: fetch(APP_WASM, { integrity: APP_WASM_INTEGRITY }) });
  window.wasmBindings = bindings;
  dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
} catch (error) {
  failed = true;
  setBusy(null);
  document.documentElement.classList.remove('deep-link');
  // The message is shown and focused (an alert that appears is not announced everywhere).
  const failure = document.getElementById('app-failed');
  failure?.removeAttribute('hidden');
  failure?.focus();
  throw error;
}
