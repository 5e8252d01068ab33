// The first paint does not wait for the wasm: index.html is the start page, readable without
// JavaScript, and the app takes it over without moving anything.
import { test, expect } from '@playwright/test';
import { appReady, holdTheApp, shifts, watchShifts } from './app';

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the start page text is there, with a way in', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tu as une idée, un projet, ou juste envie d’essayer d’entreprendre ? Le Lab’O t’aide à te lancer.');
    await expect(page.getByText('En juillet 2021, le Lab’O avait accompagné plus de 500 jeunes et vu naître 23 entreprises depuis son ouverture en 2018.')).toBeVisible();
    await expect(page.getByText('Découvrir l’entrepreneuriat', { exact: true })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Faire le test' })).toHaveAttribute('href', '/test/1');
    await expect(page).toHaveTitle('Lab’O – Mission Locale du Havre');
  });
});

test('the app takes over the static page without a layout shift', async ({ page }) => {
  await page.goto('/');
  await appReady(page);
  await expect(page.getByRole('link', { name: '02 61 91 00 00' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
  const shift = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let total = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) {
            if (!entry.hadRecentInput) total += entry.value;
          }
        }).observe({ type: 'layout-shift', buffered: true });
        setTimeout(() => resolve(total), 500);
      }),
  );
  expect(shift).toBeLessThan(0.01);
});

test('a deep link does not flash the start text and nothing moves when its page arrives', async ({ page }) => {
  const release = await holdTheApp(page);
  // A step that needs answers first (not painted at build time, see painted.spec.ts).
  await page.goto('/inscription/coordonnees');
  await expect(page.getByRole('link', { name: 'Lab’O – Mission Locale du Havre' })).toBeVisible();
  await expect(page.getByText('Tu as une idée, un projet, ou juste envie d’essayer d’entreprendre ? Le Lab’O t’aide à te lancer.')).toBeHidden();
  await watchShifts(page);
  release();
  await expect(page.getByRole('heading', { level: 1, name: 'Vérifions que le Lab’O est fait pour toi' })).toBeVisible();
  await page.waitForTimeout(300);
  expect(await shifts(page)).toBeLessThan(0.01);
});

test('a deep link without a painted page starts the wasm download at once, and the app uses that download', async ({ page }) => {
  const wasm: { url: string; at: number }[] = [];
  const warnings: string[] = [];
  page.on('request', (r) => { if (r.url().endsWith('.wasm')) wasm.push({ url: r.url(), at: Date.now() }); });
  page.on('console', (m) => { if (m.type() === 'warning' || m.type() === 'error') warnings.push(m.text()); });
  // The later sign-up steps need answers first: not painted at build time (painted.spec.ts).
  await page.goto('/inscription/coordonnees');
  await expect(page.getByRole('heading', { level: 1, name: 'Vérifions que le Lab’O est fait pour toi' })).toBeVisible();
  await page.waitForTimeout(3500); // Chromium warns about an unused preload after 3 s.
  expect(wasm).toHaveLength(1);
  const preload = await page.evaluate(() => document.querySelector('link[rel=preload][as=fetch]')?.getAttribute('href'));
  expect(wasm[0].url).toContain(preload ?? 'no preload');
  // Chromium says it ignores integrity on fetch preloads (crbug.com/981419); the integrity is
  // there for browsers that need it to match the app's fetch, which checks it anyway.
  expect(warnings.filter((w) => w.includes('preload') && !w.includes('`integrity` attribute is currently ignored'))).toEqual([]);
});

test('when the app cannot load, the start text shows with a message, even on a deep link', async ({ page }) => {
  await page.route(/_bg\.wasm$/, (route) => route.abort());
  await page.goto('/inscription/coordonnees');
  await expect(page.getByRole('alert')).toHaveText('L’application n’a pas pu se charger. Vérifie ta connexion et recharge la page, ou appelle la Mission Locale au 02 61 91 00 00.');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tu as une idée, un projet, ou juste envie d’essayer d’entreprendre ? Le Lab’O t’aide à te lancer.');
  // Links are plain links again.
  await page.getByRole('link', { name: 'Faire le test' }).click();
  await page.waitForURL(/\/test\/1$/);
  await expect(page.getByRole('alert')).toBeVisible();
});

test('a browser that cannot even run the start-up script gets the start text and the message after 10 s', async ({ page }) => {
  test.setTimeout(30_000);
  await page.route(/\/boot-[0-9a-f]+\.js$/, (route) => route.abort());
  await page.goto('/inscription/coordonnees');
  await expect(page.getByText('Tu as une idée, un projet, ou juste envie d’essayer d’entreprendre ? Le Lab’O t’aide à te lancer.')).toBeHidden();
  await expect(page.getByRole('alert')).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole('alert')).toBeFocused();
  await expect(page.getByText('Tu as une idée, un projet, ou juste envie d’essayer d’entreprendre ? Le Lab’O t’aide à te lancer.')).toBeVisible();
});

test('a tapped link says it is loading, to screen readers too', async ({ page }) => {
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/_bg\.wasm$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/');
  await page.getByRole('link', { name: 'Faire le test' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Chargement…' })).toHaveCount(1);
  release();
  await expect(page.getByText(/^Question 1 sur \d+$/)).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
});

test('a tap held while the download stalls is followed as a plain link after 20 s', async ({ page }) => {
  test.setTimeout(60_000);
  // The wasm never arrives on the first page; the second page load gets it.
  let first = true;
  await page.route(/_bg\.wasm$/, async (route) => {
    if (first) {
      first = false;
      return; // never answered
    }
    await route.continue();
  });
  await page.goto('/');
  await page.getByRole('link', { name: 'Faire le test' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Chargement…' })).toHaveCount(1);
  expect(new URL(page.url()).pathname).toBe('/');
  await page.waitForURL(/\/test\/1$/, { timeout: 30_000 });
  await expect(page.getByText(/^Question 1 sur \d+$/)).toBeVisible();
});
