// Pages painted at build time (issue 15): a counsellor's /inscription link and a reload in the
// middle of the test show their real content before the wasm arrives; the app takes over
// without moving anything and without losing what was typed or tapped meanwhile.
import { test, expect } from '@playwright/test';
import { appReady, holdTheApp, shifts, watchShifts } from './app';
import { QUESTION_COUNT } from './journey';

const ELIGIBILITY_TITLE = 'Vérifions que le Lab’O est fait pour toi';

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a counsellor’s sign-up link shows the sign-up’s first page, and says JavaScript is needed', async ({ page }) => {
    await page.goto('/inscription');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(ELIGIBILITY_TITLE);
    await expect(page.getByLabel('Jour')).toBeVisible();
    await expect(page.getByText(/active JavaScript dans ton navigateur/)).toBeVisible();
    await expect(page.getByText('Tu as une idée, un projet, ou juste envie', { exact: false })).toHaveCount(0);
    await expect(page).toHaveTitle(/Lab’O/);
  });

  test('every question of the test has its page, the last one included', async ({ page }) => {
    for (const n of [1, 4, QUESTION_COUNT]) {
      await page.goto(`/test/${n}`);
      await expect(page.getByText(`Question ${n} sur ${QUESTION_COUNT}`, { exact: true })).toBeVisible();
      expect(await page.getByRole('radio').or(page.getByRole('checkbox')).count()).toBeGreaterThan(1);
    }
  });

  test('a page that needs answers first is not painted: the start text is there instead', async ({ page }) => {
    await page.goto('/resultat');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tu as une idée, un projet, ou juste envie d’essayer d’entreprendre ? Le Lab’O t’aide à te lancer.');
  });
});

test('on a painted sign-up page, what is typed before the app arrives is kept, and "Continuer" is done by the app', async ({ page }) => {
  const release = await holdTheApp(page);
  await page.goto('/inscription');
  await expect(page.getByRole('heading', { level: 1, name: ELIGIBILITY_TITLE })).toBeVisible();
  await expect(page.locator('#static-page')).toHaveCount(1);
  await watchShifts(page);
  await page.getByLabel('Jour').fill('1');
  await page.getByLabel('Mois').fill('1');
  await page.getByLabel('Année').fill(String(new Date().getFullYear() - 19));
  await page.getByRole('radio', { name: 'Non, j’ai arrêté ou terminé' }).check();
  await page.getByRole('button', { name: 'Continuer' }).click();
  // Held: the button says it is busy, the page does not go anywhere.
  await expect(page.getByRole('button', { name: 'Continuer' })).toHaveAttribute('aria-busy', 'true');
  expect(new URL(page.url()).pathname).toBe('/inscription');
  release();
  await appReady(page);
  // The app checked the answers it was given: the date and the school are there, the commune is
  // missing, so the app says so (it would have gone on otherwise).
  await expect(page.getByRole('heading', { level: 1, name: ELIGIBILITY_TITLE })).toBeVisible();
  await expect(page.getByLabel('Jour')).toHaveValue('1');
  await expect(page.getByLabel('Année')).toHaveValue(String(new Date().getFullYear() - 19));
  await expect(page.getByRole('radio', { name: 'Non, j’ai arrêté ou terminé' })).toBeChecked();
  const problems = page.getByRole('alert').filter({ hasText: 'Il y a un problème' });
  await expect(problems).toBeVisible();
  await expect(problems.getByRole('link')).toHaveCount(1);
  await expect(problems.getByRole('link')).toContainText('commune');
});

test('on a painted question, the answer tapped before the app arrives counts, and the app moves on', async ({ page }) => {
  const release = await holdTheApp(page);
  await page.goto('/test/4');
  await expect(page.getByText(`Question 4 sur ${QUESTION_COUNT}`, { exact: true })).toBeVisible();
  await watchShifts(page);
  await page.getByRole('radio').nth(1).check();
  await page.getByRole('button', { name: 'Continuer' }).click();
  release();
  await expect(page.getByText(`Question 5 sur ${QUESTION_COUNT}`, { exact: true })).toBeVisible();
  expect(await shifts(page)).toBeLessThan(0.01);
  await page.getByRole('link', { name: 'Question précédente' }).click();
  await expect(page.getByText(`Question 4 sur ${QUESTION_COUNT}`, { exact: true })).toBeVisible();
  await expect(page.getByRole('radio').nth(1)).toBeChecked();
});

test('the app takes over a painted page without moving anything, and keeps the field being typed in', async ({ page }) => {
  const release = await holdTheApp(page);
  await page.goto('/inscription');
  await watchShifts(page);
  await page.getByLabel('Jour').fill('12');
  await page.getByLabel('Mois').click();
  await page.keyboard.type('3');
  release();
  await appReady(page);
  await page.waitForTimeout(300);
  expect(await shifts(page)).toBeLessThan(0.01);
  await expect(page.getByLabel('Mois')).toBeFocused();
  await page.keyboard.type('0'); // still typing in the same field, now the app's
  await expect(page.getByLabel('Mois')).toHaveValue('30');
  await expect(page.getByLabel('Jour')).toHaveValue('12');
});

test('a painted page is served for its address, with the app’s title, and only that page is painted', async ({ request }) => {
  const painted = await (await request.get('/inscription')).text();
  expect(painted).toContain('<meta name="labo-page" content="/inscription">');
  expect(painted).toMatch(/<title>[^<]*Lab’O[^<]*<\/title>/);
  const shell = await (await request.get('/inscription/coordonnees')).text();
  expect(shell).toContain('<meta name="labo-page" content="/">');
});

test('when the app cannot load, a painted page stays, with the message and the phone number', async ({ page }) => {
  await page.route(/_bg\.wasm$/, (route) => route.abort());
  await page.goto('/inscription');
  await expect(page.getByRole('alert')).toHaveText('L’application n’a pas pu se charger. Vérifie ta connexion et recharge la page, ou appelle la Mission Locale au 02 61 91 00 00.');
  await expect(page.getByRole('alert')).toBeFocused();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(ELIGIBILITY_TITLE);
});

test.describe('an English visitor on a painted page (painted in French)', () => {
  test.use({ locale: 'en-GB' });

  /** Holds config.json until English has arrived: the app then draws its first page in English
   * (as on most phones, en.json being small), and its buttons have English words. */
  async function englishFirst(page: import('@playwright/test').Page) {
    const english = page.waitForResponse(/\/i18n\/en\.json$/);
    await page.route(/\/config\.json$/, async (route) => {
      await english;
      await route.continue();
    });
  }

  test('"Continuer" tapped before the app arrives is done by the app, in English', async ({ page }) => {
    const release = await holdTheApp(page);
    await englishFirst(page);
    await page.goto('/inscription');
    await expect(page.getByRole('heading', { level: 1, name: ELIGIBILITY_TITLE })).toBeVisible();
    await page.getByLabel('Jour').fill('1');
    await page.getByLabel('Mois').fill('1');
    await page.getByLabel('Année').fill(String(new Date().getFullYear() - 19));
    await page.getByRole('radio', { name: 'Non, j’ai arrêté ou terminé' }).check();
    await page.getByRole('button', { name: 'Continuer' }).click();
    await expect(page.getByRole('button', { name: 'Continuer' })).toHaveAttribute('aria-busy', 'true');
    release();
    await appReady(page);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    // The app checked what it was given: only the commune is missing.
    const problems = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await expect(problems).toBeVisible();
    await expect(problems.getByRole('link')).toHaveCount(1);
    await expect(page.getByLabel('Day')).toHaveValue('1');
    await expect(page.getByRole('radio', { name: 'No, I stopped or finished' })).toBeChecked();
  });

  test('the answer and "Continuer" tapped on a painted question count, and the app moves on in English', async ({ page }) => {
    const release = await holdTheApp(page);
    await englishFirst(page);
    await page.goto('/test/4');
    await expect(page.getByText(`Question 4 sur ${QUESTION_COUNT}`, { exact: true })).toBeVisible();
    await page.getByRole('radio').nth(1).check();
    await page.getByRole('button', { name: 'Continuer' }).click();
    release();
    await expect(page.getByText(`Question 5 of ${QUESTION_COUNT}`, { exact: true })).toBeVisible();
    await page.getByRole('link', { name: 'Previous question' }).click();
    await expect(page.getByRole('radio').nth(1)).toBeChecked();
  });
});

test('a tap whose typed values could not all be carried over is not replayed, and nothing is lost', async ({ page }) => {
  const said: string[] = [];
  page.on('console', (message) => said.push(message.text()));
  const release = await holdTheApp(page);
  await page.goto('/inscription');
  await expect(page.getByRole('heading', { level: 1, name: ELIGIBILITY_TITLE })).toBeVisible();
  // A field the app does not have (as in a page painted by another version of the app).
  await page.evaluate(() => {
    document.getElementById('birth-month')!.id = 'birth-month-of-another-version';
  });
  const year = String(new Date().getFullYear() - 19);
  await page.getByLabel('Jour').fill('1');
  await page.locator('#birth-month-of-another-version').fill('1');
  await page.getByLabel('Année').fill(year);
  await page.getByRole('button', { name: 'Continuer' }).click();
  await expect(page.getByRole('button', { name: 'Continuer' })).toHaveAttribute('aria-busy', 'true');
  release();
  await appReady(page);
  // Not replayed: the app did not check a form missing the month (no problems listed), and the
  // young person is still in their field, with what could be carried over.
  await page.waitForTimeout(1000);
  await expect(page.getByRole('alert').filter({ hasText: 'Il y a un problème' })).toHaveCount(0);
  expect(new URL(page.url()).pathname).toBe('/inscription');
  await expect(page.getByLabel('Jour')).toHaveValue('1');
  await expect(page.getByLabel('Année')).toHaveValue(year);
  await expect(page.getByLabel('Année')).toBeFocused();
  await expect(page.getByRole('button', { name: 'Continuer' })).not.toHaveAttribute('aria-busy', 'true');
  expect(said.some((text) => text.includes('Rien n’est perdu') || text.includes("Rien n'est perdu"))).toBe(true);
});
