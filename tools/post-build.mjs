// Trunk post-build hook (Trunk.toml), also runnable by hand on a deployed folder:
//
//   node tools/post-build.mjs dist      # after editing dist/config.json's endpoint
//
// 1. Moves Trunk's inline start-up script into its own file (boot-<hash>.js), with Subresource
//    Integrity, so the Content-Security-Policy needs no 'unsafe-inline'; that script also holds
//    taps on the static page until the app is ready, and says so when the app cannot load. Fills
//    in the wasm address for index.html's deep-link script; strips HTML comments.
// 2. Writes the Content-Security-Policy (meta tag in index.html, `_headers` for hosts that read
//    it, and `labo-headers.conf`, the nginx snippet of deploy/nginx.conf), with connect-src
//    limited to the app itself and the endpoint of config.json, and the hash of index.html's
//    inline script (it must run before the first paint). Nothing is left to edit by hand.
// 3. Fills the service worker's file list and version, so each deploy gets its own cache.
// 4. Deletes precompressed copies (.br, .gz) of the files it rewrites and of config.json and
//    communes.json, which may have been edited: a host would otherwise serve the old ones.
// 5. Builds the counsellors' page (conseillers.html, its own wasm) into dist/conseillers/, so that
//    any `trunk build` produces the whole site (this hook runs again for it, steps 1–2 only).
// 6. Fills in config.json's values where the static pages show them (index.html, and the legal
//    pages for browsers without JavaScript, confidentialite/ and accessibilite/): elements marked
//    data-config="key" get the value, typeset in French as the app does (tools/typography.mjs);
//    parts marked data-config-if / data-config-unless="key" are shown or hidden. The legal pages
//    get the app's stylesheet. Run again after editing config.json: it fills them anew.
//
// Every step is idempotent. Node built-ins only.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { capitalised, french } from './typography.mjs';

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
// The static legal pages, copied from public/ by Trunk (index.html's copy-dir links).
const LEGAL_PAGES = ['confidentialite/index.html', 'accessibilite/index.html'];
if (!dir) throw new Error('usage: node tools/post-build.mjs <dist folder> (or run through `trunk build`)');

// The counsellors' page (conseillers.html) is a second Trunk build into dist/conseillers/, served
// under /conseillers/: same start-up script treatment and policy, nothing else (no service worker,
// no endpoint: it only builds links).
const counsellors = (process.env.TRUNK_HTML_FILE ?? '').endsWith('conseillers.html');
const base = process.env.TRUNK_PUBLIC_URL ?? '/';
const read = (name) => readFileSync(join(dir, name), 'utf8');
const write = (name, text) => writeFileSync(join(dir, name), text);
const sri = (text) => 'sha384-' + createHash('sha384').update(text).digest('base64');

// ---------------------------------------------------------------------------------------------
// 6. config.json's values in the static pages.

function readConfig() {
  try {
    return JSON.parse(read('config.json'));
  } catch (error) {
    console.warn(`post-build: config.json unreadable (${error.message}); the static pages keep their example values`);
    return null;
  }
}

// Values the app gives when a key is absent (src/domain/config.rs).
const DEFAULTS = { 'mission_locale.short_name': 'la Mission Locale', 'privacy.retention_months': 24 };

/** The value of the first of `keys` (space-separated dotted paths) set in config.json. */
function configValue(config, keys) {
  for (const key of keys.split(' ')) {
    const value = key.split('.').reduce((object, part) => object?.[part], config) ?? DEFAULTS[key];
    if (value !== undefined && value !== null && String(value).trim() !== '') return String(value).trim();
  }
  return undefined;
}

// Overseas numbers dialled nationally get their own country code (src/domain/phone.rs).
const OVERSEAS = { 262: 262, 263: 262, 692: 262, 693: 262, 269: 262, 639: 262, 590: 590, 690: 590, 691: 590, 596: 596, 696: 596, 697: 596, 594: 594, 694: 594 };

/** A phone number as written in config.json, in the international form a tel: link dials. */
export function e164(phone) {
  const digits = phone.replace('(0)', '').replace(/[^\d+]/g, '');
  if (digits.startsWith('+')) return digits;
  if (digits.startsWith('00')) return '+' + digits.slice(2);
  if (digits.startsWith('0') && digits.length === 10) return '+' + (OVERSEAS[digits.slice(1, 4)] ?? 33) + digits.slice(1);
  return digits;
}

const escapeHtml = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** `html` with config.json's values in its data-config elements, and its optional parts shown
 * or hidden. Idempotent: the marks stay, so a later run with another config.json fills anew. */
export function fillConfig(html, config) {
  if (!config) return html;
  let filled = html.replace(
    /<(span|a)([^>]*?) data-config="([^"]+)"([^>]*)>([^<]*)<\/\1>/g,
    (whole, tag, before, keys, after, text) => {
      const value = configValue(config, keys);
      if (value === undefined) return `<${tag}${before} data-config="${keys}"${after}></${tag}>`;
      let attributes = `${before} data-config="${keys}"${after}`;
      let shown = keys.endsWith('_url') || keys.includes('email') ? value : french(value);
      if (keys === 'mission_locale.phone') {
        attributes = attributes.replace(/href="[^"]*"/, `href="tel:${escapeHtml(e164(value))}"`);
      } else if (tag === 'a' && keys.includes('email')) {
        attributes = attributes.replace(/href="[^"]*"/, `href="mailto:${escapeHtml(value)}"`);
      } else if (tag === 'a' && keys.endsWith('_url')) {
        attributes = attributes.replace(/href="[^"]*"/, `href="${escapeHtml(value)}"`);
        shown = text; // the document's name stays the link's text
        return `<${tag}${attributes}>${shown}</${tag}>`;
      }
      if (/ data-capital\b/.test(attributes)) shown = capitalised(shown);
      return `<${tag}${attributes}>${escapeHtml(shown)}</${tag}>`;
    },
  );
  filled = filled.replace(/<(\w+)([^>]*?) data-config-(if|unless)="([^"]+)"( hidden)?([^>]*)>/g, (whole, tag, before, kind, key, hidden, after) => {
    const set = configValue(config, key) !== undefined;
    const show = kind === 'if' ? set : !set;
    return `<${tag}${before} data-config-${kind}="${key}"${show ? '' : ' hidden'}${after}>`;
  });
  return filled;
}

// 1. The start-up script.
let html = read('index.html');
const inline = html.match(/<script type="module">([\s\S]*?)<\/script>/);
if (inline) {
  // The app starts after the static page is on screen: the wasm download never competes with
  // the first paint (and the wasm preload Trunk adds goes, below).
  const afterPaint = 'await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));\n';
  let wasmUrl = '';
  let wasmIntegrity = '';
  const loader = inline[1].trim().replace(
    /^import init, \* as bindings from '([^']+)';$/m,
    "const bindings = await import('$1');\nconst init = bindings.default;",
  ).replace(
    // The wasm is fetched with Subresource Integrity too (the JS is, through its modulepreload).
    /module_or_path: '([^']+\.wasm)'/,
    (_, wasm) => {
      wasmUrl = wasm;
      wasmIntegrity = sri(readFileSync(join(dir, wasm.slice(base.length))));
      return `module_or_path: fetch('${wasm}', { integrity: '${wasmIntegrity}' })`;
    },
  );
  // On a deep link (/test/4, a counsellor's /inscription link) there is no start text to show
  // first: index.html's inline script starts the wasm download at once, from this meta tag,
  // instead of after the first paint (the fetch above then reuses it). The script itself stays
  // the same from build to build, so its hash in the CSP does too (deploy/ has it).
  if (!counsellors && wasmUrl) {
    html = html.replace(
      /<meta name="labo-wasm"[^>]*>/,
      `<meta name="labo-wasm" content="${wasmUrl}" data-integrity="${wasmIntegrity}">`,
    );
  }
  // A counsellor's link (/?conseiller=…) must survive the static page's links being followed
  // before the app is ready (opened in a new tab, or the app failed): they carry its parameters.
  const keepLink = counsellors ? '' : "if (location.search) for (const a of document.querySelectorAll('#static-page a[href^=\"/\"]')) a.href = a.getAttribute('href') + location.search;\n";
  // A tap on the static page's links while the app loads waits for the app, which then goes to
  // that page itself: the wasm download is not thrown away and started again by a page load,
  // and the app moves focus to the new page's heading as after any navigation. The link says it
  // is busy meanwhile. If the app cannot start (no network, a browser without WebAssembly), the
  // start text shows (even on a deep link) with a message, and links work as plain links.
  const waitForApp = counsellors ? '' : [
    'let pending = null;',
    'let failed = false;',
    'let giveUpTimer = 0;',
    "document.getElementById('static-page')?.addEventListener('click', (event) => {",
    "  const link = event.target.closest?.('a[href^=\"/\"]');",
    '  if (failed || !link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;',
    '  event.preventDefault();',
    "  pending?.removeAttribute('aria-busy');",
    '  pending = link;',
    "  link.setAttribute('aria-busy', 'true');",
    "  const status = document.getElementById('app-loading');",
    "  if (status) status.textContent = 'Chargement…';",
    '  // A download that stalls (patchy data) must not leave the tap waiting forever: after',
    '  // 20 s the link is followed the usual way, and the browser shows its own progress.',
    '  clearTimeout(giveUpTimer);',
    "  giveUpTimer = setTimeout(() => { if (document.getElementById('static-page')) location.href = link.href; }, 20000);",
    '});',
    'new MutationObserver((_, observer) => {',
    "  if (document.getElementById('static-page')) return;",
    '  observer.disconnect();',
    '  const to = pending && new URL(pending.href).pathname;',
    '  if (!to || to === location.pathname) return;',
    "  history.pushState(null, '', to);",
    "  dispatchEvent(new PopStateEvent('popstate'));",
    '  scrollTo(0, 0);',
    '}).observe(document.body, { childList: true });',
    '',
  ].join('\n');
  const giveUp = counsellors
    ? ''
    : "  failed = true;\n  pending?.removeAttribute('aria-busy');\n  document.documentElement.classList.remove('deep-link');\n" +
      "  const status = document.getElementById('app-loading');\n  if (status) status.textContent = '';\n";
  // The message is shown and focused (an alert that appears is not announced everywhere).
  const start = `try {\n${loader}\n} catch (error) {\n${giveUp}` +
    "  const failure = document.getElementById('app-failed');\n" +
    "  failure?.removeAttribute('hidden');\n  failure?.focus();\n  throw error;\n}";
  // Tells index.html's inline script that the boot script runs (see its 10 s fallback).
  const booting = counsellors ? '' : 'window.laboBoot = true;\n';
  const code = booting + keepLink + waitForApp + afterPaint + start + '\n';
  const name = `boot-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.js`;
  write(name, code);
  html = html.replace(inline[0], `<script type="module" src="${base}${name}" integrity="${sri(code)}" crossorigin="anonymous"></script>`);
}

html = html.replace(/<link rel="preload" href="[^"]+\.wasm"[^>]*>/, '');
// The source's comments are for us, not for our users' data plans.
html = html.replace(/\n?[ \t]*<!--[\s\S]*?-->/g, '');

// 2. The security policy.
let endpointOrigin = '';
try {
  if (!counsellors) endpointOrigin = new URL(JSON.parse(read('config.json')).endpoint.url).origin;
} catch (error) {
  console.warn(`post-build: no endpoint origin in config.json (${error.message}); connect-src will be 'self' only`);
}
// The same list as domain::config::is_placeholder_host: the app refuses to send there.
const placeholder = /(^|\.)(example|invalid|test|example\.(com|net|org)|exemple\.(fr|com|org|net))$/i;
if (endpointOrigin && placeholder.test(new URL(endpointOrigin).hostname.replace(/\.$/, ''))) {
  console.warn(`post-build: config.json's endpoint (${endpointOrigin}) is an example address; the app sends no sign-up until it is replaced (then run this tool again)`);
}
// Inline scripts left in the page (index.html's deep-link script, which must run before the
// first paint) are allowed by their hash, never by 'unsafe-inline'.
const inlineHashes = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map(
  ([, code]) => `'sha256-${createHash('sha256').update(code).digest('base64')}'`,
);
export function policy(origin, hashes = []) {
  return [
    "default-src 'self'",
    ["script-src 'self' 'wasm-unsafe-eval'", ...hashes].join(' '),
    "style-src 'self'",
    "img-src 'self' data:",
    `connect-src 'self'${origin ? ' ' + origin : ''}`,
    "worker-src 'self'",
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
  ].join('; ');
}
const csp = policy(endpointOrigin, inlineHashes);
const meta = `<meta http-equiv="Content-Security-Policy" content="${csp}">`;
html = html.replace(/<meta http-equiv="Content-Security-Policy" content="[^"]*">/, meta);
if (!counsellors) html = fillConfig(html, readConfig());
write('index.html', html);
if (counsellors) {
  console.log(`post-build: counsellors' page under ${base}, boot script external, CSP connect-src 'self'`);
  process.exit(0);
}
// The nginx snippet included by deploy/nginx.conf in every location, with this build's policy.
write('labo-headers.conf', [
  "# Security headers of the Lab'O app, written by tools/post-build.mjs for this build (see",
  '# deploy/nginx.conf): copy to /etc/nginx/snippets/labo-headers.conf. Run the tool again after',
  "# changing config.json's endpoint.url; never edit the policy by hand.",
  `add_header Content-Security-Policy "${csp}; frame-ancestors 'none'" always;`,
  'add_header Referrer-Policy "no-referrer" always;',
  'add_header X-Content-Type-Options "nosniff" always;',
  'add_header Permissions-Policy "camera=(), microphone=(), geolocation=(), interest-cohort=()" always;',
  'add_header Cross-Origin-Opener-Policy "same-origin" always;',
  '',
].join('\n'));
write('_headers', [
  '# Netlify / Cloudflare Pages headers, written by tools/post-build.mjs (see deploy/README.md).',
  '/*',
  `  Content-Security-Policy: ${csp}; frame-ancestors 'none'`,
  '  Referrer-Policy: no-referrer',
  '  X-Content-Type-Options: nosniff',
  '  Permissions-Policy: camera=(), microphone=(), geolocation=(), interest-cohort=()',
  '  Cross-Origin-Opener-Policy: same-origin',
  '/index.html',
  '  Cache-Control: no-cache',
  '/config.json',
  '  Cache-Control: no-cache',
  '/communes.json',
  '  Cache-Control: no-cache',
  '/sw.js',
  '  Cache-Control: no-cache',
  '/*.wasm',
  '  Cache-Control: public, max-age=31536000, immutable',
  '/labo-*',
  '  Cache-Control: public, max-age=31536000, immutable',
  '/boot-*',
  '  Cache-Control: public, max-age=31536000, immutable',
  '/style-*',
  '  Cache-Control: public, max-age=31536000, immutable',
  '/conseillers/index.html',
  '  Cache-Control: no-cache',
  '/confidentialite/*',
  '  Cache-Control: no-cache',
  '/accessibilite/*',
  '  Cache-Control: no-cache',
  '/conseillers/conseillers-*',
  '  Cache-Control: public, max-age=31536000, immutable',
  '/conseillers/boot-*',
  '  Cache-Control: public, max-age=31536000, immutable',
  '/conseillers/style-*',
  '  Cache-Control: public, max-age=31536000, immutable',
  '',
].join('\n'));

// 6. The static legal pages: the deployment's values, and the app's stylesheet.
const stylesheet = html.match(/<link rel="stylesheet"[^>]*>/)?.[0];
for (const page of LEGAL_PAGES) {
  if (!existsSync(join(dir, page))) continue;
  let legal = read(page).replace(/\n?[ \t]*<!--[\s\S]*?-->/g, '');
  if (stylesheet) legal = legal.replace(/<link rel="stylesheet"[^>]*>/, stylesheet);
  write(page, fillConfig(legal, readConfig()));
}

// Precompressed copies of the files rewritten here, or edited by the deployer, would be stale.
for (const name of ['index.html', 'sw.js', 'config.json', 'communes.json', ...LEGAL_PAGES]) {
  for (const extension of ['.br', '.gz']) rmSync(join(dir, name + extension), { force: true });
}

// 3. The service worker.
function files(folder) {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}
if (existsSync(join(dir, 'sw.js'))) {
  const skip = new Set(['sw.js', '_headers', 'labo-headers.conf', 'robots.txt']);
  const assets = files(dir)
    .map((path) => relative(dir, path).split(sep).join('/'))
    // The counsellors' page and the static legal pages (for browsers without JavaScript) are not
    // part of the young people's offline app.
    .filter((name) => !skip.has(name) && !/^(conseillers|confidentialite|accessibilite)\//.test(name))
    .filter((name) => !name.endsWith('.br') && !name.endsWith('.gz'))
    .map((name) => '/' + name)
    .sort();
  const hash = createHash('sha256');
  for (const asset of assets) {
    hash.update(asset);
    hash.update(readFileSync(join(dir, asset.slice(1))));
  }
  const version = hash.digest('hex').slice(0, 16);
  const shell = [...assets.filter((a) => a !== '/index.html'), '/index.html'];
  const worker = read('sw.js')
    .replace(/^const VERSION = .*;$/m, `const VERSION = ${JSON.stringify(version)};`)
    .replace(/^const ASSETS = .*;$/m, `const ASSETS = ${JSON.stringify(shell)};`);
  write('sw.js', worker);
  console.log(`post-build: boot script external, CSP connect-src 'self'${endpointOrigin ? ' ' + endpointOrigin : ''}, service worker ${version} (${shell.length} files)`);
}

// 5. The counsellors' page: a second Trunk build into this build's staging folder, which Trunk
// then publishes with the rest. Only when Trunk runs this hook (not by hand on a dist folder).
if (process.env.TRUNK_STAGING_DIR && !counsellors) {
  const args = ['build', 'conseillers.html', '--dist', join(dir, 'conseillers'), '--public-url', `${base}conseillers/`];
  if (process.env.TRUNK_PROFILE === 'release') args.push('--release');
  const built = spawnSync('trunk', args, { stdio: 'inherit', cwd: process.env.TRUNK_SOURCE_DIR });
  if (built.status !== 0) {
    console.error(`post-build: the counsellors' page did not build (trunk ${args.join(' ')})`);
    process.exit(1);
  }
}
