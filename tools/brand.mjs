// The brand colour of config.json (`brand.colour`), checked against WCAG 2.1 AA before
// tools/post-build.mjs applies it. Node built-ins only; tests/post_build.rs imports it.

/** The relative luminance of `#rrggbb` (WCAG 2.1). */
function luminance(hex) {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The contrast ratio of two `#rrggbb` colours (1 to 21). */
export function contrast(a, b) {
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (high + 0.05) / (low + 0.05);
}

// The brand colour takes the place of the light theme's --primary and --link: buttons' white
// text on it, and links on the page's background and on its notices' (style.css). The dark
// theme keeps its own colours, whose contrast the accessibility tests check.
const BRAND_BACKGROUNDS = { 'le texte blanc des boutons et le fond de la page': '#ffffff', 'le fond des encadrés': '#f3f6f9' };
export const BRAND_MARK = '/* brand: config.json (tools/post-build.mjs) */';

/** The brand colour's rules, or an error that says what fails and what would pass. */
export function brandRules(colour) {
  if (!/^#[0-9a-fA-F]{6}$/.test(colour)) throw new Error(`brand.colour « ${colour} » doit être écrite #rrvvbb, comme #0b4f8a`);
  for (const [what, background] of Object.entries(BRAND_BACKGROUNDS)) {
    const ratio = contrast(colour, background);
    if (ratio < 4.5) {
      throw new Error(`brand.colour ${colour} n'est pas assez contrastée avec ${what} (${background}) : ${ratio.toFixed(2)}:1, il faut au moins 4.5:1 (WCAG 2.1 AA, critère 1.4.3). Prenez une teinte plus foncée.`);
    }
  }
  // Hover: the same hue, darker (more contrast still).
  const hover = '#' + [1, 3, 5].map((i) => Math.round(parseInt(colour.slice(i, i + 2), 16) * 0.75).toString(16).padStart(2, '0')).join('');
  return `${BRAND_MARK}:root{--primary:${colour};--link:${colour};--primary-hover:${hover}}`;
}

