// Accessible to everyone: every screen and state audited, the whole journey with the keyboard
// only, focus and titles on each step, and nothing sent anywhere but the endpoint.
import { test, expect, type Page, type Locator } from '@playwright/test';
import { audit } from './a11y';
import { fault, reset, STAND_IN_URL } from './stand-in';
import { answerQuestion, fillDetails, fillEligibility, fillUpToCheck, LE_HAVRE, LEA, PENDING, QUESTION_COUNT, SENT, birthYearForAge } from './journey';

test.beforeEach(async ({ request }) => {
  await reset(request);
});

const h1 = (page: Page) => page.getByRole('heading', { level: 1 });

test('every screen of the test and the result passes the audits', async ({ page }) => {
  await page.goto('/');
  await expect(h1(page)).toBeVisible();
  await audit(page, 'start page');
  await page.getByRole('link', { name: 'Faire le test' }).click();
  await audit(page, 'a single-answer question');
  await page.getByRole('button', { name: 'Continuer' }).click();
  await expect(page.getByRole('alert')).toBeFocused();
  await audit(page, 'a question with its error');
  await page.goto(`/test/${QUESTION_COUNT}`);
  await expect(page.getByRole('checkbox').first()).toBeVisible();
  await audit(page, 'the several-answers question');
  for (let n = 1; n <= QUESTION_COUNT; n++) {
    await page.goto(`/test/${n}`);
    await answerQuestion(page, n, 2);
  }
  await expect(h1(page)).toHaveText('Ton résultat');
  await audit(page, 'the result');
});

test('every screen of the sign-up passes the audits, errors and refusals included', async ({ page }) => {
  await page.goto('/inscription');
  await page.getByRole('button', { name: 'Continuer' }).click();
  await expect(page.getByRole('alert')).toBeFocused();
  await audit(page, 'the eligibility page with errors');
  await fillEligibility(page, { ...LE_HAVRE, year: birthYearForAge(15) });
  await expect(h1(page)).toContainText('16 ans');
  await audit(page, 'the too-young page');
  await page.goto('/inscription');
  await fillEligibility(page, { ...LE_HAVRE, commune: 'Rouen', choice: 'J’habite ailleurs (ma commune n’est pas dans la liste)' });
  await audit(page, 'the outside-the-territory page');
  await page.goto('/inscription');
  await fillEligibility(page, LE_HAVRE);
  await audit(page, 'the details page');
  await page.getByLabel('Adresse e-mail').fill('pas-une-adresse');
  await page.getByRole('button', { name: 'Continuer' }).click();
  await expect(page.getByRole('alert')).toBeFocused();
  await audit(page, 'the details page with errors');
  await fillDetails(page, LEA);
  await expect(h1(page)).toHaveText('Vérifie tes réponses');
  await audit(page, 'the check page');
});

test('the pending, sent and refused confirmations pass the audits', async ({ page, context, request }) => {
  await fillUpToCheck(page);
  await context.setOffline(true);
  await page.getByRole('button', { name: 'Envoyer mon inscription' }).click();
  await expect(h1(page)).toHaveText(PENDING);
  await audit(page, 'the pending confirmation');
  await context.setOffline(false);
  await expect(h1(page)).toHaveText(SENT, { timeout: 15_000 });
  await audit(page, 'the sent confirmation');
  await fault(request, { status: 400, body: { problems: [{ message: 'Refusé pour le test.' }] } });
  await fillUpToCheck(page);
  await page.getByRole('button', { name: 'Envoyer mon inscription' }).click();
  await expect(h1(page)).toHaveText('Ton inscription n’a pas été acceptée');
  await audit(page, 'the refused sign-up');
});

test('the counsellor page, the legal pages and the unknown page pass the audits', async ({ page }) => {
  await page.goto('/conseillers');
  await page.getByLabel('Votre nom ou votre code').fill('Claire M.');
  await page.getByRole('radio', { name: 'Affiche' }).check();
  await expect(page.getByLabel('Lien à partager')).not.toHaveValue('');
  await audit(page, 'the counsellor page');
  await page.goto('/');
  await page.getByRole('link', { name: 'Données personnelles' }).click();
  await expect(h1(page)).toHaveText('Tes données personnelles');
  await expect(page.getByText('CNIL')).toBeVisible();
  await audit(page, 'the privacy notice');
  await page.getByRole('link', { name: 'Accessibilité : non conforme' }).click();
  await expect(h1(page)).toHaveText('Déclaration d’accessibilité');
  await expect(page.getByText('Défenseur des droits').first()).toBeVisible();
  await audit(page, 'the accessibility statement');
  await page.goto('/nulle-part');
  await expect(h1(page)).toHaveText('Cette page n’existe pas');
  await audit(page, 'the unknown page');
});

test.describe('broken configuration', () => {
  test.use({ serviceWorkers: 'block' });
  test('the unavailable page passes the audits', async ({ page }) => {
    await page.route('**/config.json', (route) => route.fulfill({ body: '{', contentType: 'application/json' }));
    await page.goto('/');
    await expect(h1(page)).toHaveText('L’inscription en ligne ne marche pas pour le moment');
    await audit(page, 'the unavailable page');
  });
});

/** Presses Tab until `target` has the focus, then checks the focus can be seen. */
async function tabTo(page: Page, target: Locator) {
  for (let i = 0; i < 80; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) {
      const visible = await target.evaluate((el) => el.matches(':focus-visible') && getComputedStyle(el).outlineStyle !== 'none');
      expect(visible, 'the keyboard focus is visible').toBe(true);
      return;
    }
    await page.keyboard.press('Tab');
  }
  throw new Error(`could not reach ${target} with the Tab key`);
}

test('the whole journey can be done with the keyboard only, with visible focus and the right titles', async ({ page, request }) => {
  await page.goto('/');
  await tabTo(page, page.getByRole('link', { name: 'Faire le test' }));
  await page.keyboard.press('Enter');
  for (let n = 1; n <= QUESTION_COUNT; n++) {
    await expect(page).toHaveTitle(`Question ${n} sur ${QUESTION_COUNT} – Lab’O`);
    await expect(h1(page)).toBeFocused();
    // Tab enters a group of radio buttons on its first one (arrows move between them).
    const answer = n === QUESTION_COUNT ? page.getByRole('checkbox', { name: 'Rien de tout ça' }) : page.getByRole('radio').first();
    await tabTo(page, answer);
    await page.keyboard.press('Space');
    await expect(answer).toBeChecked();
    await tabTo(page, page.getByRole('button', { name: n === QUESTION_COUNT ? 'Voir mon résultat' : 'Continuer' }));
    await page.keyboard.press('Enter');
  }
  await expect(page).toHaveTitle('Ton résultat – Lab’O');
  await tabTo(page, page.getByRole('button', { name: 'M’inscrire avec ce parcours' }));
  await page.keyboard.press('Enter');

  await expect(h1(page)).toBeFocused();
  const type = async (field: Locator, text: string) => {
    await tabTo(page, field);
    await page.keyboard.type(text);
  };
  await type(page.getByLabel('Jour'), '1');
  await type(page.getByLabel('Mois'), '1');
  await type(page.getByLabel('Année'), LE_HAVRE.year);
  await tabTo(page, page.getByRole('radio', { name: 'Non, j’ai arrêté ou terminé' }));
  await page.keyboard.press('Space');
  await type(page.getByLabel('Dans quelle commune habites-tu ?'), 'fecamp');
  await tabTo(page, page.getByRole('radio', { name: 'Fécamp (76400)', exact: true }));
  await page.keyboard.press('Space');
  await tabTo(page, page.getByRole('button', { name: 'Continuer' }));
  await page.keyboard.press('Enter');

  await expect(page).toHaveTitle('Tes coordonnées – Lab’O');
  await type(page.getByLabel('Prénom'), 'Léa');
  await type(page.getByLabel('Nom', { exact: true }), 'Martin');
  await type(page.getByLabel('Numéro de téléphone'), '06 12 34 56 78');
  for (const name of ['Je cherche un emploi', 'Par téléphone (un appel)', 'Le matin']) {
    await tabTo(page, page.getByRole('radio', { name }));
    await page.keyboard.press('Space');
  }
  // Arrow keys move within a group and choose: from the first pathway to the second.
  await tabTo(page, page.getByRole('radio', { name: 'Découvrir l’entrepreneuriat' }));
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('radio', { name: 'S’entraîner en groupe' })).toBeChecked();
  await tabTo(page, page.getByRole('button', { name: 'Continuer' }));
  await page.keyboard.press('Enter');

  await expect(page).toHaveTitle('Vérifie tes réponses – Lab’O');
  await tabTo(page, page.getByRole('button', { name: 'Envoyer mon inscription' }));
  await page.keyboard.press('Enter');
  await expect(h1(page)).toHaveText(SENT);
  await expect(page).toHaveTitle('Inscription envoyée – Lab’O');
  const stored = await (await request.get(`${STAND_IN_URL}/__stand-in/submissions`)).json();
  expect(stored).toHaveLength(1);
  expect(stored[0].body.applicant.commune.name).toBe('Fécamp');
  expect(stored[0].body.pathway.chosen).toBe('collective');
});

test('nothing is requested from any origin but the app’s and the endpoint’s, and no cookie is set', async ({ page, context }) => {
  const origins = new Set<string>();
  context.on('request', (r) => origins.add(new URL(r.url()).origin));
  await page.goto('/');
  await page.getByRole('link', { name: 'Faire le test' }).click();
  for (let n = 1; n <= QUESTION_COUNT; n++) await answerQuestion(page, n, 1);
  await page.getByRole('button', { name: 'M’inscrire avec ce parcours' }).click();
  await fillEligibility(page, LE_HAVRE);
  await fillDetails(page, { ...LEA, consent: true });
  await page.getByRole('button', { name: 'Envoyer mon inscription' }).click();
  await expect(h1(page)).toHaveText(SENT);
  await page.goto('/conseillers');
  await page.goto('/confidentialite');
  const app = new URL(page.url()).origin;
  expect([...origins].sort()).toEqual([app, new URL(STAND_IN_URL).origin].sort());
  expect(await context.cookies()).toEqual([]);
});

test('the anti-spam trap is hidden from people and assistive technology, and a robot is refused', async ({ page, request }) => {
  await page.goto('/inscription');
  await fillEligibility(page, LE_HAVRE);
  const trap = page.locator('#website');
  await expect(trap).toBeHidden();
  expect(await page.getByRole('textbox', { name: 'Website' }).count()).toBe(0);
  // A robot fills every field it finds in the page, visible or not.
  await trap.evaluate((el: HTMLInputElement) => {
    el.value = 'http://spam.example';
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await fillDetails(page, LEA);
  await page.getByRole('button', { name: 'Envoyer mon inscription' }).click();
  await expect(h1(page)).toHaveText('Ton inscription n’a pas été acceptée');
  expect(await (await request.get(`${STAND_IN_URL}/__stand-in/submissions`)).json()).toEqual([]);
});
