// Trunk post-build hook (Trunk.toml), also runnable by hand on a deployed folder:
//
//   node tools/post-build.mjs dist      # after editing dist/config.json's endpoint
//
// 1. Replaces Trunk's inline start-up script by tools/boot.js with the app's files filled in
//    (boot-<hash>.js, with Subresource Integrity), so the Content-Security-Policy needs no
//    'unsafe-inline'; that script also holds taps on the static page until the app is ready,
//    and says so when the app cannot load. Fills in the wasm address for index.html's deep-link
//    script; strips HTML comments.
// 2. Writes the Content-Security-Policy (meta tag in index.html, `_headers` for hosts that read
//    it, and `labo-headers.conf`, the nginx snippet of deploy/nginx.conf), with connect-src
//    limited to the app itself and the endpoint of config.json, and the hash of index.html's
//    inline script (it must run before the first paint). Nothing is left to edit by hand.
// 3. Fills the service worker's file list and version, so each deploy gets its own cache.
// 4. Deletes precompressed copies (.br, .gz) of the files it rewrites and of config.json and
//    communes.json, which may have been edited: a host would otherwise serve the old ones.
// 5. Builds the counsellors' page (conseillers.html, its own wasm) into dist/conseillers/, so that
//    any `trunk build` produces the whole site (this hook runs again for it, steps 1–2 only).
// 6. Applies config.json's brand colour to the stylesheet, after checking its contrast
//    (tools/brand.mjs).
// 7. Paints the start page (into index.html) and the pages a link can open (/inscription,
//    /test/N, the legal pages) at build time from the app's own components, natively, with
//    config.json's values (src/bin/labo-render.rs, no browser): release builds and runs by
//    hand. Run it again after editing config.json: it paints them anew.
//
// Every step is idempotent. Node built-ins only, terser when installed (step 1, the glue), and
// cargo for step 7 (it builds and runs the native render).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BRAND_MARK, brandRules } from './brand.mjs';

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('usage: node tools/post-build.mjs <dist folder> (or run through `trunk build`)');

// The counsellors' page (conseillers.html) is a second Trunk build into dist/conseillers/, served
// under /conseillers/: same start-up script treatment and policy, nothing else (no service worker,
// no endpoint: it only builds links).
const counsellors = (process.env.TRUNK_HTML_FILE ?? '').endsWith('conseillers.html');
// A release build, or a run by hand on a built folder (not `trunk serve`'s debug builds).
const release = process.env.TRUNK_PROFILE === 'release' || !process.env.TRUNK_STAGING_DIR;
const base = process.env.TRUNK_PUBLIC_URL ?? '/';
const read = (name) => readFileSync(join(dir, name), 'utf8');
const write = (name, text) => writeFileSync(join(dir, name), text);
const sri = (text) => 'sha384-' + createHash('sha384').update(text).digest('base64');

/** The painted pages of a build folder (any .html file marked with labo-page, index.html aside). */
function paintedPages(dir) {
  const found = [];
  const walk = (folder) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.html') && path !== join(dir, 'index.html') && /<meta name="labo-page" content="\/[^"]/.test(readFileSync(path, 'utf8'))) found.push(path);
    }
  };
  walk(dir);
  return found;
}

// ---------------------------------------------------------------------------------------------
// config.json, for the brand (6) and the deployer's warnings.

function readConfig() {
  try {
    return JSON.parse(read('config.json'));
  } catch (error) {
    console.warn(`post-build: config.json unreadable (${error.message})`);
    return null;
  }
}


// 6. The brand (config.json's `brand`): the mission locale's colour, checked against WCAG AA
// before it is applied (its logo is drawn by the app, and painted with the pages in step 7).

/** `html` with the stylesheet `name` (Trunk's, or an earlier run's) given the brand rules, as a
 * new file named by its content (its old name may be cached as immutable); idempotent. */
function withBrandColour(html, config) {
  const link = html.match(/<link rel="stylesheet" href="([^"]+)"[^>]*>/);
  if (!link) return html;
  const oldName = link[1].slice(base.length);
  const original = read(oldName);
  const mark = original.indexOf(BRAND_MARK);
  const colour = config?.brand?.colour;
  if (mark < 0 && !colour) return html;
  let css = mark < 0 ? original : original.slice(0, mark);
  // The dark theme's own values come back after the brand's (the last rule wins).
  const dark = css.match(/@media\s*\(prefers-color-scheme:\s*dark\)\s*\{\s*:root\s*\{[^}]*\}\s*\}/)?.[0] ?? '';
  if (colour && !dark) throw new Error(`${oldName} has no dark theme block to keep after the brand colour; tools/post-build.mjs needs updating`);
  if (colour) css += brandRules(colour) + dark;
  const name = `style-${createHash('sha256').update(css).digest('hex').slice(0, 16)}.css`;
  if (name !== oldName) {
    write(name, css);
    rmSync(join(dir, oldName), { force: true });
    for (const extension of ['.br', '.gz']) rmSync(join(dir, oldName + extension), { force: true });
  }
  const tag = link[0].replace(/href="[^"]+"/, `href="${base}${name}"`).replace(/integrity="[^"]*"/, `integrity="${sri(css)}"`);
  return html.replace(link[0], tag);
}

/** `code` minified by terser (an ES module: exports are kept, names only shortened inside), or
 * null when terser is missing. */
async function minifiedGlue(code) {
  let minify;
  try {
    ({ minify } = await import('terser'));
  } catch {
    console.warn('post-build: terser is not installed (run `cargo xtask setup`); the app\'s JavaScript stays as it is');
    return null;
  }
  const result = await minify(code, { module: true, ecma: 2020, compress: { passes: 2 }, format: { comments: false } });
  return result.code;
}

// 1. The start-up script: tools/boot.js, with the app's files filled in.
let html = read('index.html');
const inline = html.match(/<script type="module">([\s\S]*?)<\/script>/);
if (inline) {
  const appJs = inline[1].match(/^import init, \* as bindings from '([^']+)';$/m)?.[1];
  const wasmUrl = inline[1].match(/module_or_path: '([^']+\.wasm)'/)?.[1];
  if (!appJs || !wasmUrl) throw new Error("post-build: Trunk's start-up script has changed; tools/boot.js needs updating");
  // The wasm is fetched with Subresource Integrity too (the JS is, through its modulepreload).
  const wasmIntegrity = sri(readFileSync(join(dir, wasmUrl.slice(base.length))));
  // wasm-bindgen's JavaScript, minified (measured: 7.6 → 5.9 KB brotli); its modulepreload's
  // integrity follows. Trunk's own `minify` breaks on this file, terser does not.
  const glue = release ? await minifiedGlue(read(appJs.slice(base.length))) : null;
  if (glue) {
    write(appJs.slice(base.length), glue);
    html = html.replace(
      new RegExp(`(<link rel="modulepreload" href="${appJs}"[^>]*integrity=")[^"]*"`),
      `$1${sri(glue)}"`,
    );
  }
  // On a deep link without a painted page there is no start text to show first: index.html's
  // inline script starts the wasm download at once, from this meta tag, instead of after the
  // first paint (the boot script's fetch then reuses it). The inline script itself stays the
  // same from build to build, so its hash in the CSP does too (deploy/ has it).
  html = html.replace(
    /<meta name="labo-wasm"[^>]*>/,
    `<meta name="labo-wasm" content="${wasmUrl}" data-integrity="${wasmIntegrity}">`,
  );
  const filled = readFileSync(new URL('./boot.js', import.meta.url), 'utf8')
    .replace("'%APP_JS%'", JSON.stringify(appJs))
    .replace("'%APP_WASM%'", JSON.stringify(wasmUrl))
    .replace("'%APP_WASM_INTEGRITY%'", JSON.stringify(wasmIntegrity));
  // Its comments are for us (tools/boot.js), not for our users' data plans.
  const code = (release && (await minifiedGlue(filled))) || filled;
  const name = `boot-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.js`;
  write(name, code);
  html = html.replace(inline[0], `<script type="module" src="${base}${name}" integrity="${sri(code)}" crossorigin="anonymous"></script>`);
}

html = html.replace(/<link rel="preload" href="[^"]+\.wasm"[^>]*>/, '');
// The source's comments are for us, not for our users' data plans.
html = html.replace(/\n?[ \t]*<!--[\s\S]*?-->/g, '');

// config.json, read once for the steps below (the counsellors' build does not need it).
const config = counsellors ? null : readConfig();

// 2. The security policy.
let endpointOrigin = '';
try {
  if (!counsellors) endpointOrigin = new URL(config.endpoint.url).origin;
} catch (error) {
  console.warn(`post-build: no endpoint origin in config.json (${error.message}); connect-src will be 'self' only`);
}
// The same list as domain::config::is_placeholder_host: the app refuses to send there.
const placeholder = /(^|\.)(example|invalid|test|example\.(com|net|org)|exemple\.(fr|com|org|net))$/i;
if (endpointOrigin && placeholder.test(new URL(endpointOrigin).hostname.replace(/\.$/, ''))) {
  console.warn(`post-build: config.json's endpoint (${endpointOrigin}) is an example address; the app sends no sign-up until it is replaced (then run this tool again)`);
}
// The legal notice (LCEN art. 6-III) names the director of publication and the host: the page
// says "ask the mission locale" for what config.json does not give yet; the deployer hears it.
if (!counsellors) {
  const given = (value) => typeof value === 'string' && value.trim() !== '';
  const missing = [
    ['legal_notice.director', config?.legal_notice?.director],
    ['legal_notice.host', config?.legal_notice?.host?.name],
  ].filter(([, value]) => config && !given(value)).map(([key]) => key);
  if (missing.length) {
    console.warn(`post-build: config.json lacks ${missing.join(' and ')}; the law asks for them on /mentions-legales, which says to ask the mission locale meanwhile (docs/configuration.md)`);
  }
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
if (!counsellors) {
  try {
    html = withBrandColour(html, config);
  } catch (error) {
    // Never ship a colour a young person cannot read: the build stops and says why.
    console.error(`post-build: ${error.message}`);
    process.exit(1);
  }
  // (The start page itself is painted from config.json in step 7, the logo with it.)
}
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
// `_headers` is written once the pages are painted (below): each of them is in its cache table.

// 7. The pages a link can open, painted at build time from the app's own components, natively
// (src/bin/labo-render.rs, no browser): release builds, and runs by hand (config.json's values
// are in them). Not for `trunk serve`. A page that cannot be painted fails the build, loudly.
if (release && readdirSync(dir).some((name) => name.endsWith('_bg.wasm'))) {
  const repository = fileURLToPath(new URL('..', import.meta.url));
  const render = spawnSync('cargo', ['run', '--quiet', '--locked', '--features', 'render', '--bin', 'labo-render', '--', resolve(dir)], {
    cwd: repository,
    stdio: 'inherit',
  });
  if (render.status !== 0) {
    console.error(`post-build: the pages a link opens could not be painted (labo-render: ${render.error?.message ?? `exit ${render.status}`})`);
    process.exit(1);
  }
}

// Netlify / Cloudflare Pages headers. Every page (index.html, the painted pages at their
// address and as files, the legal pages, the counsellors' page), the service worker and the
// files a deployer edits are revalidated at each visit: a new deploy is seen at once and never
// mixed with the last one; only files named by their hash are kept for a year.
// tests/post_build.rs checks that every .html file of the folder is in the table.
const noCache = ['/', '/index.html'];
for (const path of paintedPages(dir).map((file) => '/' + relative(dir, file).split(sep).join('/'))) {
  // /inscription.html is served at /inscription; /test/4.html at /test/4 (one rule per folder).
  const folder = path.lastIndexOf('/') > 0 ? path.slice(0, path.lastIndexOf('/')) + '/*' : null;
  for (const rule of folder ? [folder] : [path.replace(/\.html$/, ''), path]) if (!noCache.includes(rule)) noCache.push(rule);
}
noCache.push('/config.json', '/communes.json', '/i18n/*', '/sw.js', '/robots.txt', '/favicon.svg');
write('_headers', [
  '# Netlify / Cloudflare Pages headers, written by tools/post-build.mjs (see deploy/README.md).',
  '/*',
  `  Content-Security-Policy: ${csp}; frame-ancestors 'none'`,
  '  Referrer-Policy: no-referrer',
  '  X-Content-Type-Options: nosniff',
  '  Permissions-Policy: camera=(), microphone=(), geolocation=(), interest-cohort=()',
  '  Cross-Origin-Opener-Policy: same-origin',
  ...noCache.flatMap((rule) => [rule, '  Cache-Control: no-cache']),
  '/*.wasm',
  '  Cache-Control: public, max-age=31536000, immutable',
  '/labo-*',
  '  Cache-Control: public, max-age=31536000, immutable',
  '/boot-*',
  '  Cache-Control: public, max-age=31536000, immutable',
  '/style-*',
  '  Cache-Control: public, max-age=31536000, immutable',
  '/conseillers/',
  '  Cache-Control: no-cache',
  '/conseillers/index.html',
  '  Cache-Control: no-cache',
  '/conseillers/conseillers-*',
  '  Cache-Control: public, max-age=31536000, immutable',
  '/conseillers/boot-*',
  '  Cache-Control: public, max-age=31536000, immutable',
  '/conseillers/style-*',
  '  Cache-Control: public, max-age=31536000, immutable',
  '',
].join('\n'));

// Precompressed copies of the files rewritten here, or edited by the deployer, would be stale.
for (const name of ['index.html', 'sw.js', 'config.json', 'communes.json']) {
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
    // The counsellors' page, the static legal pages (for browsers without JavaScript) and the
    // painted pages (offline, the worker answers every page with index.html) are not part of
    // the young people's offline app.
    .filter((name) => !skip.has(name) && !/^(conseillers|confidentialite|accessibilite|mentions-legales)\//.test(name))
    .filter((name) => name === 'index.html' || !name.endsWith('.html'))
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
    .replace(/^const ASSETS = .*;$/m, `const ASSETS = ${JSON.stringify(shell)};`)
    // Its comments are for us (public/sw.js), not for our users' data plans.
    .replace(/^[ \t]*\/\/.*\n/gm, '');
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
