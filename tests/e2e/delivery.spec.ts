// Never lose a sign-up against real endpoints and locked-down phones (issue 11): the mission
// locale's existing endpoint redirects, answers odd statuses, sits behind a policy or a broken
// configuration; phones block site data or run out of space; several tabs are open. Each test
// reproduces one case and checks what the endpoint received and what the page says.
import { test, expect, type Page, type APIRequestContext } from '@playwright/test';
import { audit } from './a11y';
import { attempts, fault, reset, submissions, STAND_IN_URL } from './stand-in';
import { fillUpToCheck, LEA, PENDING, SENT, showMine, signUpDirectly } from './journey';
import { outboxText } from './app';

test.beforeEach(async ({ request }) => {
  await reset(request);
});

const heading = (page: Page) => page.getByRole('heading', { level: 1 });
const PHONE = '02 61 91 00 00';
const SEND = 'Envoyer mon inscription';

async function reference(page: Page) {
  return (await page.getByTestId('reference').textContent())!.trim();
}


async function expectOneStored(request: APIRequestContext, reference?: string) {
  const stored = await submissions(request);
  expect(stored).toHaveLength(1);
  expect(stored[0].body.applicant.first_name).toBe(LEA.firstName);
  if (reference) expect(stored[0].body.reference).toBe(reference);
  return stored[0];
}

test('1. a redirect is an answer the app cannot read: kept, not resent, never "envoyée"; resent once asked, same key', async ({ page, request }) => {
  await fault(request, { status: 302, redirect: `${STAND_IN_URL}/__stand-in/thanks` });
  await signUpDirectly(page);
  await expect(heading(page)).toHaveText('Ton inscription est peut-être arrivée');
  const ref = await reference(page);
  await expect(page.getByText('On ne sait pas si ton inscription est bien arrivée')).toBeVisible();
  await expect(page.getByRole('link', { name: PHONE }).first()).toBeVisible();
  await audit(page, 'the maybe-received confirmation');
  await page.waitForTimeout(6_000);
  await page.reload();
  await showMine(page, ref);
  await expect(heading(page)).toHaveText('Ton inscription est peut-être arrivée');
  await expect(page.getByTestId('reference')).toHaveText(ref);
  await expect(page.getByText(SENT)).toHaveCount(0);
  // One POST, never followed as a GET, never sent again (an old handler would store it twice).
  expect((await attempts(request)).map((a) => a.outcome)).toEqual(['redirect:302']);
  expect(await outboxText(page)).toContain(ref);
  // The deployer fixed the address; the young person, told so, sends it again: same key.
  await expect(page.getByText('tu peux la renvoyer')).toBeVisible();
  await page.getByRole('button', { name: 'Renvoyer mon inscription' }).click();
  await expect(heading(page)).toHaveText(SENT, { timeout: 15_000 });
  const stored = await expectOneStored(request, ref);
  const tries = await attempts(request);
  expect(tries.map((a) => a.outcome)).toEqual(['redirect:302', 'stored']);
  expect(new Set(tries.map((a) => a.idempotency_key))).toEqual(new Set([stored.idempotency_key]));
  expect(await outboxText(page)).toBeNull();
});

test('2. a 404 is the endpoint’s problem: kept, the phone shown, retried at the next start', async ({ page, request }) => {
  await fault(request, { status: 404, body: { problems: [{ message: 'Not Found' }] } });
  await signUpDirectly(page);
  await expect(heading(page)).toHaveText(PENDING);
  const ref = await reference(page);
  await expect(page.getByText('Le service d’inscription a un problème')).toBeVisible();
  await expect(page.getByText('Corriger mes réponses')).toHaveCount(0);
  await expect(page.getByRole('link', { name: PHONE }).first()).toBeVisible();
  await audit(page, 'the endpoint-error confirmation');
  // Slowly: not retried within seconds…
  await page.waitForTimeout(5_000);
  expect(await attempts(request)).toHaveLength(1);
  // …but at each start of the app.
  await page.reload();
  await showMine(page, ref);
  await expect(heading(page)).toHaveText(SENT, { timeout: 15_000 });
  await expectOneStored(request);
  expect((await attempts(request)).map((a) => a.outcome)).toEqual(['fault:404', 'stored']);
});

test('3. site data blocked (storage and Web Locks refuse): the sign-up is still sent', async ({ page, request }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('The user denied permission to access the database.', 'SecurityError');
      },
    });
    if (navigator.locks) {
      navigator.locks.request = (() =>
        Promise.reject(new DOMException('The request was denied.', 'SecurityError'))) as typeof navigator.locks.request;
    }
  });
  await page.goto('/');
  await expect(page.getByText('Ce téléphone ne garde pas tes réponses')).toBeVisible();
  await signUpDirectly(page);
  await expect(heading(page)).toHaveText(SENT, { timeout: 15_000 });
  await expectOneStored(request);
});

test.describe('4. a broken configuration or commune list', () => {
  // config.json and communes.json are replaced per page; the service worker would answer instead.
  test.use({ serviceWorkers: 'block' });

  const breakages: [string, string, (route: import('@playwright/test').Route) => Promise<void>][] = [
    ['config.json with a typo', '**/config.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{ "endpoint": ' })],
    ['a 404 on the commune list', '**/communes.json', (route) => route.fulfill({ status: 404, body: 'Not Found' })],
  ];
  for (const [name, url, handler] of breakages) {
    test(`pending sign-ups are still sent and counted with the phone: ${name}`, async ({ page, request }) => {
      await fault(request, { status: 503, times: 1000 });
      await signUpDirectly(page);
      await expect(heading(page)).toHaveText(PENDING);
      const ref = await reference(page);
      await page.route(url, handler);
      await page.reload();
      await expect(heading(page)).toHaveText('L’inscription en ligne ne marche pas pour le moment');
      // Said by their number only: after a reload the page cannot tell whose phone it is.
      await expect(page.getByText('Inscriptions gardées sur ce téléphone : 1')).toBeVisible();
      await expect(page.getByText(ref)).toHaveCount(0);
      await expect(page.getByRole('link', { name: PHONE }).first()).toHaveAttribute('href', 'tel:+33261910000');
      await audit(page, `the unavailable page with a waiting sign-up (${name})`);
      // The endpoint comes back: the sign-up leaves with the endpoint settings kept on the phone.
      await reset(request);
      await page.reload();
      await expect.poll(async () => (await submissions(request)).length, { timeout: 15_000 }).toBe(1);
      await expectOneStored(request, ref);
      await expect.poll(() => outboxText(page)).toBeNull();
    });
  }

  test('the configuration is fetched again when the browser comes back online', async ({ page, context }) => {
    await page.route('**/config.json', (route) => route.abort('internetdisconnected'));
    await page.goto('/');
    await expect(heading(page)).toHaveText('L’inscription en ligne ne marche pas pour le moment');
    await page.unroute('**/config.json');
    await context.setOffline(true);
    await context.setOffline(false);
    await expect(heading(page)).toContainText('Le Lab’O t’aide à te lancer', { timeout: 15_000 });
    await page.getByRole('link', { name: 'M’inscrire directement' }).click();
    await expect(heading(page)).toHaveText('Vérifions que le Lab’O est fait pour toi');
  });
});

test.describe('5. a Content-Security-Policy header that blocks the endpoint', () => {
  test.use({ serviceWorkers: 'block' });

  test('is reported to the young person (phone) and to the deployer (details)', async ({ page, request }) => {
    // The host still sends the example header, with its ENDPOINT_ORIGIN placeholder; the meta
    // tag of index.html is right, so only the header blocks the POST.
    await page.route('**/*', async (route) => {
      if (route.request().resourceType() !== 'document') return route.fallback();
      const response = await route.fetch();
      const headers = response.headers();
      headers['content-security-policy'] = headers['content-security-policy'].replace(new URL(STAND_IN_URL).origin, 'ENDPOINT_ORIGIN');
      await route.fulfill({ response, headers });
    });
    await signUpDirectly(page);
    await expect(heading(page)).toHaveText(PENDING);
    await expect(page.getByText('un réglage du site bloque l’envoi')).toBeVisible();
    await expect(page.getByRole('link', { name: PHONE }).first()).toBeVisible();
    await page.getByText('Détails techniques').click();
    await expect(page.getByText(/Content-Security-Policy/)).toBeVisible();
    await audit(page, 'the confirmation blocked by a policy header');
    expect(await submissions(request)).toHaveLength(0);
  });
});

test('7. storage full: the draft stays until delivery, and the page says the truth', async ({ page, request }) => {
  await page.addInitScript(() => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key: string, value: string) {
      if (key.startsWith('labo.outbox.')) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return setItem.call(this, key, value);
    };
  });
  // The endpoint is busy for 4 s: long enough to read the page before the sign-up leaves.
  await fault(request, { status: 503, retry_after: '4' });
  await signUpDirectly(page);
  await expect(heading(page)).toHaveText('Inscription en attente d’envoi');
  await expect(page.getByText('laisse cette page ouverte')).toBeVisible();
  await expect(page.getByText(PENDING)).toHaveCount(0);
  expect(await page.evaluate(() => localStorage.getItem('labo.draft'))).toContain('Martin');
  await audit(page, 'the confirmation kept in the tab only');
  await expect(heading(page)).toHaveText(SENT, { timeout: 30_000 });
  await expectOneStored(request);
  await expect.poll(() => page.evaluate(() => localStorage.getItem('labo.draft') ?? '')).not.toContain('Martin');
});

test('8. two tabs holding the same answers send one sign-up, under one key', async ({ page, context, request }) => {
  await fillUpToCheck(page);
  const other = await context.newPage();
  await other.goto('/inscription/verifier');
  await expect(heading(other)).toHaveText('Vérifie tes réponses');
  await page.getByRole('button', { name: SEND }).click();
  await expect(heading(page)).toHaveText(SENT, { timeout: 15_000 });
  // The second tab still shows the answers it loaded; sending them must not make a second sign-up.
  if (await other.getByRole('button', { name: SEND }).isVisible()) {
    await other.getByRole('button', { name: SEND }).click();
  }
  // The other tab did not send it: it shows it once the reference is typed.
  await expect(heading(other)).toHaveText(/Aucune inscription en cours|Des inscriptions attendent|Inscription envoyée/, { timeout: 15_000 });
  if (!(await other.getByTestId('reference').count())) await showMine(other, await reference(page));
  await expect(heading(other)).toHaveText(SENT, { timeout: 15_000 });
  await other.waitForTimeout(2_000);
  await expectOneStored(request);
  const keys = new Set((await attempts(request)).map((a) => a.idempotency_key));
  expect(keys.size).toBe(1);
});

test('9. a change of the outbox never overwrites an entry another tab just added', async ({ page, request }) => {
  await fault(request, [{ status: 400, body: { problems: [{ message: 'Refusé.' }] } }, { status: 503, times: 1000 }]);
  await signUpDirectly(page);
  await expect(heading(page)).toHaveText('Ton inscription n’a pas été acceptée');
  // Another tab adds its sign-up; this tab's storage event has not arrived yet (a write from this
  // page fires none, which is the same as the event arriving late).
  const added = await page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith('labo.outbox.'))!;
    const copy = JSON.parse(localStorage.getItem(key)!);
    copy.entry.payload.reference = 'ZZZZ2346';
    copy.entry.payload.idempotency_key = '00000000-0000-4000-8000-000000000009';
    copy.entry.status = { state: 'pending' };
    localStorage.setItem(`labo.outbox.${copy.entry.payload.idempotency_key}`, JSON.stringify(copy));
    return copy.entry.payload.reference as string;
  });
  await page.getByRole('button', { name: 'Corriger mes réponses' }).click();
  await expect(heading(page)).toHaveText('Vérifie tes réponses');
  expect(await outboxText(page)).toContain(added);
});

test('10. a deploy whose service worker fails to install leaves a working offline app', async ({ page, context, request }) => {
  await page.goto('/');
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  // The host now serves a new index.html whose files the new worker cannot cache (it fails to
  // install); the old worker stays in charge.
  expect((await request.post('/__server/next-deploy')).status()).toBe(204);
  try {
    await page.goto('/');
    await page.waitForTimeout(1_000);
    await context.setOffline(true);
    await page.goto('/test/1');
    await expect(page.getByText('Question 1 sur', { exact: false })).toBeVisible({ timeout: 15_000 });
  } finally {
    await context.setOffline(false);
    await request.delete('/__server/next-deploy');
  }
});
