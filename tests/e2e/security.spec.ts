// Locked down by design: a Content-Security-Policy without 'unsafe-inline' (the one inline script
// is allowed by its hash), Subresource Integrity on every asset (the wasm included), no referrer.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { test, expect } from '@playwright/test';
import { appReady } from './app';
import { STAND_IN_URL } from './stand-in';

test('the page runs under a strict CSP, with integrity on every asset and only hashed inline script', async ({ page, request }) => {
  const response = await request.get('/');
  const header = response.headers()['content-security-policy'];
  expect(header).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(header).toContain(`connect-src 'self' ${new URL(STAND_IN_URL).origin}`);
  expect(header).toContain("frame-ancestors 'none'");
  expect(header).not.toContain('unsafe-inline');
  expect(response.headers()['referrer-policy']).toBe('no-referrer');

  const violations: string[] = [];
  page.on('console', (m) => {
    if (m.text().includes('Content Security Policy')) violations.push(m.text());
  });
  await page.goto('/');
  await appReady(page);
  const assets = await page.evaluate(() => ({
    inline: [...document.querySelectorAll('script:not([src])')].map((s) => s.textContent ?? ''),
    scripts: [...document.querySelectorAll('script[src]')].map((s) => s.getAttribute('integrity')),
    styles: [...document.querySelectorAll('link[rel=stylesheet], link[rel=modulepreload]')].map((l) => l.getAttribute('integrity')),
    meta: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '',
    boot: document.querySelector('script[src]')?.getAttribute('src') ?? '',
  }));
  // Only the deep-link script, which must run before the first paint, and only by its hash.
  expect(assets.inline).toHaveLength(1);
  expect(assets.inline[0]).toContain("classList.add('deep-link')");
  const hash = `'sha256-${createHash('sha256').update(assets.inline[0]).digest('base64')}'`;
  expect(header).toContain(`script-src 'self' 'wasm-unsafe-eval' ${hash}`);
  expect(assets.meta).toContain(hash);
  // The script never changes from build to build, so the deploy examples can carry its hash.
  for (const file of ['deploy/labo-headers.conf', 'deploy/_headers.example']) {
    expect(readFileSync(file, 'utf8'), file).toContain(`script-src 'self' 'wasm-unsafe-eval' ${hash};`);
  }
  expect(assets.scripts.length).toBeGreaterThan(0);
  expect(assets.styles.length).toBeGreaterThan(1);
  for (const integrity of [...assets.scripts, ...assets.styles]) expect(integrity).toMatch(/^sha384-/);
  expect(assets.meta).toContain("default-src 'self'");
  const boot = await (await request.get(assets.boot)).text();
  // tools/boot.js, filled in (and minified) by the build: the wasm is fetched with its integrity.
  const wasm = await page.evaluate(() => {
    const meta = document.querySelector('meta[name="labo-wasm"]');
    return { url: meta?.getAttribute('content') ?? '', integrity: meta?.getAttribute('data-integrity') ?? '' };
  });
  expect(wasm.url).toMatch(/^\/labo-[0-9a-f]+_bg\.wasm$/);
  expect(wasm.integrity).toMatch(/^sha384-/);
  expect(boot).toContain(JSON.stringify(wasm.url));
  expect(boot).toContain(JSON.stringify(wasm.integrity));
  expect(boot).toMatch(/fetch\([^)]*integrity:/);
  expect(boot).not.toContain('%APP_');
  expect(violations).toEqual([]);
});

test('the build writes the nginx headers with the endpoint origin of config.json, nothing to edit by hand', () => {
  const origin = new URL(JSON.parse(readFileSync('dist/config.json', 'utf8')).endpoint.url).origin;
  const nginx = readFileSync('dist/labo-headers.conf', 'utf8');
  const netlify = readFileSync('dist/_headers', 'utf8');
  expect(nginx).not.toContain('ENDPOINT_ORIGIN');
  expect(nginx).toContain(`connect-src 'self' ${origin};`);
  const policyOf = (text: string, pattern: RegExp) => text.match(pattern)?.[1];
  const nginxPolicy = policyOf(nginx, /add_header Content-Security-Policy "([^"]+)" always;/);
  expect(nginxPolicy).toBeTruthy();
  expect(nginxPolicy).toBe(policyOf(netlify, /Content-Security-Policy: (.+)/));
});
