// public/sw.js, run in a fake worker scope (node --test, called by tests/post_build.rs): the
// shell it installs names only the files it precached; a shell of another deploy fails the
// install instead of caching a mix of two deploys.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import vm from 'node:vm';

const ASSETS = ['/boot-1111111111111111.js', '/labo-2222222222222222.js', '/labo-2222222222222222_bg.wasm', '/style-3333333333333333.css', '/config.json', '/index.html'];

/** A shell (index.html as tools/post-build.mjs writes it) naming `boot`, `js`, `wasm`. */
const shell = ({ boot = '/boot-1111111111111111.js', js = '/labo-2222222222222222.js', wasm = '/labo-2222222222222222_bg.wasm' } = {}) => `<!DOCTYPE html><html><head>
<meta name="labo-page" content="/"><meta name="labo-wasm" content="${wasm}" data-integrity="sha384-x">
<link rel="stylesheet" href="/style-3333333333333333.css" integrity="sha384-x"/>
<link rel="modulepreload" href="${js}" crossorigin="anonymous" integrity="sha384-x">
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<script type="module" src="${boot}" integrity="sha384-x" crossorigin="anonymous"></script>
</head><body><div id="static-page"><a href="/inscription">M’inscrire</a></div></body></html>`;

/** Installs public/sw.js (its list filled in as the build does) against a host serving `index`;
 * resolves to what it cached, or rejects as the install does. */
async function install(index) {
  const source = readFileSync(new URL('../public/sw.js', import.meta.url), 'utf8')
    .replace(/^const VERSION = .*;$/m, 'const VERSION = "test";')
    .replace(/^const ASSETS = .*;$/m, `const ASSETS = ${JSON.stringify(ASSETS)};`);
  const listeners = {};
  const cached = new Map();
  const cache = {
    addAll: async (urls) => urls.forEach((url) => cached.set(url, new Response('file'))),
    put: async (key, response) => cached.set(key, response),
    match: async (key) => cached.get(key),
  };
  const scope = {
    self: { addEventListener: (type, listener) => (listeners[type] = listener), skipWaiting: async () => {}, location: { origin: 'https://labo.test' } },
    caches: { open: async () => cache },
    fetch: async (url) => {
      assert.equal(url, '/index.html');
      return new Response(index, { headers: { 'content-type': 'text/html; charset=utf-8' } });
    },
    Response,
    Error,
  };
  vm.runInNewContext(source, scope);
  let installing;
  listeners.install({ waitUntil: (promise) => (installing = promise) });
  await installing;
  return cached;
}

test('the shell of this deploy is installed with its files', async () => {
  const cached = await install(shell());
  assert.ok(cached.has('/index.html'));
  assert.ok(cached.has('/labo-2222222222222222_bg.wasm'));
});

test('a shell naming another deploy\'s files fails the install, nothing mixed is kept', async () => {
  for (const next of [{ boot: '/boot-9999999999999999.js' }, { wasm: '/labo-8888888888888888_bg.wasm' }, { js: '/labo-8888888888888888.js' }]) {
    await assert.rejects(install(shell(next)), /another deploy/, JSON.stringify(next));
  }
});

test('a page that names no app file (an error page served as HTML) is not a shell', async () => {
  await assert.rejects(install('<!DOCTYPE html><title>Maintenance</title>'), /another deploy/);
});
