// The foundation: the start page, a sign-up reaching the stand-in, and every way the
// configuration or the endpoint can go wrong producing a clear message.
import { test, expect, type Page } from '@playwright/test';
import { appReady } from './app';
import { attempts, ENDPOINT_URL, fault, reset, submissions } from './stand-in';
import { LEA, signUpDirectly } from './journey';


const GOOD_CONFIG = {
  endpoint: { url: ENDPOINT_URL, format: 'json', timeout_seconds: 5 },
  mission_locale: { name: 'Mission Locale Le Havre Estuaire Littoral', phone: '02 61 91 00 00' },
  territory: { description: 'au Havre' },
  privacy: { contact_email: 'dpo@exemple.fr' },
};

// These tests replace config.json per page; the service worker would answer in their place.
test.use({ serviceWorkers: 'block' });

async function serveConfig(page: Page, body: string, status = 200) {
  await page.route('**/config.json', (route) => route.fulfill({ status, contentType: 'application/json', body }));
}

test.beforeEach(async ({ request }) => {
  await reset(request);
});

test('the start page says what the Lab’O is, for whom, and offers the test or a direct sign-up', async ({ page }) => {
  await page.goto('/');
  await appReady(page);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Le Lab’O t’aide à te lancer');
  await expect(page.getByText('entre 16 et 25 ans')).toBeVisible();
  await expect(page.getByText(/au Havre, à Fécamp ou dans une commune autour/)).toBeVisible();
  await expect(page.getByText('S’entraîner en groupe', { exact: true })).toBeVisible();
  await expect(page).toHaveTitle('Lab’O – Mission Locale du Havre');
  await page.getByRole('link', { name: 'M’inscrire directement' }).click();
  await expect(page).toHaveURL(/\/inscription$/);
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
});

test('a sign-up reaches the endpoint exactly once with the typed values', async ({ page, request }) => {
  await signUpDirectly(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Inscription envoyée' })).toBeVisible();
  const reference = (await page.getByTestId('reference').textContent())!.trim();
  expect(reference).toMatch(/^[ABCDEFGHJKMNPRTUVWXY346789]{8}$/);
  const stored = await submissions(request);
  expect(stored).toHaveLength(1);
  expect(stored[0].body.applicant.first_name).toBe('Léa');
  expect(stored[0].body.applicant.phone).toBe('+33612345678');
  expect(stored[0].body.reference).toBe(reference);
  expect(stored[0].body.source).toEqual({});
  expect(stored[0].idempotency_key).toBe(stored[0].body.idempotency_key);
});

test('a 400 from the endpoint is explained, nothing is stored and the answers are kept', async ({ page, request }) => {
  await fault(request, {
    status: 400,
    body: { status: 'invalid', problems: [{ field: '/applicant/phone', message: 'Ce numéro est déjà inscrit.' }] },
  });
  await signUpDirectly(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Ton inscription n’a pas été acceptée' })).toBeVisible();
  await expect(page.getByText('Ce numéro est déjà inscrit.')).toBeVisible();
  await expect(page.getByRole('link', { name: '02 61 91 00 00' }).first()).toHaveAttribute('href', 'tel:+33261910000');
  await page.getByRole('button', { name: 'Corriger mes réponses' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Vérifie tes réponses' })).toBeVisible();
  await expect(page.getByText(LEA.lastName, { exact: true })).toBeVisible();
  expect(await submissions(request)).toHaveLength(0);
  expect(await attempts(request)).toHaveLength(1);
});

/** Serves the pages with a CSP allowing `origin`, as tools/post-build.mjs does for a deployment. */
async function allowEndpoint(page: Page, origin: string) {
  await page.route((url) => !url.pathname.includes('.'), async (route) => {
    if (route.request().resourceType() !== 'document') return route.continue();
    const response = await route.fetch();
    const rewrite = (csp: string) => csp.replace(/connect-src [^;"]*/, `connect-src 'self' ${origin}`);
    const body = (await response.text()).replace(/(http-equiv="Content-Security-Policy" content=")([^"]*)/, (_, a, b) => a + rewrite(b));
    const headers = { ...response.headers(), 'content-security-policy': rewrite(response.headers()['content-security-policy'] ?? '') };
    await route.fulfill({ response, body, headers });
  });
}

test('an unreachable endpoint URL keeps the sign-up on the phone, says so, and gives the phone number', async ({ page }) => {
  await allowEndpoint(page, 'http://127.0.0.1:9');
  await serveConfig(page, JSON.stringify({ ...GOOD_CONFIG, endpoint: { url: 'http://127.0.0.1:9/inscriptions', timeout_seconds: 5 } }));
  await signUpDirectly(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Inscription enregistrée sur ton téléphone' })).toBeVisible();
  await expect(page.getByText('Envoi automatique dès que possible')).toBeVisible();
  await expect(page.getByTestId('reference')).toHaveText(/^[A-Z0-9]{8}$/);
  await expect(page.getByRole('link', { name: '02 61 91 00 00' }).first()).toBeVisible();
});

test('an invalid config.json shows the broken-config page with the details for the deployer', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await serveConfig(page, '{ "endpoint": ');
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('L’inscription en ligne ne marche pas pour le moment');
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
  await expect(page.getByText(/«\s?territory\s?»/)).toBeVisible();
  await expect(page.getByText(/privacy\.contact_email/)).toBeVisible();
});

test('a missing config.json after a good visit still gives the mission locale’s phone', async ({ page }) => {
  await page.goto('/');
  await appReady(page);
  await serveConfig(page, 'Not Found', 404);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('L’inscription en ligne ne marche pas pour le moment');
  await appReady(page);
  await expect(page.getByRole('link', { name: '02 61 91 00 00' })).toHaveAttribute('href', 'tel:+33261910000');
  await page.getByText('Détails techniques').click();
  await expect(page.getByText(/introuvable/)).toBeVisible();
});

test('an endpoint changed in config.json without rebuilding the security policy is reported to the deployer', async ({ page }) => {
  await serveConfig(page, JSON.stringify({ ...GOOD_CONFIG, endpoint: { url: 'https://autre-serveur.ml-havre.fr/inscriptions' } }));
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('L’inscription en ligne ne marche pas pour le moment');
  await page.getByText('Détails techniques').click();
  await expect(page.getByText(/Content-Security-Policy.*https:\/\/autre-serveur\.ml-havre\.fr/)).toBeVisible();
  await expect(page.getByText(/tools\/post-build\.mjs/)).toBeVisible();
});

test('a broken commune list is reported like a broken config', async ({ page }) => {
  await page.route('**/communes.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{"source": "x", "communes": []}' }));
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('L’inscription en ligne ne marche pas pour le moment');
  await page.getByText('Détails techniques').click();
  await expect(page.getByText(/communes\.json doit lister/)).toBeVisible();
});
