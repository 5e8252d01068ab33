// A deploy never mixes versions (issue 19, item 6): an app of one deploy never shows the
// language file of another, and the host's cache rules make every page be revalidated.
import { test, expect } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { appReady } from './app';

const START_TITLE = 'Tu as une idée, un projet, ou juste envie d’essayer d’entreprendre ? Le Lab’O t’aide à te lancer.';

test.describe('an English visitor whose app meets the en.json of another deploy', () => {
  // page.route sees the page's own requests only, not those of the service worker.
  test.use({ locale: 'en-GB', serviceWorkers: 'block' });

  test('stays in French with the right French texts, says why in the console, and the switch still answers', async ({ page }) => {
    const said: string[] = [];
    page.on('console', (message) => said.push(message.text()));
    let served = 0;
    await page.route(/\/i18n\/en\.json$/, async (route) => {
      const texts: unknown[] = await (await route.fetch()).json();
      // The next deploy's file: a key renamed, so its texts sit one place further, and its
      // catalogue has another shape.
      const other = [...texts];
      const [first, second] = typeof texts[0] === 'string' && texts[0].startsWith('labo-texts ') ? [1, 2] : [0, 1];
      [other[first], other[second]] = [texts[second], texts[first]];
      if (first === 1) other[0] = 'labo-texts 0123456789abcdef';
      served += 1;
      await route.fulfill({ json: other });
    });
    await page.goto('/');
    await appReady(page);
    await expect.poll(() => served).toBe(1);
    await expect.poll(() => said.some((text) => text.includes('ne correspond pas à cette version'))).toBe(true);
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(START_TITLE);
    await expect(page.getByRole('link', { name: 'M’inscrire directement' })).toBeVisible();
    // The switch still works as a button: asked again, the app tries again, and stays in French.
    const english = page.getByRole('button', { name: 'English' });
    await english.click();
    await expect.poll(() => served).toBe(2);
    await expect(english).toBeEnabled();
    await expect(english).not.toHaveAttribute('aria-busy', 'true');
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await page.getByRole('link', { name: 'M’inscrire directement' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vérifions que le Lab’O est fait pour toi');
    await expect(page.getByRole('button', { name: 'Continuer' })).toBeVisible();
  });
});

/** The `Cache-Control` values of dist/_headers (Netlify / Cloudflare Pages: every matching rule
 * applies, `*` matches anything) for `path`. */
function cacheRules(headers: string, path: string): string[] {
  const rules: string[] = [];
  let pattern = '';
  for (const line of headers.split('\n')) {
    if (line.startsWith('#') || !line.trim()) continue;
    if (!line.startsWith(' ')) pattern = line.trim();
    else if (line.trim().startsWith('Cache-Control:')) {
      const regex = new RegExp('^' + pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*') + '$');
      if (regex.test(path)) rules.push(line.trim().slice('Cache-Control:'.length).trim());
    }
  }
  return rules;
}

test('every page of the build, at every address it is served at, and sw.js are revalidated at each visit', async ({ request }) => {
  const headers = readFileSync('dist/_headers', 'utf8');
  const walk = (folder: string): string[] =>
    readdirSync(folder).flatMap((name) => (statSync(join(folder, name)).isDirectory() ? walk(join(folder, name)) : [join(folder, name)]));
  const pages = walk('dist').filter((file) => file.endsWith('.html')).map((file) => '/' + relative('dist', file).split('\\').join('/'));
  expect(pages).toContain('/inscription.html');
  expect(pages).toContain('/test/4.html');
  const addresses = ['/sw.js', '/i18n/en.json'];
  for (const page of pages) {
    addresses.push(page, page.endsWith('index.html') ? page.slice(0, -'index.html'.length) : page.slice(0, -'.html'.length));
  }
  for (const address of addresses) {
    const rules = cacheRules(headers, address);
    expect(rules, address).toContain('no-cache');
    expect(rules.filter((rule) => rule.includes('immutable')), address).toEqual([]);
  }
  // The painted page is what the host serves at its address.
  expect(await (await request.get('/test/4')).text()).toContain('<meta name="labo-page" content="/test/4">');
});

test('an unknown address gets the painted not-found page with the status 404; the pages that need answers get the app', async ({ request }) => {
  const unknown = await request.get('/nulle-part');
  expect(unknown.status()).toBe(404);
  const body = await unknown.text();
  expect(body).toContain('<meta name="labo-page" content="/404">');
  expect(body).toContain('Cette page n’existe pas');
  // The app's own pages without a painted copy are answered with its shell, as _redirects says.
  const redirects = readFileSync('dist/_redirects', 'utf8');
  for (const address of ['/resultat', '/inscription/coordonnees', '/inscription/verifier', '/inscription/confirmation']) {
    expect(redirects, address).toContain(`${address} /index.html 200`);
    const page = await request.get(address);
    expect(page.status(), address).toBe(200);
    expect(await page.text(), address).toContain('<meta name="labo-page" content="/">');
  }
  expect(redirects).not.toContain('/* ');
});

test('painted again on a machine without a browser (the deployer’s command), the site is the same, byte for byte', () => {
  test.setTimeout(180_000);
  const walk = (folder: string): string[] =>
    readdirSync(folder).flatMap((name) => (statSync(join(folder, name)).isDirectory() ? walk(join(folder, name)) : [join(folder, name)]));
  // Precompressed copies are written after the build (cargo xtask), not by it.
  const files = (root: string) => walk(root).map((file) => relative(root, file)).filter((file) => !/\.(br|gz)$/.test(file)).sort();
  const copy = mkdtempSync(join(tmpdir(), 'labo-dist-'));
  const bin = mkdtempSync(join(tmpdir(), 'labo-bin-'));
  try {
    cpSync('dist', copy, { recursive: true });
    // Only node, cargo and what cargo needs are on the PATH: no Chromium, no browser at all.
    for (const tool of ['node', 'cargo', 'rustc', 'cc', 'ld']) {
      const found = spawnSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).stdout.trim();
      if (found) symlinkSync(found, join(bin, tool));
    }
    const env = { ...process.env, PATH: bin };
    for (const browser of ['chromium', 'chromium-browser', 'google-chrome', 'firefox', 'firefox-esr']) {
      expect(spawnSync(browser, ['--version'], { env }).error, browser).toBeTruthy();
    }
    const run = spawnSync('node', ['tools/post-build.mjs', copy], { env, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('pages painted natively');
    expect(files(copy)).toEqual(files('dist'));
    for (const file of files('dist')) {
      expect(readFileSync(join(copy, file)).equals(readFileSync(join('dist', file))), file).toBe(true);
    }
  } finally {
    rmSync(copy, { recursive: true, force: true });
    rmSync(bin, { recursive: true, force: true });
  }
});

test('deploy/nginx.conf, run by a real nginx on loopback, serves every address as the host must', async ({ request }) => {
  // The example server block, with the certificate lines out and dist/ as its root: what a
  // deployer copies, nothing rewritten but the machine's paths.
  const folder = mkdtempSync(join(tmpdir(), 'labo-nginx-'));
  const port = 18_000 + Math.floor(Math.random() * 2000);
  const site = readFileSync('deploy/nginx.conf', 'utf8')
    .replace('listen 443 ssl http2;', `listen 127.0.0.1:${port};`)
    .replace(/^\s*ssl_certificate.*$/gm, '')
    .replace('root /var/www/labo/dist;', `root ${join(process.cwd(), 'dist')};`)
    .replaceAll('/etc/nginx/snippets/labo-headers.conf', join(process.cwd(), 'dist', 'labo-headers.conf'));
  writeFileSync(join(folder, 'site.conf'), site);
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((name) => `${name}_temp_path ${folder};`).join(' ');
  writeFileSync(
    join(folder, 'nginx.conf'),
    `worker_processes 1; pid ${folder}/nginx.pid; error_log ${folder}/error.log;
     events { worker_connections 64; }
     http { include /etc/nginx/mime.types; access_log off; ${temp} include ${folder}/site.conf; }`,
  );
  const started = spawnSync('/usr/sbin/nginx', ['-c', join(folder, 'nginx.conf')], { encoding: 'utf8' });
  expect(started.status, started.stderr).toBe(0);
  try {
    const base = `http://127.0.0.1:${port}`;
    const page = async (address: string) => {
      const response = await request.get(base + address, { maxRedirects: 0 });
      const mark = /<meta name="labo-page" content="([^"]*)">/.exec(await response.text());
      return { status: response.status(), page: mark?.[1], headers: response.headers() };
    };
    // Painted pages at their address, the app's shell for its own pages, 404.html for the rest.
    const expected: [string, number, string][] = [
      ['/', 200, '/'],
      ['/inscription', 200, '/inscription'],
      ['/test/4', 200, '/test/4'],
      ['/confidentialite', 200, '/confidentialite'],
      ['/mentions-legales/', 200, '/mentions-legales'],
      ['/resultat', 200, '/'],
      ['/inscription/coordonnees', 200, '/'],
      ['/inscription/confirmation', 200, '/'],
      ['/nulle-part', 404, '/404'],
      ['/test/99', 404, '/404'],
    ];
    for (const [address, status, painted] of expected) {
      const got = await page(address);
      expect([got.status, got.page], address).toEqual([status, painted]);
      expect(got.headers['cache-control'], address).toBe('no-cache');
      expect(got.headers['content-security-policy'], address).toContain("connect-src 'self' ");
    }
    // The hashed files are kept a year; the worker is revalidated.
    const wasm = readdirSync('dist').find((name) => name.endsWith('_bg.wasm'))!;
    const heavy = await request.get(`${base}/${wasm}`);
    expect([heavy.status(), heavy.headers()['content-type']]).toEqual([200, 'application/wasm']);
    expect(heavy.headers()['cache-control']).toContain('immutable');
    expect((await request.get(`${base}/sw.js`)).headers()['cache-control']).toBe('no-cache');
  } finally {
    spawnSync('/usr/sbin/nginx', ['-c', join(folder, 'nginx.conf'), '-s', 'stop']);
    rmSync(folder, { recursive: true, force: true });
  }
});
