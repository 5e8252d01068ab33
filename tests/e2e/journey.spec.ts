// The young person's journey: test → result → eligibility → details → check → confirmation,
// and the ways off it (not eligible, errors), on a phone against the release build.
import { test, expect } from '@playwright/test';
import { attempts, reset, submissions } from './stand-in';
import { audit } from './a11y';
import { answerQuestion, birthYearForAge, EVERY_CONSTRAINT, fillDetails, fillEligibility, frenchLongDate, LE_HAVRE, LEA, QUESTION_COUNT, takeTest } from './journey';

test.beforeEach(async ({ request }) => {
  await reset(request);
});

test('the whole journey sends one sign-up with the typed values, the chosen pathway and the consented profile', async ({ page, request }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Faire le test' }).click();
  await expect(page).toHaveTitle(`Question 1 sur ${QUESTION_COUNT} – Lab’O`);
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  for (let n = 1; n <= 4; n++) await answerQuestion(page, n, 2);
  // Back without losing answers.
  await page.getByRole('link', { name: 'Question précédente' }).click();
  await expect(page.getByText(`Question 4 sur ${QUESTION_COUNT}`, { exact: true })).toBeVisible();
  await expect(page.getByRole('radio').nth(2)).toBeChecked();
  await page.getByRole('button', { name: 'Continuer' }).click();
  // Answers survive a reload.
  await page.reload();
  await expect(page.getByText(`Question 5 sur ${QUESTION_COUNT}`, { exact: true })).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('radio').nth(2)).toBeChecked();
  await page.goForward();
  await takeTest(page, 2, 5);

  // The result, led by words: the profile grouped by level (no chart of filled steps, which
  // reads as a mark out of three), the suggestion with reasons, the others still selectable; no
  // mark anywhere.
  await expect(page.getByRole('main').getByRole('img')).toHaveCount(0);
  await expect(page.getByRole('listitem').filter({ hasText: /^Motivation – / })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Ce qui est déjà là' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Ce que tu vas découvrir' })).toBeVisible();
  const shown = await page.locator('main').innerText();
  expect(shown).not.toMatch(/\d+\s*(sur|\/|out of)\s*100|%/);
  await expect(page.getByRole('heading', { name: 'Le parcours qui pourrait te convenir' })).toBeVisible();
  await expect(page.getByText('ton idée est claire ou déjà lancée')).toBeVisible();
  await expect(page.getByText(/le conseiller du Lab’O te propose un parcours, et vous en parlez tous les deux/i)).toBeVisible();
  await expect(page.getByRole('radio', { name: /Avancer en individuel \(suggéré pour toi\)/ })).toBeChecked();
  await page.getByRole('radio', { name: 'S’entraîner en groupe' }).check();
  await page.getByRole('button', { name: 'M’inscrire avec ce parcours' }).click();

  await fillEligibility(page, { ...LE_HAVRE, commune: 'st romain', choice: 'Saint-Romain-de-Colbosc (76430)' });
  await expect(page.getByRole('radio', { name: 'S’entraîner en groupe' })).toBeChecked();
  // "Already followed" is a field of the form (optional), with the counsellor's name.
  await expect(page.getByLabel(/Son nom, si tu le connais/)).toHaveCount(0);
  await fillDetails(page, { ...LEA, consent: true, followed: 'Oui', followedBy: 'Mme Diallo' });

  await expect(page.getByRole('heading', { level: 1, name: 'Vérifie tes réponses' })).toBeVisible();
  await expect(page.getByText('Oui (Mme Diallo)')).toBeVisible();
  await expect(page.getByText('Saint-Romain-de-Colbosc (76430)')).toBeVisible();
  await expect(page.getByText('06 12 34 56 78')).toBeVisible();
  await page.getByRole('button', { name: 'Envoyer mon inscription' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Inscription envoyée' })).toBeFocused();
  const reference = (await page.getByTestId('reference').textContent())!.trim();
  await expect(page.getByRole('link', { name: '02 61 91 00 00' }).first()).toHaveAttribute('href', 'tel:+33261910000');
  const stored = await submissions(request);
  expect(stored).toHaveLength(1);
  const body = stored[0].body;
  // When: a date, 5 working days after today (weekends and public holidays not counted).
  expect(body.contact.call_back_before).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  const days = (Date.parse(body.contact.call_back_before) - Date.parse(new Date().toISOString().slice(0, 10))) / 86_400_000;
  expect(days).toBeGreaterThanOrEqual(6); // from a Saturday: Monday to Friday
  expect(days).toBeLessThanOrEqual(15);
  await expect(page.getByText(`te contacte par SMS avant le ${frenchLongDate(body.contact.call_back_before)}, pour fixer un premier rendez-vous`)).toBeVisible();
  await expect(page.getByText(/Pas de nouvelles d’ici là\s\?\s+Appelle la Mission Locale/)).toBeVisible();
  expect(body.applicant.followed).toEqual({ answer: 'yes', counsellor: 'Mme Diallo' });
  const summaryLines = body.summary.split('\n');
  expect(summaryLines[0]).toContain(`À contacter avant le ${frenchLongDate(body.contact.call_back_before).replace(/ (\S+)$/, '\u00a0$1')}`);
  expect(summaryLines[1]).toBe('Déjà suivi par la Mission Locale\u00a0: oui, par Mme Diallo.');
  expect(body.reference).toBe(reference);
  expect(body.applicant).toMatchObject({
    first_name: 'Léa',
    last_name: 'Martin',
    birth_date: `${LE_HAVRE.year}-01-01`,
    phone: '+33612345678',
    email: 'lea.martin@exemple.fr',
    commune: { insee: '76647', name: 'Saint-Romain-de-Colbosc', postcode: '76430' },
    situation: 'job_seeking',
  });
  expect(body.contact).toMatchObject({ channel: 'sms', time: 'afternoon' });
  expect(body.idea).toBe('Un food truck de crêpes bio');
  expect(body.eligibility).toEqual({ age: 19, age_eligible: true, left_school: true, commune_in_territory: true, counsellor_override: false });
  expect(body.pathway).toEqual({ chosen: 'collective', suggested: 'individual' });
  expect(body.consent.share_self_assessment).toBe(true);
  expect(body.schema_version).toBe('signup-v2');
  expect(Object.keys(body.self_assessment.levels)).toHaveLength(7);
  expect(body.self_assessment.levels.idea).toBe('already');
  expect(body.self_assessment.levels.motivation).toBe('already');
  // Words only: no mark, no points (what the young person is told is what is sent).
  expect(body.self_assessment.points).toBeUndefined();
  expect(body.self_assessment.scores).toBeUndefined();
  expect(Object.keys(body.self_assessment.answers)).toHaveLength(QUESTION_COUNT);
  expect(body.self_assessment.answers.constraints).toEqual(['none']);
  // The young person's data has left the device.
  expect(await page.evaluate(() => localStorage.getItem('labo.draft'))).toBeNull();
});

test('life constraints never change the suggestion, and ticking them all sends facts, nothing about health', async ({ page, request }) => {
  const suggestion = () => page.getByRole('radio', { name: /\(suggéré pour toi\)/ });
  await page.goto('/test/1');
  await takeTest(page, 2);
  const without = (await suggestion().getAttribute('value'))!;
  await expect(page.getByText('ne changent ni ton profil ni la suggestion')).toBeVisible();
  const profile = async () => (await page.locator('.profile-list').allInnerTexts()).join('\n');
  const profileWithout = await profile();
  // The same walk, every constraint ticked.
  await page.goto(`/test/${QUESTION_COUNT}`);
  await page.getByRole('checkbox', { name: 'Rien de tout ça' }).uncheck();
  await answerQuestion(page, QUESTION_COUNT, 0, EVERY_CONSTRAINT);
  await expect(page.getByRole('heading', { level: 1, name: 'Ton résultat' })).toBeVisible();
  expect(await suggestion().getAttribute('value')).toBe(without);
  expect(await profile()).toBe(profileWithout);
  await audit(page, 'the result in words');
  await page.getByRole('button', { name: 'M’inscrire avec ce parcours' }).click();
  await fillEligibility(page, LE_HAVRE);
  await fillDetails(page, { ...LEA, consent: true });
  await page.getByRole('button', { name: 'Envoyer mon inscription' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Inscription envoyée' })).toBeVisible();
  const [stored] = await submissions(request);
  expect(stored.body.pathway.suggested).toBe(without);
  expect(stored.body.self_assessment.answers.constraints).toEqual(['work_hours', 'childcare', 'transport', 'housing', 'money', 'other']);
  expect(JSON.stringify(stored.body)).not.toMatch(/health|sant[ée]|malad|handicap|m[ée]dic/i);
});

test('without consent, no answers or scores are sent', async ({ page, request }) => {
  await page.goto('/test/1');
  await takeTest(page, 1);
  await page.getByRole('button', { name: 'M’inscrire avec ce parcours' }).click();
  await fillEligibility(page, LE_HAVRE);
  await fillDetails(page, LEA);
  await page.getByRole('button', { name: 'Envoyer mon inscription' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Inscription envoyée' })).toBeVisible();
  const [stored] = await submissions(request);
  expect(stored.body.self_assessment).toBeNull();
  expect(stored.body.consent.share_self_assessment).toBe(false);
  expect(stored.body.pathway.suggested).toBeNull();
});

test('a direct sign-up without the test works and sends no profile', async ({ page, request }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'M’inscrire directement' }).click();
  await fillEligibility(page, LE_HAVRE);
  await expect(page.getByRole('radio', { name: 'Je ne sais pas encore' })).toBeChecked();
  await expect(page.getByRole('checkbox')).toHaveCount(0);
  await fillDetails(page, { ...LEA, email: undefined, channel: 'Par téléphone (un appel)' });
  await page.getByRole('button', { name: 'Envoyer mon inscription' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Inscription envoyée' })).toBeVisible();
  const [stored] = await submissions(request);
  expect(stored.body.pathway).toEqual({ chosen: null, suggested: null });
  expect(stored.body.self_assessment).toBeNull();
  expect(stored.body.applicant.email).toBeNull();
  expect(stored.body.applicant.commune.postcode).toBe('76610');
});

test('an ineligible age leads to a kind page with the right place to go, and nothing is sent', async ({ page, request }) => {
  await page.goto('/inscription');
  await fillEligibility(page, { ...LE_HAVRE, year: birthYearForAge(15) });
  await expect(page.getByRole('heading', { level: 1, name: 'Le Lab’O t’accueillera dès tes 16 ans' })).toBeVisible();
  await expect(page.getByText('Tu as 15 ans')).toBeVisible();
  await expect(page.getByRole('link', { name: /1jeune1solution/ })).toHaveAttribute('href', /1jeune1solution\.gouv\.fr/);
  await page.getByRole('link', { name: 'Modifier mes réponses' }).click();
  await expect(page.getByLabel('Année')).toHaveValue(birthYearForAge(15));

  await page.getByLabel('Année').fill(birthYearForAge(30));
  await page.getByRole('button', { name: 'Continuer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Le Lab’O est pour les jeunes de 16 à 25 ans' })).toBeVisible();
  await expect(page.getByRole('link', { name: /Bpifrance Création/ })).toBeVisible();
  expect(await attempts(request)).toHaveLength(0);
});

test('a commune outside the territory leads to the kind page, by name or by postcode', async ({ page, request }) => {
  await page.goto('/inscription');
  await page.getByLabel('Dans quelle commune habites-tu ?').fill('Rouen');
  await expect(page.getByRole('status').filter({ hasText: 'Aucune commune du territoire ne correspond' })).toBeVisible();
  await fillEligibility(page, { ...LE_HAVRE, commune: 'Rouen', choice: 'J’habite ailleurs (ma commune n’est pas dans la liste)' });
  await expect(page.getByRole('heading', { level: 1, name: 'Ta commune dépend d’une autre mission locale' })).toBeVisible();
  await expect(page.getByRole('link', { name: /1jeune1solution/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Continuer mon inscription' })).toHaveCount(0);

  await page.goto('/inscription');
  await page.getByRole('radio', { name: 'Le Havre (76610)' }).waitFor({ state: 'detached' }).catch(() => {});
  await page.getByLabel('Dans quelle commune habites-tu ?').fill('76000');
  await page.getByRole('button', { name: 'Continuer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ta commune dépend d’une autre mission locale' })).toBeVisible();
  expect(await attempts(request)).toHaveLength(0);
});

test('empty forms show the error summary with focus on it, and nothing is sent', async ({ page, request }) => {
  await page.goto('/inscription');
  await page.getByRole('button', { name: 'Continuer' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'Il y a un problème' });
  await expect(summary).toBeFocused();
  await expect(page).toHaveTitle(/^Erreur\s:\s/);
  await expect(summary.getByRole('link')).toHaveText([
    'Écris ta date de naissance',
    'Dis-nous si tu es encore à l’école',
    'Écris le nom de ta commune ou ton code postal',
  ]);
  await summary.getByRole('link', { name: 'Écris ta date de naissance' }).click();
  await expect(page.getByLabel('Jour')).toBeFocused();

  await fillEligibility(page, LE_HAVRE);
  await page.getByRole('button', { name: 'Continuer' }).click();
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link')).toHaveCount(6);
  await page.getByLabel('Numéro de téléphone').fill('06 12');
  await page.getByLabel('Adresse e-mail').fill('lea.exemple.fr');
  await page.getByRole('button', { name: 'Continuer' }).click();
  await expect(page.getByText('Il manque des chiffres').first()).toBeVisible();
  await expect(page.getByText('Ton adresse e-mail doit contenir un @').first()).toBeVisible();
  await expect(page.getByLabel('Numéro de téléphone')).toHaveValue('06 12');
  expect(await attempts(request)).toHaveLength(0);
});

test('the check page’s change links lead to the field, and typed values survive a reload', async ({ page, request }) => {
  await page.goto('/inscription');
  await fillEligibility(page, LE_HAVRE);
  await page.getByLabel('Prénom').fill('Léa');
  await page.reload();
  await expect(page.getByLabel('Prénom')).toHaveValue('Léa');
  await fillDetails(page, LEA);
  await page.getByRole('link', { name: 'Modifier : Numéro de téléphone' }).click();
  await expect(page.getByLabel('Numéro de téléphone')).toBeFocused();
  await page.getByLabel('Numéro de téléphone').fill('+33 7 98 76 54 32');
  await page.getByRole('button', { name: 'Continuer' }).click();
  await expect(page.getByText('07 98 76 54 32')).toBeVisible();
  await page.getByRole('button', { name: 'Envoyer mon inscription' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Inscription envoyée' })).toBeVisible();
  const [stored] = await submissions(request);
  expect(stored.body.applicant.phone).toBe('+33798765432');
});
