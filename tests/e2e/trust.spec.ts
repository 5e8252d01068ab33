// Never lost, never someone else's (issue 19): every tab, every shared phone. Each test reproduces
// a way today's phones break the promise, and ends with what the endpoint received or what the
// page shows.
import { test, expect, type Page } from '@playwright/test';
import { appReady, outboxText } from './app';
import { attempts, ENDPOINT_URL, fault, reset, submissions } from './stand-in';
import { fillDetails, fillEligibility, fillUpToCheck, LE_HAVRE, LEA, PENDING, SENT, showMine, signUpDirectly, type Details } from './journey';

const SEND = 'Envoyer mon inscription';
const PHONE = '02 61 91 00 00';
const REFUSED = 'Ton inscription n’a pas été acceptée';
const WAITING = 'Des inscriptions attendent sur ce téléphone';
/** Another young person on the same device. */
const NOA: Details = { ...LEA, firstName: 'Noa', lastName: 'Petit', phone: '06 98 76 54 32', email: undefined, idea: undefined };

test.beforeEach(async ({ request }) => {
  await reset(request);
});

const heading = (page: Page) => page.getByRole('heading', { level: 1 });

async function reference(page: Page) {
  return (await page.getByTestId('reference').textContent())!.trim();
}

/** Makes this page's copy of the site's storage go stale on demand, as a tab process's copy
 * does in Chromium (changes reach other tabs asynchronously): once `armStale()` runs, the page
 * reads every outbox key as it was at that moment, until `disarmStale()`. */
async function staleStorage(page: Page) {
  await page.addInitScript(() => {
    const getItem = Storage.prototype.getItem;
    const w = window as unknown as { stale: Record<string, string | null> | null; armStale: () => void; disarmStale: () => void };
    w.stale = null;
    w.armStale = () => {
      w.stale = {};
      for (const key of Object.keys(localStorage)) {
        if (key.startsWith('labo.outbox')) w.stale[key] = getItem.call(localStorage, key);
      }
    };
    w.disarmStale = () => (w.stale = null);
    Storage.prototype.getItem = function (key: string) {
      if (w.stale && key.startsWith('labo.outbox')) return w.stale[key] ?? null;
      return getItem.call(this, key);
    };
  });
}

/** The device refuses to store sign-ups in this page (full storage), in any version's format. */
async function outboxWritesRefused(page: Page) {
  await page.addInitScript(() => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key: string, value: string) {
      if (key === 'labo.outbox' || key.startsWith('labo.outbox.')) {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return setItem.call(this, key, value);
    };
  });
}

const storedReferences = async (request: Parameters<typeof submissions>[0]) =>
  (await submissions(request)).map((s) => s.body.reference as string).sort();

test('1. two tabs racing: a tab recording a 201 from a stale copy never loses the other tab’s new sign-up', async ({ context, request }) => {
  const b = await context.newPage();
  await staleStorage(b);
  // B's POST is held on the way, as on a slow network: B holds the sending lock meanwhile.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  let posted = () => {};
  const inFlight = new Promise<void>((resolve) => (posted = resolve));
  await b.route(ENDPOINT_URL, async (route) => {
    if (route.request().method() === 'POST') {
      posted();
      await held;
    }
    await route.continue().catch(() => {});
  });
  await fillUpToCheck(b);
  await b.getByRole('button', { name: SEND }).click();
  await inFlight;
  const x = await reference(b);
  // From now on B reads the outbox as it is now (only X), while tab A adds N.
  await b.evaluate(() => (window as unknown as { armStale: () => void }).armStale());
  const a = await context.newPage();
  // A's own POSTs wait too, until N has been looked for on the device.
  let releaseA = () => {};
  const heldA = new Promise<void>((resolve) => (releaseA = resolve));
  await a.route(ENDPOINT_URL, async (route) => {
    if (route.request().method() === 'POST') await heldA;
    await route.continue().catch(() => {});
  });
  await signUpDirectly(a, NOA);
  await expect(heading(a)).toHaveText(PENDING);
  const n = await reference(a);
  expect(await outboxText(a)).toContain(n);
  // X's 201 reaches B, which records it from its stale copy.
  release();
  await expect(heading(b)).toHaveText(SENT, { timeout: 15_000 });
  expect(await outboxText(a), 'N is still on the device').toContain(n);
  await b.evaluate(() => (window as unknown as { disarmStale: () => void }).disarmStale());
  releaseA();
  // A sends N once B's lock is free: both arrive, once each, and nothing comes back.
  await expect.poll(() => storedReferences(request), { timeout: 20_000 }).toEqual([x, n].sort());
  await expect(heading(a)).toHaveText(SENT, { timeout: 15_000 });
  await a.waitForTimeout(2_000);
  expect(await storedReferences(request)).toEqual([x, n].sort());
  expect((await attempts(request)).filter((t) => t.outcome === 'replayed')).toHaveLength(0);
  expect(await outboxText(a)).toBeNull();
});

test('2. on a shared tablet, nobody sees another young person’s sign-up or loads their answers', async ({ page, context, request }) => {
  await fault(request, { status: 400, body: { problems: [{ message: 'Numéro refusé.' }] } });
  await signUpDirectly(page);
  await expect(heading(page)).toHaveText(REFUSED);
  const x = await reference(page);
  // The next young person opens the confirmation page (a link, a reload, the history).
  const y = await context.newPage();
  await y.goto('/inscription/confirmation');
  await expect(heading(y)).toHaveText(WAITING);
  await expect(y.getByText('Inscriptions gardées sur ce téléphone : 1')).toBeVisible();
  await expect(y.getByRole('link', { name: PHONE }).first()).toBeVisible();
  await expect(y.locator('body')).not.toContainText(x);
  await expect(y.locator('body')).not.toContainText('Martin');
  await expect(y.locator('body')).not.toContainText('Numéro refusé');
  await expect(y.getByRole('button', { name: 'Corriger mes réponses' })).toHaveCount(0);
  await expect(y.getByRole('button', { name: 'Effacer mes réponses' })).toHaveCount(0);
  // A reference that is not on this device shows nothing either.
  await showMine(y, 'ABCD3467');
  await expect(y.getByText('Aucune inscription avec cette référence sur ce téléphone')).toBeVisible();
  await expect(y.getByLabel('Ta référence')).toHaveAttribute('aria-invalid', 'true');
  await expect(heading(y)).toHaveText(WAITING);
  // X's own tab still follows X's sign-up; once it is gone from the device (erased elsewhere,
  // or the browser cleared the site's data) the page says it cannot tell, never another's.
  await y.evaluate(() => {
    for (const key of Object.keys(localStorage)) if (key.startsWith('labo.outbox.')) localStorage.removeItem(key);
  });
  await expect(heading(page)).toHaveText('On ne peut pas savoir où en est ton inscription');
  await expect(page.getByTestId('reference')).toHaveText(x);
  await expect(page.getByRole('link', { name: PHONE }).first()).toBeVisible();
});

test('3. a sign-up the device refused to keep survives another tab’s change', async ({ page, context, request }) => {
  await outboxWritesRefused(page);
  await fault(request, { status: 503, times: 1000 });
  await signUpDirectly(page);
  await expect(heading(page)).toHaveText('Inscription en attente d’envoi');
  const x = await reference(page);
  // Another young person signs up in another tab (the answers of this tab are its own).
  const other = await context.newPage();
  await other.goto('/');
  await other.evaluate(() => localStorage.removeItem('labo.draft'));
  await signUpDirectly(other, NOA);
  await expect(heading(other)).toHaveText(PENDING);
  const n = await reference(other);
  await page.waitForTimeout(1_000);
  await expect(heading(page)).toHaveText('Inscription en attente d’envoi');
  await expect(page.getByTestId('reference')).toHaveText(x);
  // The endpoint is back: both leave, from their own tabs.
  await reset(request);
  await page.evaluate(() => dispatchEvent(new Event('online')));
  await other.evaluate(() => dispatchEvent(new Event('online')));
  await expect.poll(() => storedReferences(request), { timeout: 30_000 }).toEqual([x, n].sort());
  await expect(heading(page)).toHaveText(SENT, { timeout: 15_000 });
});

test('4. delivered means removed, even when the device said "full" at start', async ({ page, context, request }) => {
  await fault(request, { status: 503, times: 1000 });
  await signUpDirectly(page);
  await expect(heading(page)).toHaveText(PENDING);
  const ref = await reference(page);
  await page.close();
  await reset(request);
  // The next start finds the storage full: nothing can be written, but removing still works.
  const full = await context.newPage();
  await full.addInitScript(() => {
    Storage.prototype.setItem = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await full.goto('/');
  await expect.poll(() => storedReferences(request), { timeout: 15_000 }).toEqual([ref]);
  await expect.poll(() => outboxText(full)).toBeNull();
  await full.close();
  // So the start after that sends nothing again.
  const next = await context.newPage();
  await next.goto('/');
  await appReady(next);
  await next.waitForTimeout(3_000);
  expect((await attempts(request)).map((a) => a.outcome)).toEqual(['stored']);
});

test('5. an outbox this version cannot read is kept aside as it was, and the console says where', async ({ page, request }) => {
  await page.goto('/');
  await appReady(page);
  // A newer version's outbox met by this shell (a rollback): not this version's format.
  const newer = JSON.stringify({ version: 9, sign_ups: { a: { ref: 'FUTR3467', name: 'Léa' } } });
  await page.evaluate((text) => localStorage.setItem('labo.outbox', text), newer);
  const warnings: string[] = [];
  page.on('console', (message) => warnings.push(message.text()));
  await page.reload();
  await appReady(page);
  await signUpDirectly(page);
  await expect(heading(page)).toHaveText(SENT);
  const kept = await page.evaluate(() =>
    Object.keys(localStorage)
      .filter((key) => key.startsWith('labo.outbox-kept.'))
      .map((key) => localStorage.getItem(key)),
  );
  expect(kept).toEqual([newer]);
  expect(warnings.some((w) => w.includes('labo.outbox-kept.'))).toBeTruthy();
  expect(await storedReferences(request)).toHaveLength(1);
});

test('5b. a sign-up queued by the previous version (one key for the whole outbox) is moved and sent once', async ({ page, context, request }) => {
  await fillUpToCheck(page);
  await context.setOffline(true);
  await page.getByRole('button', { name: SEND }).click();
  await expect(heading(page)).toHaveText(PENDING);
  const ref = await reference(page);
  // Write it back as the previous version stored it.
  await page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith('labo.outbox.'))!;
    const { entry } = JSON.parse(localStorage.getItem(key)!);
    localStorage.removeItem(key);
    localStorage.setItem('labo.outbox', JSON.stringify({ version: 1, entries: [entry] }));
  });
  await page.close();
  await context.setOffline(false);
  const next = await context.newPage();
  await next.goto('/');
  await expect.poll(() => storedReferences(request), { timeout: 15_000 }).toEqual([ref]);
  await expect.poll(() => next.evaluate(() => localStorage.getItem('labo.outbox'))).toBeNull();
  await expect.poll(() => outboxText(next)).toBeNull();
});

test('7. a clock put right during the sign-up does not make the young person a robot', async ({ page, request }) => {
  // The phone's clock is an hour ahead, then put right while the young person types.
  await page.addInitScript(() => {
    const now = Date.now.bind(Date);
    Date.now = () => now() + Number(sessionStorage.getItem('clockShift') ?? '3600000');
  });
  await page.goto('/inscription');
  await fillEligibility(page, LE_HAVRE);
  await page.evaluate(() => sessionStorage.setItem('clockShift', '0'));
  await fillDetails(page, LEA);
  await page.waitForTimeout(3_500);
  await page.getByRole('button', { name: SEND }).click();
  await expect(heading(page)).toHaveText(SENT);
  const [stored] = await submissions(request);
  expect(stored.body.anti_spam.fill_seconds).toBeGreaterThanOrEqual(3);
  expect(stored.body.anti_spam.fill_seconds).toBeLessThan(600);
});

test('7b. "Corriger mes réponses" empties the hidden trap field and restarts the timer', async ({ page, request }) => {
  await page.goto('/inscription');
  await fillEligibility(page, LE_HAVRE);
  await expect(page.getByRole('heading', { level: 1, name: 'Tes coordonnées' })).toBeVisible();
  // A browser's autofill put something into the hidden trap field: the endpoint sees a robot.
  await page.locator('#website').evaluate((input: HTMLInputElement) => {
    input.value = 'https://exemple.fr';
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await fillDetails(page, LEA);
  await page.getByRole('button', { name: SEND }).click();
  await expect(heading(page)).toHaveText(REFUSED);
  expect(await submissions(request)).toHaveLength(0);
  await page.getByRole('button', { name: 'Corriger mes réponses' }).click();
  await expect(heading(page)).toHaveText('Vérifie tes réponses');
  await page.getByRole('button', { name: SEND }).click();
  await expect(heading(page)).toHaveText(SENT);
  const [stored] = await submissions(request);
  expect(stored.body.anti_spam.honeypot).toBe('');
  expect(stored.body.applicant.last_name).toBe('Martin');
});
