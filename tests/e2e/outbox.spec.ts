// Never lose a sign-up, never send it twice: every way the network or the endpoint can fail,
// each ending with exactly one stored sign-up carrying the right data.
import { test, expect, type Page, type APIRequestContext } from '@playwright/test';
import { appReady, outboxText } from './app';
import { attempts, fault, reset, submissions, STAND_IN_URL } from './stand-in';
import { answerQuestion, fillUpToCheck, LEA, PENDING, SENT, showMine, signUpDirectly, takeTest } from './journey';

const TIMEOUT_S = Number(process.env.ATTEMPT_TIMEOUT_SECONDS ?? '4');

test.beforeEach(async ({ request }) => {
  await reset(request);
});

const heading = (page: Page) => page.getByRole('heading', { level: 1 });

async function expectOneStored(request: APIRequestContext, reference?: string) {
  const stored = await submissions(request);
  expect(stored).toHaveLength(1);
  expect(stored[0].body.applicant.first_name).toBe(LEA.firstName);
  expect(stored[0].body.applicant.phone).toBe('+33612345678');
  if (reference) expect(stored[0].body.reference).toBe(reference);
  return stored[0];
}

async function reference(page: Page) {
  return (await page.getByTestId('reference').textContent())!.trim();
}

test('1. offline when sending, back online 10 s later', async ({ page, context, request }) => {
  await fillUpToCheck(page);
  await context.setOffline(true);
  await page.getByRole('button', { name: 'Envoyer mon inscription' }).click();
  await expect(heading(page)).toHaveText(PENDING);
  await expect(page.getByText('Envoi automatique dès que possible')).toBeVisible();
  await expect(page.getByRole('link', { name: '02 61 91 00 00' }).first()).toBeVisible();
  const ref = await reference(page);
  expect(await outboxText(page)).toContain(ref);
  await page.waitForTimeout(10_000);
  expect(await submissions(request)).toHaveLength(0);
  await context.setOffline(false);
  await expect(heading(page)).toHaveText(SENT, { timeout: 15_000 });
  await expect(page.getByRole('status').filter({ hasText: SENT })).toBeAttached();
  await expectOneStored(request, ref);
  expect(await outboxText(page)).toBeNull();
});

test('2. 500 three times, then 201', async ({ page, request }) => {
  await fault(request, { status: 500, times: 3 });
  await signUpDirectly(page);
  await expect(heading(page)).toHaveText(SENT, { timeout: 30_000 });
  const stored = await expectOneStored(request, await reference(page));
  const tries = await attempts(request);
  expect(tries.map((a) => a.outcome)).toEqual(['fault:500', 'fault:500', 'fault:500', 'stored']);
  expect(new Set(tries.map((a) => a.idempotency_key))).toEqual(new Set([stored.idempotency_key]));
});

test('3. 503 with Retry-After: 2, then 201, and no attempt before 2 s', async ({ page, request }) => {
  await fault(request, { status: 503, retry_after: '2' });
  await signUpDirectly(page);
  await expect(heading(page)).toHaveText(SENT, { timeout: 20_000 });
  await expectOneStored(request);
  const tries = await attempts(request);
  expect(tries.map((a) => a.outcome)).toEqual(['fault:503', 'stored']);
  expect(tries[1].at_ms - tries[0].at_ms).toBeGreaterThanOrEqual(2000);
});

test('4. 429, then 201', async ({ page, request }) => {
  await fault(request, { status: 429 });
  await signUpDirectly(page);
  await expect(heading(page)).toHaveText(SENT, { timeout: 20_000 });
  await expectOneStored(request);
  expect((await attempts(request)).map((a) => a.outcome)).toEqual(['fault:429', 'stored']);
});

test('5. an answer slower than the timeout, then a normal one', async ({ page, request }) => {
  await fault(request, { delay_ms: (TIMEOUT_S + 3) * 1000 });
  await signUpDirectly(page);
  await expect(heading(page)).toHaveText(PENDING);
  await expect(heading(page)).toHaveText(SENT, { timeout: 30_000 });
  await expectOneStored(request, await reference(page));
});

test('6. the connection cut after the endpoint stored the sign-up: the retry does not duplicate', async ({ page, request }) => {
  await fault(request, { close: 'after_store' });
  await signUpDirectly(page);
  await expect(heading(page)).toHaveText(SENT, { timeout: 20_000 });
  await expectOneStored(request, await reference(page));
  expect((await attempts(request)).map((a) => a.outcome)).toEqual(['closed_after_stored', 'replayed']);
});

test('7. the page closed while a sign-up is pending: it is sent on the next start', async ({ page, context, request }) => {
  await fault(request, { status: 503, times: 1000 });
  await signUpDirectly(page);
  await expect(heading(page)).toHaveText(PENDING);
  const ref = await reference(page);
  await page.close();
  await reset(request);
  const next = await context.newPage();
  await next.goto('/');
  await expect.poll(async () => (await submissions(request)).length, { timeout: 15_000 }).toBe(1);
  await next.goto('/inscription/confirmation');
  // A new page is not the tab that made it: nothing personal until the reference is typed.
  await expect(heading(next)).toHaveText('Aucune inscription en cours sur ce téléphone');
  await expect(next.getByTestId('reference')).toHaveCount(0);
  await showMine(next, ref);
  await expect(heading(next)).toHaveText(SENT);
  await expect(next.getByTestId('reference')).toHaveText(ref);
  await expectOneStored(request, ref);
});

test('8. two tabs open with a pending sign-up: one send, both tabs told', async ({ page, context, request }) => {
  await fault(request, { status: 503, times: 3 });
  await signUpDirectly(page);
  await expect(heading(page)).toHaveText(PENDING);
  const ref = await reference(page);
  const other = await context.newPage();
  await other.goto('/inscription/confirmation');
  await expect(heading(other)).toHaveText(/Des inscriptions attendent|Aucune inscription en cours/);
  await showMine(other, ref);
  await expect(heading(other)).toHaveText(/Inscription (enregistrée|envoyée)/);
  await expect(heading(page)).toHaveText(SENT, { timeout: 30_000 });
  await expect(heading(other)).toHaveText(SENT, { timeout: 10_000 });
  await expectOneStored(request);
  const outcomes = (await attempts(request)).map((a) => a.outcome);
  expect(outcomes.filter((o) => o === 'stored')).toHaveLength(1);
  expect(outcomes).not.toContain('replayed');
});

test('9. a 400 from the endpoint: no automatic retry, the message shown, the data kept', async ({ page, request }) => {
  await fault(request, { status: 400, body: { problems: [{ field: '/applicant/last_name', message: 'Nom refusé par le service.' }] } });
  await signUpDirectly(page);
  await expect(heading(page)).toHaveText('Ton inscription n’a pas été acceptée');
  await expect(page.getByText('Nom refusé par le service.')).toBeVisible();
  await page.waitForTimeout(6_000);
  expect(await attempts(request)).toHaveLength(1);
  expect(await outboxText(page)).toContain('Martin');
  const ref = await reference(page);
  await page.reload();
  // After a reload the page cannot tell who is holding the phone: the reference proves it.
  await expect(heading(page)).toHaveText('Des inscriptions attendent sur ce téléphone');
  await expect(page.getByText('Martin')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Corriger mes réponses' })).toHaveCount(0);
  await showMine(page, ref);
  await expect(heading(page)).toHaveText('Ton inscription n’a pas été acceptée');
  expect(await attempts(request)).toHaveLength(1);
  await page.getByRole('button', { name: 'Corriger mes réponses' }).click();
  await page.getByRole('link', { name: 'Modifier : Nom' }).click();
  await page.getByLabel('Nom', { exact: true }).fill('Martin-Durand');
  await page.getByRole('button', { name: 'Continuer' }).click();
  await page.getByRole('button', { name: 'Envoyer mon inscription' }).click();
  await expect(heading(page)).toHaveText(SENT, { timeout: 15_000 });
  const stored = await expectOneStored(request);
  expect(stored.body.applicant.last_name).toBe('Martin-Durand');
});

test('10. after one online visit, the app opens and the test can be taken with no network', async ({ page, context, request }) => {
  await page.goto('/');
  await appReady(page);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  const hits = async () => (await (await request.get('/__server/hits')).json()) as { count: number; last: string[] };
  const before = await hits();
  await context.setOffline(true);
  await page.goto('/');
  await expect(heading(page)).toContainText('Le Lab’O t’aide à te lancer');
  await page.getByRole('link', { name: 'Faire le test' }).click();
  await takeTest(page, 2);
  await expect(page.getByRole('heading', { level: 1, name: 'Ton résultat' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Le parcours qui pourrait te convenir' })).toBeVisible();
  await page.goto('/inscription');
  await page.getByLabel('Dans quelle commune habites-tu ?').fill('fecamp');
  await expect(page.getByRole('radio', { name: 'Fécamp (76400)', exact: true })).toBeVisible();
  // The server saw nothing while the phone was offline (read from the test runner, not the phone).
  const after = await hits();
  expect(after.count, `requests while offline: ${after.last.slice(-(after.count - before.count)).join(', ')}`).toBe(before.count);
  await context.setOffline(false);
});

test('answers are kept as typed, and "Effacer mes réponses" removes them from the phone', async ({ page }) => {
  await page.goto('/test/1');
  await answerQuestion(page, 1, 1);
  await answerQuestion(page, 2, 3);
  await page.reload();
  await page.getByRole('link', { name: 'Question précédente' }).click();
  await expect(page.getByRole('radio').nth(3)).toBeChecked();
  expect(await page.evaluate(() => localStorage.getItem('labo.draft'))).toContain('motivation_why');
  await page.getByRole('button', { name: 'Effacer mes réponses' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Tes réponses ont été effacées de ce téléphone.' })).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem('labo.draft'))).toBeNull();
  await page.goto('/test/2');
  await expect(page.getByRole('radio', { checked: true })).toHaveCount(0);
});

test('without device storage the app says so in one line and still signs up online', async ({ page, request }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('Storage is disabled', 'SecurityError');
      },
    });
  });
  await page.goto('/');
  await expect(page.getByText('Ce téléphone ne garde pas tes réponses')).toBeVisible();
  await signUpDirectly(page);
  await expect(heading(page)).toHaveText(SENT, { timeout: 15_000 });
  await expectOneStored(request);
});

test('the stand-in is the only endpoint contacted, with the same key on every attempt', async ({ page, request }) => {
  await fault(request, { status: 502, times: 2 });
  await signUpDirectly(page);
  await expect(heading(page)).toHaveText(SENT, { timeout: 20_000 });
  const tries = await attempts(request);
  expect(tries).toHaveLength(3);
  expect(new Set(tries.map((a) => a.idempotency_key)).size).toBe(1);
  expect(STAND_IN_URL).toMatch(/^http:\/\/127\.0\.0\.1:/);
});

test.describe('endpoint adapters', () => {
  // config.json is replaced per page here; the service worker would answer in its place.
  test.use({ serviceWorkers: 'block' });

  test('a form endpoint receives the 1jeune1solution contact shape, urlencoded', async ({ page, request }) => {
    const config = await (await request.get('/config.json')).json();
    config.endpoint = {
      ...config.endpoint,
      format: 'form',
      fields: {
        'prénom': 'applicant.first_name',
        nom: 'applicant.last_name',
        'téléphone': 'applicant.phone',
        email: 'applicant.email',
        age: 'eligibility.age',
        codePostal: 'applicant.commune.postcode',
        ville: 'applicant.commune.name',
      },
      constants: { origine: 'labo' },
    };
    await page.route('**/config.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(config) }));
    await signUpDirectly(page);
    await expect(heading(page)).toHaveText(SENT, { timeout: 15_000 });
    const stored = await submissions(request);
    expect(stored).toHaveLength(1);
    expect(stored[0].content_type).toBe('application/x-www-form-urlencoded');
    expect(stored[0].body).toEqual({
      'prénom': 'Léa',
      nom: 'Martin',
      'téléphone': '+33612345678',
      email: 'lea.martin@exemple.fr',
      age: '19',
      codePostal: '76610',
      ville: 'Le Havre',
      origine: 'labo',
    });
  });
});

test('after a refusal, a new sign-up shows its own status, and "Effacer mes réponses" removes only one’s own refusal', async ({ page, request }) => {
  await fault(request, { status: 400, body: { problems: [{ message: 'Refusé.' }] } });
  await signUpDirectly(page);
  await expect(heading(page)).toHaveText('Ton inscription n’a pas été acceptée');
  const refused = await reference(page);
  // Someone else (or the same person) starts again instead of correcting.
  await signUpDirectly(page);
  await expect(heading(page)).toHaveText(SENT);
  await expectOneStored(request);
  // On a fresh page, nobody's refusal is offered for erasing…
  await page.goto('/');
  await appReady(page);
  await expect(page.getByRole('button', { name: 'Effacer mes réponses' })).toHaveCount(0);
  expect(await outboxText(page)).toContain(refused);
  // …until its reference is typed.
  await page.goto('/inscription/confirmation');
  await showMine(page, refused);
  await expect(heading(page)).toHaveText('Ton inscription n’a pas été acceptée');
  await page.getByRole('button', { name: 'Effacer mes réponses' }).click();
  await expect.poll(() => outboxText(page)).toBeNull();
});
