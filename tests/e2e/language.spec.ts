// French and English: the switch on every page keeps progress, <html lang> follows, the first
// visit follows the browser's language (French by default), and the payload says which.
import { test, expect } from '@playwright/test';
import { reset, submissions } from './stand-in';
import { answerQuestion, LE_HAVRE } from './journey';
import { appReady } from './app';

test.beforeEach(async ({ request }) => {
  await reset(request);
});

test('switching language keeps the answers and the page, and the sign-up says English', async ({ page, request }) => {
  await page.goto('/test/1');
  await answerQuestion(page, 1, 2);
  await answerQuestion(page, 2, 1);
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page).toHaveTitle('Question 3 of 16 – Lab\'O');
  await expect(page.getByText('Question 3 of 16', { exact: true })).toBeVisible();
  await page.getByRole('link', { name: 'Previous question' }).click();
  await expect(page.getByRole('radio').nth(1)).toBeChecked();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('If you could start tomorrow, you would rather feel…');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('button', { name: 'Français' })).toBeVisible();

  await page.goto('/inscription');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('alert')).toContainText('There is a problem');
  await expect(page).toHaveTitle(/^Error: /);
  await page.getByLabel('Day').fill('1');
  await page.getByLabel('Month').fill('1');
  await page.getByLabel('Year').fill(LE_HAVRE.year);
  await page.getByRole('radio', { name: 'No, I stopped or finished' }).check();
  await page.getByLabel('Which town do you live in?').fill('le havre');
  await page.getByRole('radio', { name: 'Le Havre (76610)' }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('First name').fill('Amira');
  await page.getByLabel('Last name').fill('Haddad');
  await page.getByLabel('Phone number').fill('07 98 76 54 32');
  await page.getByRole('radio', { name: 'I am in training' }).check();
  await page.getByRole('radio', { name: 'By phone (a call)' }).check();
  await page.getByRole('radio', { name: 'Any time' }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check your answers');
  await page.getByRole('button', { name: 'Send my sign-up' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign-up sent');
  const [stored] = await submissions(request);
  expect(stored.body.locale).toBe('en');
  expect(stored.body.applicant.first_name).toBe('Amira');

  await page.getByRole('button', { name: 'Français' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Inscription envoyée');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
});

test.describe('first visit in English', () => {
  test.use({ locale: 'en-GB' });
  test('follows the browser\'s language', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Got an idea, a project, or just want to try being an entrepreneur? The Lab\'O helps you get going.');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await page.getByRole('link', { name: 'Sign up directly' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Let\'s check the Lab\'O is right for you');
  });

  test('the deployment\'s French words in English sentences are marked French (RGAA 8.7)', async ({ page }) => {
    await page.goto('/');
    await appReady(page);
    const territory = page.getByRole('listitem').filter({ hasText: /^you live/ });
    await expect(territory.locator('span[lang="fr"]')).toHaveText('au Havre, à Fécamp ou dans une commune autour');
    await expect(territory).toHaveText('you live au Havre, à Fécamp ou dans une commune autour.');
    await page.locator('footer').getByRole('link', { name: 'Personal data' }).click();
    await expect(page.locator('main span[lang="fr"]').first()).toHaveText('Mission Locale Le Havre Estuaire Littoral');
    await page.locator('footer').getByRole('link', { name: 'Legal notice' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Legal notice');
    await expect(page.locator('main span[lang="fr"]', { hasText: 'présidente ou président' })).toBeVisible();
    // The English words around them are not marked.
    await expect(page.locator('main [lang="fr"]', { hasText: 'This website is published by' })).toHaveCount(0);
  });
});

test.describe('first visit in a language the app does not have', () => {
  test.use({ locale: 'de-DE' });
  test('falls back to French', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Le Lab’O t’aide à te lancer');
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  });
});

test('English is downloaded only by those who choose it, once', async ({ page }) => {
  const fetched: string[] = [];
  page.on('request', (r) => { if (r.url().includes('/i18n/')) fetched.push(new URL(r.url()).pathname); });
  await page.goto('/');
  await appReady(page);
  await page.getByRole('link', { name: 'Faire le test' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(fetched, 'a French visit downloads no other language').toEqual([]);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByText(/^Question 1 of \d+$/)).toBeVisible();
  await page.getByRole('button', { name: 'Français' }).click();
  await expect(page.getByText(/^Question 1 sur \d+$/)).toBeVisible();
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByText(/^Question 1 of \d+$/)).toBeVisible();
  expect(fetched).toEqual(['/i18n/en.json']);
});
