// Counsellors' share links: build one, open it as a young person, sign up; hostile links;
// the printable poster.
import { test, expect, type Page } from '@playwright/test';
import { appReady } from './app';
import { reset, submissions } from './stand-in';
import { fillDetails, fillEligibility, LE_HAVRE, LEA, SENT } from './journey';

test.beforeEach(async ({ request }) => {
  await reset(request);
});

async function buildLink(page: Page, options: { pathway?: string; direct?: boolean; outside?: boolean } = {}) {
  await page.goto('/conseillers');
  await expect(page.getByRole('heading', { level: 1, name: 'Créer un lien d’inscription pour les jeunes' })).toBeVisible();
  await expect(page.getByText('Indiquez votre nom et le canal pour obtenir le lien.')).toBeVisible();
  await page.getByLabel('Votre nom ou votre code').fill('Claire M.');
  await page.getByLabel('Événement ou campagne').fill('Forum emploi mars');
  await page.getByRole('radio', { name: 'Salon ou forum' }).check();
  if (options.pathway) await page.getByRole('radio', { name: options.pathway }).check();
  if (options.direct) await page.getByRole('checkbox', { name: /Ouvrir directement l['’]inscription/ }).check();
  if (options.outside) await page.getByRole('checkbox', { name: /Autoriser l['’]inscription même hors du territoire/ }).check();
  return page.getByLabel('Lien à partager').inputValue();
}

test('a counsellor builds a link, a young person opens it and signs up: the attribution follows', async ({ page, context, request }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const link = await buildLink(page, { pathway: 'S’entraîner en groupe', direct: true });
  expect(link).toMatch(/\/inscription\?conseiller=Claire\+M\.&campagne=forum-emploi-mars&canal=salon&parcours=collectif$/);
  await expect(page.getByRole('img', { name: 'QR code du lien' }).first()).toBeVisible();
  await page.getByRole('button', { name: 'Copier le lien' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Lien copié.' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Télécharger le QR code (PNG)' }).click();
  expect((await download).suggestedFilename()).toBe('labo-qr-code.png');
  await expect(page.getByRole('link', { name: 'Télécharger le QR code (SVG)' })).toHaveAttribute('download', 'labo-qr-code.svg');

  // The young person, on another phone.
  const young = await context.browser()!.newContext({ baseURL: new URL(link).origin });
  const phone = await young.newPage();
  await phone.goto(link);
  await expect(phone).toHaveURL(/\/inscription$/);
  await fillEligibility(phone, LE_HAVRE);
  await expect(phone.getByRole('radio', { name: 'S’entraîner en groupe' })).toBeChecked();
  await phone.reload();
  await fillDetails(phone, LEA);
  await phone.getByRole('button', { name: 'Envoyer mon inscription' }).click();
  await expect(phone.getByRole('heading', { level: 1 })).toHaveText(SENT);
  const stored = await submissions(request);
  expect(stored).toHaveLength(1);
  expect(stored[0].body.source).toEqual({ counsellor: 'Claire M.', campaign: 'forum-emploi-mars', channel: 'salon' });
  expect(stored[0].body.pathway.chosen).toBe('collective');
  await young.close();
});

test('a link allowing a sign-up from outside the territory lets the young person continue', async ({ page, request }) => {
  const link = await buildLink(page, { outside: true });
  await page.goto(link);
  await page.getByRole('link', { name: 'M’inscrire directement' }).click();
  await fillEligibility(page, { ...LE_HAVRE, commune: 'Rouen', choice: 'J’habite ailleurs (ma commune n’est pas dans la liste)' });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ta commune dépend d’une autre mission locale');
  await page.getByRole('button', { name: 'Continuer mon inscription' }).click();
  await fillDetails(page, LEA);
  await page.getByRole('button', { name: 'Envoyer mon inscription' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(SENT);
  const [stored] = await submissions(request);
  expect(stored.body.applicant.commune).toBeNull();
  expect(stored.body.eligibility).toMatchObject({ commune_in_territory: false, counsellor_override: true });
  expect(stored.body.source.channel).toBe('salon');
});

test('a hostile link opens normally and sends a clean attribution', async ({ page, request }) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    dialog.dismiss();
  });
  const warnings: string[] = [];
  page.on('console', (message) => warnings.push(message.text()));
  const hostile =
    '/?conseiller=%3Cscript%3Ealert(1)%3C%2Fscript%3E&campagne=%3Cimg%20src%3Dx%20onerror%3Dalert(2)%3E' +
    '&canal=sms&utm_source=facebook&parcours=%22%3E%3Csvg%20onload%3Dalert(3)%3E';
  await page.goto(hostile);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Le Lab’O t’aide à te lancer');
  await expect(page).toHaveURL(/\/$/);
  expect(await page.locator('img[src="x"], svg[onload], [onerror]').count()).toBe(0);
  expect(await page.evaluate(() => document.documentElement.outerHTML.includes('alert('))).toBe(false);
  expect(warnings.join('\n')).toContain('paramètre de lien ignoré « utm_source »');
  expect(warnings.join('\n')).not.toContain('alert');
  await page.getByRole('link', { name: 'M’inscrire directement' }).click();
  await fillEligibility(page, LE_HAVRE);
  await fillDetails(page, LEA);
  await page.getByRole('button', { name: 'Envoyer mon inscription' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(SENT);
  const [stored] = await submissions(request);
  expect(stored.body.source).toEqual({ channel: 'sms' });

  // 10 KB values and unknown keys: ignored entirely, the app opens.
  await reset(request);
  await page.goto(`/?conseiller=${'x'.repeat(10_000)}&foo=bar&campagne=ok`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Le Lab’O t’aide à te lancer');
  expect(dialogs).toEqual([]);
});

test('a plain address has an empty attribution', async ({ page, request }) => {
  await page.goto('/inscription');
  await fillEligibility(page, LE_HAVRE);
  await fillDetails(page, LEA);
  await page.getByRole('button', { name: 'Envoyer mon inscription' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(SENT);
  const [stored] = await submissions(request);
  expect(stored.body.source).toEqual({});
});

for (const format of ['A4', 'A5']) {
  test(`the ${format} poster prints on one page with the QR code, the offer and the link`, async ({ page }) => {
    const link = await buildLink(page);
    await page.getByRole('radio', { name: format, exact: true }).check();
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('heading', { level: 1 })).toBeHidden();
    const poster = page.getByRole('region', { name: 'Affiche à imprimer' });
    await expect(poster.getByText(link)).toBeVisible();
    await expect(poster.getByText('Tu as entre 16 et 25 ans')).toBeVisible();
    await page.screenshot({ path: `target/e2e/poster-${format}.png`, fullPage: true });
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages).toHaveLength(1);
  });
}

test('a tap on the static start page before the app is ready waits for the app and keeps the link’s attribution', async ({ page, request }) => {
  // The wasm arrives only after the tap, as on a slow phone.
  let release: () => void = () => {};
  const tapped = new Promise<void>((resolve) => (release = resolve));
  const wasm: string[] = [];
  page.on('request', (r) => { if (r.url().endsWith('.wasm')) wasm.push(r.url()); });
  await page.route(/_bg\.wasm$/, async (route) => {
    await tapped;
    await route.continue();
  });
  await page.goto('/?conseiller=Claire+M.&canal=salon');
  await expect(page.locator('#static-page')).toHaveCount(1);
  const link = page.getByRole('link', { name: 'M’inscrire directement' });
  await link.click();
  // No page load: the link says it is on its way, and the download already started goes on.
  await expect(link).toHaveAttribute('aria-busy', 'true');
  expect(new URL(page.url()).pathname).toBe('/');
  release();
  await page.waitForURL(/\/inscription$/);
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  expect(wasm).toHaveLength(1);
  await fillEligibility(page, LE_HAVRE);
  await fillDetails(page, LEA);
  await page.getByRole('button', { name: 'Envoyer mon inscription' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(SENT);
  const [stored] = await submissions(request);
  expect(stored.body.source).toEqual({ counsellor: 'Claire M.', channel: 'salon' });
});

test('the counsellors’ page is its own small app, and the young people’s app leads to it', async ({ page }) => {
  const wasm: string[] = [];
  page.on('request', (r) => { if (r.url().endsWith('.wasm')) wasm.push(new URL(r.url()).pathname); });
  await page.goto('/');
  await appReady(page);
  expect(wasm).toEqual([expect.stringMatching(/^\/labo-[0-9a-f]+_bg\.wasm$/)]);
  // A host that answers /conseillers with the young people's index.html: the app sends it on.
  await page.evaluate(() => {
    history.pushState(null, '', '/conseillers');
    dispatchEvent(new PopStateEvent('popstate'));
  });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Créer un lien d’inscription pour les jeunes');
  await expect(page.getByText('Indiquez votre nom et le canal pour obtenir le lien.')).toBeVisible();
  expect(new URL(page.url()).pathname).toBe('/conseillers/index.html');
  expect(wasm[1]).toMatch(/^\/conseillers\/conseillers-[0-9a-f]+_bg\.wasm$/);
  await expect(page).toHaveTitle('Créer un lien d’inscription – Lab’O');
});

test('when the counsellors’ page cannot load, it says so', async ({ page }) => {
  await page.route(/_bg\.wasm$/, (route) => route.abort());
  await page.goto('/conseillers/');
  await expect(page.getByRole('alert')).toHaveText('La page n’a pas pu se charger. Vérifiez votre connexion et rechargez la page.');
});
