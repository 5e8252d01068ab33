// Pages painted at build time (issue 15): a counsellor's `/inscription` link or QR code and a
// reload in the middle of the test (`/test/4`) show their real content from the first round trip,
// before the wasm arrives, as the start page does.
//
// How: the built app runs in headless Chromium on a loopback server of the build folder; each
// page a link can open *without answers first* is loaded in a fresh browser context, and once
// the app shows it, its markup is written as `<path>.html` (`inscription.html`, `test/4.html`):
// a copy of index.html whose static page is the app's own markup, marked with the page's path
// (`<meta name="labo-page">`, read by index.html's inline script). Hosts serve `/inscription`
// from `inscription.html` (nginx: `try_files $uri $uri.html …`, deploy/nginx.conf; Netlify and
// Cloudflare Pages do it themselves). The app takes over as on the start page; tools/boot.js
// carries over what was typed or tapped meanwhile.
//
// Pages that need answers first (the result, the later sign-up steps) redirect in a fresh
// context: they are not painted, and load as before (the start text hidden, the wasm at once).
//
// Called by tools/post-build.mjs for release builds and when run by hand (the deployer's
// config.json values are in the painted markup: run it again after editing config.json). Needs
// Chromium (LABO_CHROMIUM, default /usr/bin/chromium) and the repository's node_modules; without
// them the painted pages are removed, with a warning, and deep links load as before.
import { createServer } from 'node:http';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
};

/** Where the painted page of `path` is written: `/inscription` → `inscription.html`. */
export const fileOf = (path) => path.slice(1) + '.html';

/** The painted pages of a build folder (any .html file marked with labo-page, index.html aside). */
export function paintedPages(dir) {
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

function removePainted(dir) {
  for (const path of paintedPages(dir)) {
    rmSync(path, { force: true });
    rmSync(path + '.br', { force: true });
    rmSync(path + '.gz', { force: true });
  }
}

/** The build folder on loopback: its files, index.html for every other path (the app's routes).
 * config.json's endpoint is replaced by one on this server (the example address of a fresh
 * checkout would show the "unavailable" page; nothing is ever sent while painting, and the
 * painted markup does not show the endpoint). */
function serve(dir) {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
    let file = join(dir, path);
    if (path.includes('..') || !existsSync(file) || statSync(file).isDirectory()) file = join(dir, 'index.html');
    let body = readFileSync(file);
    if (path === '/config.json') {
      try {
        const config = JSON.parse(body);
        config.endpoint = { ...config.endpoint, url: `http://127.0.0.1:${server.address().port}/__prerender/endpoint` };
        body = JSON.stringify(config);
      } catch {
        // A broken config.json is served as it is: the app shows its "unavailable" page
        // everywhere, and nothing is painted (below).
      }
    }
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    response.end(body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** index.html with the app's markup of `path` as its static page. */
function paintedPage(indexHtml, path, shot) {
  const staticStart = indexHtml.indexOf('<div id="static-page"');
  const staticEnd = indexHtml.lastIndexOf('</div>', indexHtml.indexOf('</body>'));
  if (staticStart < 0 || staticEnd < 0) throw new Error('index.html has no #static-page');
  // What the start page says when the app cannot load, or without JavaScript: the same on every
  // painted page, at the top of its content.
  const keep = (id) => indexHtml.match(new RegExp(`<p [^>]*id="${id}"[^>]*>[\\s\\S]*?</p>`))?.[0] ?? '';
  const noscript = indexHtml.match(/<noscript>[\s\S]*?<\/noscript>/)?.[0] ?? '';
  const notices = noscript + keep('app-loading') + keep('app-failed');
  const markup = shot.body.replace(/(<main\b[^>]*>)/, `$1${notices}`);
  const escape = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return (
    indexHtml.slice(0, staticStart)
      .replace(/<meta name="labo-page" content="[^"]*">/, `<meta name="labo-page" content="${path}">`)
      .replace(/<title>[^<]*<\/title>/, `<title>${escape(shot.title)}</title>`) +
    `<div id="static-page" data-hold-taps>${markup}` +
    indexHtml.slice(staticEnd)
  );
}

/** Paints the pages a link can open into `dir`; returns the paths painted. */
export async function prerender(dir) {
  removePainted(dir);
  const executablePath = process.env.LABO_CHROMIUM ?? '/usr/bin/chromium';
  let chromium;
  try {
    ({ chromium } = await import('@playwright/test'));
  } catch (error) {
    console.warn(`prerender: Playwright is not installed (${error.message}); deep links wait for the app (run \`cargo xtask setup\`)`);
    return [];
  }
  if (!existsSync(executablePath)) {
    console.warn(`prerender: no Chromium at ${executablePath} (set LABO_CHROMIUM); deep links wait for the app`);
    return [];
  }
  const indexHtml = readFileSync(join(dir, 'index.html'), 'utf8');
  const server = await serve(dir);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({
    executablePath,
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
  });
  const shots = new Map();
  try {
    const shoot = async (path) => {
      // A fresh context per page: no answers, no draft, French, a phone's width.
      const context = await browser.newContext({ serviceWorkers: 'block', locale: 'fr-FR', viewport: { width: 412, height: 915 } });
      try {
        const page = await context.newPage();
        const said = [];
        page.on('console', (message) => said.push(`${message.type()}: ${message.text()}`));
        page.on('pageerror', (error) => said.push(`error: ${error.message}`));
        page.on('requestfailed', (request) => said.push(`failed: ${request.url()} ${request.failure()?.errorText}`));
        await page.goto(origin + path);
        try {
          await page.waitForFunction(() => !document.getElementById('static-page') && document.querySelector('main h1'), null, { timeout: 30_000 });
        } catch (error) {
          throw new Error(`prerender: the app did not show ${path} within 30 s. The page said:\n${said.join('\n')}`, { cause: error });
        }
        await page.waitForTimeout(100); // the app's last effects (the title, the commune list)
        if (new URL(page.url()).pathname !== path) return null; // needs answers first
        return await page.evaluate(() => {
          const body = document.body.cloneNode(true);
          for (const element of body.querySelectorAll('script')) element.remove();
          return { body: body.innerHTML.trim(), title: document.title, heading: document.querySelector('main h1').textContent };
        });
      } finally {
        await context.close();
      }
    };
    const candidates = ['/inscription'];
    for (let n = 1; ; n++) {
      const shot = await shoot(`/test/${n}`);
      if (!shot) break;
      shots.set(`/test/${n}`, shot);
      if (n > 100) throw new Error('prerender: /test/n never ends');
    }
    for (const path of candidates) {
      const shot = await shoot(path);
      if (shot) shots.set(path, shot);
    }
  } finally {
    await browser.close();
    server.close();
  }
  // A broken config.json shows the same page on every path: nothing to paint then.
  const headings = new Set([...shots.values()].map((shot) => shot.heading));
  if (shots.size < 2 || headings.size < 2) {
    console.warn('prerender: the app shows the same page everywhere (config.json broken?); nothing painted');
    return [];
  }
  for (const [path, shot] of shots) {
    const file = join(dir, fileOf(path));
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, paintedPage(indexHtml, path, shot));
  }
  return [...shots.keys()];
}
