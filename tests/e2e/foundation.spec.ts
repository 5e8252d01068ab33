// The foundation: start page, minimal sign-up reaching the stand-in, and every way the
// configuration or the endpoint can go wrong producing a clear message.
import { test, expect, type Page } from '@playwright/test';
import { attempts, ENDPOINT_URL, fault, reset, submissions } from './stand-in';

const GOOD_CONFIG = {
  endpoint: { url: ENDPOINT_URL, format: 'json', timeout_seconds: 5 },
  mission_locale: { name: 'Mission Locale Le Havre Estuaire Littoral', phone: '02 61 91 00 00' },
  privacy: { contact_email: 'dpo@exemple.fr' },
};

async function serveConfig(page: Page, body: string, status = 200) {
  await page.route('**/config.json', (route) => route.fulfill({ status, contentType: 'application/json', body }));
}

test.beforeEach(async ({ request }) => {
  await reset(request);
});

test('the start page says what the Lab\'O is and leads to the sign-up', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Le Lab\'O t\'aide à te lancer');
  await expect(page.getByText('entre 16 et 25 ans')).toBeVisible();
  await expect(page).toHaveTitle('Lab\'O – Mission Locale du Havre');
  await page.getByRole('link', { name: 'Je m\'inscris' }).click();
  await expect(page).toHaveURL(/\/inscription$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Inscris-toi au Lab\'O');
});

test('a sign-up reaches the endpoint exactly once with the typed values', async ({ page, request }) => {
  await page.goto('/inscription');
  await page.getByLabel('Prénom').fill('Léa');
  await page.getByLabel('Numéro de téléphone').fill('06 12 34 56 78');
  await page.getByRole('button', { name: 'Envoyer mon inscription' }).click();
  await expect(page.getByRole('heading', { name: 'Inscription envoyée' })).toBeFocused();
  const reference = (await page.getByTestId('reference').textContent())!.trim();
  expect(reference).toMatch(/^[ABCDEFGHJKMNPRTUVWXY346789]{8}$/);

  const stored = await submissions(request);
  expect(stored).toHaveLength(1);
  expect(stored[0].body.applicant).toEqual({ first_name: 'Léa', phone: '+33612345678' });
  expect(stored[0].body.reference).toBe(reference);
  expect(stored[0].body.source).toEqual({});
  expect(stored[0].idempotency_key).toBe(stored[0].body.idempotency_key);
});

test('an empty form shows the error summary, focused, and sends nothing', async ({ page, request }) => {
  await page.goto('/inscription');
  await page.getByRole('button', { name: 'Envoyer mon inscription' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'Il y a un problème' });
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link', { name: 'Écris ton prénom' })).toBeVisible();
  await summary.getByRole('link', { name: 'Écris ton numéro de téléphone' }).click();
  await expect(page.getByLabel('Numéro de téléphone')).toBeFocused();
  await expect(page).toHaveTitle(/^Erreur : /);
  expect(await attempts(request)).toHaveLength(0);
});

test('a 400 from the endpoint is explained and the typed values are kept', async ({ page, request }) => {
  await fault(request, {
    status: 400,
    body: { status: 'invalid', problems: [{ field: '/applicant/phone', message: 'Ce numéro est déjà inscrit.' }] },
  });
  await page.goto('/inscription');
  await page.getByLabel('Prénom').fill('Léa');
  await page.getByLabel('Numéro de téléphone').fill('0612345678');
  await page.getByRole('button', { name: 'Envoyer mon inscription' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'refusée' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('Ce numéro est déjà inscrit.');
  await expect(alert.getByRole('link', { name: '02 61 91 00 00' })).toHaveAttribute('href', 'tel:+33261910000');
  await expect(page.getByLabel('Prénom')).toHaveValue('Léa');
  await expect(page.getByLabel('Numéro de téléphone')).toHaveValue('0612345678');
  expect(await submissions(request)).toHaveLength(0);
});

test('an unreachable endpoint URL gives a clear message and the phone number', async ({ page }) => {
  await serveConfig(page, JSON.stringify({ ...GOOD_CONFIG, endpoint: { url: 'http://127.0.0.1:9/inscriptions', timeout_seconds: 5 } }));
  await page.goto('/inscription');
  await page.getByLabel('Prénom').fill('Léa');
  await page.getByLabel('Numéro de téléphone').fill('0612345678');
  await page.getByRole('button', { name: 'Envoyer mon inscription' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'ne répond pas' });
  await expect(alert).toBeVisible();
  await expect(alert.getByRole('link', { name: '02 61 91 00 00' })).toBeVisible();
  await expect(page.getByLabel('Prénom')).toHaveValue('Léa');
});

test('an invalid config.json shows the broken-config page with the details for the deployer', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await serveConfig(page, '{ "endpoint": ');
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('L\'inscription en ligne ne marche pas pour le moment');
  await expect(page.getByRole('link', { name: /Trouver une mission locale/ })).toBeVisible();
  await page.getByText('Détails techniques').click();
  await expect(page.getByText(/pas du JSON valide/)).toBeVisible();
  expect(errors.join('\n')).toContain('pas du JSON valide');
});

test('a config.json with wrong values lists every problem', async ({ page }) => {
  await serveConfig(page, JSON.stringify({ endpoint: { url: 'http://exemple.fr' }, mission_locale: { name: 'ML' }, privacy: {} }));
  await page.goto('/');
  await page.getByText('Détails techniques').click();
  await expect(page.getByText(/endpoint\.url/)).toBeVisible();
  await expect(page.getByText(/mission_locale\.phone/)).toBeVisible();
  await expect(page.getByText(/privacy\.contact_email/)).toBeVisible();
});

test('a missing config.json after a good visit still gives the mission locale\'s phone', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Lab\'O');
  await serveConfig(page, 'Not Found', 404);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('L\'inscription en ligne ne marche pas pour le moment');
  await expect(page.getByRole('link', { name: '02 61 91 00 00' })).toHaveAttribute('href', 'tel:+33261910000');
  await page.getByText('Détails techniques').click();
  await expect(page.getByText(/introuvable/)).toBeVisible();
});
