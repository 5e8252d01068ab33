// Lab'O service worker: keeps the app shell on the phone so that, after one visit, the app
// opens and the test can be taken with no network.
//
// The build (tools/post-build.mjs, a Trunk post-build hook) replaces VERSION and ASSETS
// with the hash and the list of the files Trunk produced, so every deploy gets a new cache and
// the previous one is deleted once the new one is ready.
//
// - index.html (every navigation, for deep links too): network first; when the network is down or
//   slower than NAVIGATION_TIMEOUT_MS, the index.html *this worker precached* at install, which
//   names exactly the files this worker holds (checked at install: a shell naming other files
//   fails the install). A page fetched from the network is never written
//   into the shell: it may belong to a newer deploy whose files this worker does not have (and
//   whose own worker may have failed to install);
// - JSON files (config.json, the commune list): network first, so a fix is seen at once;
// - hashed files (wasm, js, css): from the cache, they never change under the same name;
// - anything that is not a GET (the sign-up POST), other origins and the counsellors' page
//   (/conseillers/, a separate app): never touched.

const VERSION = 'filled-in-by-tools/post-build.mjs';
const ASSETS = [];
const SHELL = `labo-shell-${VERSION}`;
const NAVIGATION_TIMEOUT_MS = 4000;
// A copy of a response without its "redirected" flag (some hosts redirect /index.html to /),
// which browsers refuse to use for a navigation.
async function plain(response) {
  return new Response(await response.blob(), { status: response.status, statusText: response.statusText, headers: response.headers });
}

// The files of a build a shell names (the app's JS and wasm, the boot script, the stylesheet,
// all named by their hash): the shell this worker keeps names only files in ASSETS.
const BUILT_FILES = /(?:src|href|content)="(\/(?:labo|boot|style)-[^"\/]+)"/g;

// Only an HTML page may become the app shell served for every address.
function isShell(response) {
  return response.ok && (response.headers.get('content-type') || '').includes('text/html');
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(SHELL).then(async (cache) => {
      await cache.addAll(ASSETS.filter((asset) => asset !== '/index.html'));
      const index = await fetch('/index.html', { cache: 'no-cache' });
      if (!isShell(index)) throw new Error('index.html is not an HTML page');
      const shell = await plain(index);
      // The host may already serve the next deploy's index.html (published between this
      // worker's script and its install): cached with this worker's files, it would be a mix of
      // two deploys, a shell naming files no cache holds. The install fails instead: the worker
      // in charge stays (or none, and the network serves the pages).
      const named = [...(await shell.clone().text()).matchAll(BUILT_FILES)].map((match) => match[1]);
      const foreign = named.filter((name) => !ASSETS.includes(name));
      if (!named.length || foreign.length) throw new Error(`index.html is another deploy's (${foreign.join(', ') || 'no app files'})`);
      await cache.put('/index.html', shell);
    }).then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((names) => Promise.all(names.filter((name) => name.startsWith('labo-shell-') && name !== SHELL).map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  );
});

function withTimeout(promise, ms) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout')), ms);
    promise.then((value) => { clearTimeout(timer); resolve(value); }, (error) => { clearTimeout(timer); reject(error); });
  });
}

// `keep` says whether a network answer may replace the cached copy (never for the shell).
async function networkFirst(request, cacheKey, timeoutMs, keep) {
  const cache = await caches.open(SHELL);
  const network = fetch(request).then(async (response) => {
    if (keep(response)) cache.put(cacheKey, response.redirected ? await plain(response.clone()) : response.clone());
    return response;
  });
  try {
    return await (timeoutMs ? withTimeout(network, timeoutMs) : network);
  } catch (error) {
    const cached = await cache.match(cacheKey);
    if (cached) return cached;
    return network;
  }
}

async function cacheFirst(request) {
  const cached = await caches.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) {
    const cache = await caches.open(SHELL);
    cache.put(request, response.clone());
  }
  return response;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname.startsWith('/__')) return;
  // The counsellors' page is a separate app: never the young people's shell, never cached here.
  if (url.pathname.startsWith('/conseillers')) return;
  if (request.mode === 'navigate') {
    event.respondWith(networkFirst(request, '/index.html', NAVIGATION_TIMEOUT_MS, () => false));
  } else if (url.pathname.endsWith('.json')) {
    // config.json, the commune list (wherever config.json puts it): network first.
    event.respondWith(networkFirst(request, url.pathname, NAVIGATION_TIMEOUT_MS, (response) => response.ok));
  } else {
    event.respondWith(cacheFirst(request));
  }
});
