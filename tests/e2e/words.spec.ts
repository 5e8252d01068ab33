// Words fit for a French public service (issue 13): the privacy notice and the accessibility
// statement have every part the GDPR and the RGAA model ask for, the counsellors' page says
// "vous" everywhere, the static start page's footer links work without JavaScript, and French
// typography reaches the screen. Read through visible headings, labels and links.
import { test, expect, type Page } from '@playwright/test';
import { audit } from './a11y';
import { appReady } from './app';
import { ENDPOINT_URL } from './stand-in';
import { fillEligibility, LE_HAVRE } from './journey';

const PHONE = '02 61 91 00 00';
const h1 = (page: Page) => page.getByRole('heading', { level: 1 });
const h2 = (page: Page, name: string) => page.getByRole('heading', { level: 2, name, exact: true });
const h3 = (page: Page, name: string) => page.getByRole('heading', { level: 3, name, exact: true });
// The same sentence under the sign-up form and in the notice (one retention wording everywhere).
const RETENTION = '24 mois au plus après ton dernier contact avec la Mission Locale';

/** Checks the privacy notice on screen, the app's or the static copy. */
async function expectPrivacyNotice(page: Page) {
  await expect(h1(page)).toHaveText('Tes données personnelles');
  await expect(h2(page, 'Qui est responsable de tes données ?')).toBeVisible();
  await expect(page.getByText('Le responsable de tes données est : Mission Locale Le Havre Estuaire Littoral.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'dpo@mission-locale.example' })).toHaveAttribute('href', 'mailto:dpo@mission-locale.example');
  await expect(page.getByText('délégué à la protection des données')).toBeVisible();
  await expect(h2(page, 'À quoi servent-elles ?')).toBeVisible();
  await expect(page.getByText('te contacter et fixer un premier rendez-vous')).toBeVisible();
  await expect(page.getByText(/sans aucun nom.*pour les financeurs/)).toBeVisible();
  await expect(h2(page, 'Sur quelle base ?')).toBeVisible();
  await expect(page.getByText(/mission de service public \(article 6\.1\.e du RGPD\)/)).toBeVisible();
  await expect(h2(page, 'Quelles données ?')).toBeVisible();
  await expect(h2(page, 'Et si tu ne donnes pas tout ?')).toBeVisible();
  await expect(page.getByText(/l’inscription en ligne n’est pas possible/)).toBeVisible();
  await expect(h2(page, 'Qui les reçoit ?')).toBeVisible();
  for (const recipient of [
    /les conseillères et conseillers de la Mission Locale qui t’accompagnent/,
    /le système d’information national des missions locales/,
    /l’hébergeur du site et du service d’inscription/,
    /les partenaires du Lab’O .*seulement si tu es d’accord/,
    /les financeurs du Lab’O, qui reçoivent seulement des chiffres/,
  ]) {
    await expect(page.getByRole('listitem').filter({ hasText: recipient })).toBeVisible();
  }
  await expect(h2(page, 'Restent-elles dans l’Union européenne ?')).toBeVisible();
  await expect(page.getByText('Oui : tes données ne sont envoyées dans aucun pays en dehors de l’Union européenne.')).toBeVisible();
  await expect(h2(page, 'Combien de temps sont-elles gardées ?')).toBeVisible();
  await expect(page.getByText(`Tes données sont gardées ${RETENTION}, puis effacées.`)).toBeVisible();
  await expect(h2(page, 'Le test décide-t-il à ta place ?')).toBeVisible();
  await expect(page.getByText('Le test ne décide rien. Au premier rendez-vous, la conseillère ou le conseiller te propose un parcours', { exact: false })).toBeVisible();
  await expect(h2(page, 'Tes droits')).toBeVisible();
  await expect(page.getByText('Même si tu as moins de 18 ans, tu peux faire ces demandes toi-même, sans passer par tes parents.')).toBeVisible();
  await expect(page.getByText(/te plaindre auprès de la CNIL/)).toBeVisible();
  await expect(page.getByRole('link', { name: 'www.cnil.fr' })).toHaveAttribute('href', 'https://www.cnil.fr/fr/plaintes');
  await expect(page.getByRole('link', { name: PHONE }).first()).toHaveAttribute('href', 'tel:+33261910000');
}

/** Checks the accessibility statement on screen, the app's or the static copy. */
async function expectAccessibilityStatement(page: Page) {
  await expect(h1(page)).toHaveText('Déclaration d’accessibilité');
  await expect(page.getByText(/^La Mission Locale s’engage à rendre ses services numériques accessibles/)).toBeVisible();
  await expect(page.getByRole('link', { name: 'Schéma pluriannuel de mise en accessibilité' }))
    .toHaveAttribute('href', 'https://www.mission-locale.example/accessibilite/schema-pluriannuel');
  await expect(page.getByRole('link', { name: 'Plan d’action de l’année' }))
    .toHaveAttribute('href', 'https://www.mission-locale.example/accessibilite/plan-action');
  await expect(h2(page, 'État de conformité')).toBeVisible();
  await expect(page.getByText(/est non conforme avec le RGAA .* version 4\.1\.2\s:\selle n’a pas encore été auditée/)).toBeVisible();
  await expect(h2(page, 'Résultats des tests')).toBeVisible();
  await expect(page.getByText(/Aucun audit de conformité n’a encore été réalisé/)).toBeVisible();
  await expect(h2(page, 'Contenus non accessibles')).toBeVisible();
  for (const part of ['Non-conformités', 'Dérogations pour charge disproportionnée', 'Contenus non soumis à l’obligation d’accessibilité']) {
    await expect(h3(page, part)).toBeVisible();
  }
  await expect(h2(page, 'Établissement de cette déclaration')).toBeVisible();
  for (const part of ['Technologies utilisées', 'Environnement de test', 'Outils pour évaluer l’accessibilité', 'Pages vérifiées']) {
    await expect(h3(page, part)).toBeVisible();
  }
  await expect(page.getByText(/NVDA et Firefox .* VoiceOver et Safari .* TalkBack et Chrome/)).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'la page des conseillères et conseillers' })).toBeVisible();
  await expect(h2(page, 'Retour d’information et contact')).toBeVisible();
  await expect(h2(page, 'Voies de recours')).toBeVisible();
  await expect(page.getByRole('link', { name: /écrire un message au Défenseur des droits/ })).toHaveAttribute('href', 'https://formulaire.defenseurdesdroits.fr/');
  await expect(page.getByRole('link', { name: /personne déléguée du Défenseur des droits/ })).toHaveAttribute('href', 'https://www.defenseurdesdroits.fr/saisir/delegues');
  await expect(page.getByText(/Libre réponse 71120, 75342 Paris CEDEX 07/)).toBeVisible();
  // Being only in French is not a non-conformity.
  await expect(page.getByText(/qu’en français/)).toHaveCount(0);
  await expect(page.getByText('HTML5, CSS, WAI-ARIA, JavaScript, WebAssembly.')).toBeVisible();
  // Other bodies' sites are outside the statement, not content of ours exempted.
  await expect(page.getByText(/^Elle ne couvre pas les sites d’autres organismes/)).toBeVisible();
}

/** Checks the legal notice on screen (LCEN art. 6-III), with the example config.json. */
async function expectLegalNotice(page: Page) {
  await expect(h1(page)).toHaveText('Mentions légales');
  await expect(h2(page, 'Qui publie ce site ?')).toBeVisible();
  await expect(page.getByText('Ce site est publié par Mission Locale Le Havre Estuaire Littoral.')).toBeVisible();
  await expect(page.getByText('Adresse : Adresse à renseigner, 76600 Le Havre')).toBeVisible();
  await expect(page.getByRole('paragraph').filter({ hasText: /^Téléphone/ }).getByRole('link', { name: PHONE })).toHaveAttribute('href', 'tel:+33261910000');
  await expect(h2(page, 'Directrice ou directeur de la publication')).toBeVisible();
  await expect(page.getByText(/^Nom à renseigner \(exemple\), présidente ou président/)).toBeVisible();
  await expect(h2(page, 'Qui héberge ce site ?')).toBeVisible();
  await expect(page.getByText(/^Le site est hébergé par Hébergeur à renseigner \(exemple\), Adresse de l’hébergeur à renseigner\. Téléphone/)).toBeVisible();
  // (The static copy keeps it, hidden, for a deployment without them.)
  await expect(page.getByText(/Pas encore indiqué/).filter({ visible: true })).toHaveCount(0);
  await expect(page.getByRole('main').getByRole('link', { name: 'Tes données personnelles' })).toHaveAttribute('href', '/confidentialite');
}

test('the privacy notice has every part article 13 of the GDPR asks for, and the form says the same retention', async ({ page }) => {
  await page.goto('/');
  await appReady(page);
  await page.getByRole('link', { name: 'Données personnelles' }).click();
  await expectPrivacyNotice(page);
  await audit(page, 'the privacy notice');

  await page.goto('/inscription');
  await fillEligibility(page, LE_HAVRE);
  await expect(page.getByText(`Elles sont gardées ${RETENTION}.`, { exact: false })).toBeVisible();
  await expect(page.getByText(/Tes informations sont envoyées à la Mission Locale, qui/)).toBeVisible();
});

test('the accessibility statement follows the RGAA model, every part of it', async ({ page }) => {
  await page.goto('/');
  await appReady(page);
  await page.getByRole('link', { name: 'Accessibilité : non conforme' }).click();
  await expectAccessibilityStatement(page);
  await audit(page, 'the accessibility statement');
});

test('the legal notice names publisher, director and host, linked from the footer', async ({ page }) => {
  await page.goto('/');
  await appReady(page);
  await page.locator('footer').getByRole('link', { name: 'Mentions légales' }).click();
  await expect(page).toHaveURL(/\/mentions-legales$/);
  await expectLegalNotice(page);
  await audit(page, 'the legal notice');
  // Every page's footer has it, the sign-up's too.
  await page.goto('/inscription');
  await expect(page.locator('footer').getByRole('link', { name: 'Mentions légales' })).toHaveAttribute('href', '/mentions-legales');
});

test.describe('with other values in config.json', () => {
  // The service worker would answer config.json in the route's place.
  test.use({ serviceWorkers: 'block' });

  test('the legal pages follow the deployment: no DPO, transfers, documents not published yet', async ({ page }) => {
    const config = {
      endpoint: { url: ENDPOINT_URL },
      mission_locale: { name: 'Mission Locale Le Havre Estuaire Littoral', short_name: 'la Mission Locale du Havre', phone: PHONE },
      territory: { description: "au Havre : centre-ville ; ou à Fécamp" },
      privacy: { contact_email: 'dpo@exemple.fr', transfers_outside_eu: "les sauvegardes de l'hébergeur sont au Canada" },
      // What the catalogue cannot promise for every mission locale is the deployment's to say.
      pathways: { collective: 'En petits groupes, le mardi après-midi : 3 mois.' },
    };
    await page.route('**/config.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(config) }));
    await page.goto('/');
    await appReady(page);
    // The deployer's text, typeset as the catalogue's: no breakable space before : or ;.
    const territory = (await page.getByRole('listitem').filter({ hasText: /^tu habites/ }).textContent()) ?? '';
    expect(territory).toBe('tu habites au Havre\u00a0: centre-ville\u202f; ou à Fécamp.');
    const collective = page.getByRole('listitem').filter({ hasText: 'S’entraîner en groupe' });
    expect(await collective.textContent()).toContain(' En petits groupes, le mardi après-midi\u00a0: 3 mois.');
    await page.getByRole('link', { name: 'Données personnelles' }).click();
    await expect(h1(page)).toHaveText('Tes données personnelles');
    await expect(page.getByText('délégué à la protection des données')).toHaveCount(0);
    await expect(page.getByText(/Pas toujours\. Une partie peut être envoyée en dehors de l’Union européenne\s:\sles sauvegardes de l’hébergeur sont au Canada/)).toBeVisible();
    await expect(page.getByText(/^La Mission Locale du Havre accompagne les jeunes/)).toBeVisible();
    await page.getByRole('link', { name: 'Accessibilité : non conforme' }).click();
    await expect(page.getByRole('listitem').filter({ hasText: 'pas encore publié' })).toHaveCount(2);
    await expect(page.getByRole('link', { name: 'Schéma pluriannuel de mise en accessibilité' })).toHaveCount(0);
    // No legal_notice yet: the page says whom to ask, never a blank; no i-milo unless said.
    await page.locator('footer').getByRole('link', { name: 'Mentions légales' }).click();
    await expect(h1(page)).toHaveText('Mentions légales');
    await expect(page.getByText('Pas encore indiqué sur cette page : demande-le à la Mission Locale du Havre au 02 61 91 00 00.')).toHaveCount(2);
    await expect(page.getByText('Ce site est publié par Mission Locale Le Havre Estuaire Littoral.')).toBeVisible();
    await page.locator('footer').getByRole('link', { name: 'Données personnelles' }).click();
    await expect(page.getByText(/i-milo/)).toHaveCount(0);
  });
});

/** The words of the page outside the poster (which speaks to young people), one per item. */
async function counsellorWords(page: Page): Promise<string[]> {
  const text = await page.evaluate(() => {
    const body = document.body.cloneNode(true) as HTMLElement;
    body.querySelectorAll('.poster, script, style, [hidden]').forEach((e) => e.remove());
    return body.textContent ?? '';
  });
  return text.toLowerCase().split(/[^\p{L}’'-]+/u).filter(Boolean);
}

/** Words that address the reader as "tu". */
function tutoiement(words: string[]): string[] {
  const tu = new Set(['tu', 'te', 'toi', 'ton', 'ta', 'tes', 'appelle', 'écris', 'choisis', 'vérifie', 'fais', 'scanne', 'inscris-toi', 'contacte']);
  return words.filter((w) => tu.has(w) || /^t['’]/.test(w) || w.endsWith('-toi'));
}

test('the counsellors’ page says "vous" everywhere, header and footer included; its poster says who and how long', async ({ page }) => {
  await page.goto('/conseillers/');
  await page.getByLabel('Votre nom ou votre code').fill('Claire M.');
  await page.getByRole('radio', { name: 'Affiche' }).check();
  await expect(page.getByLabel('Lien à partager')).not.toHaveValue('');
  const words = await counsellorWords(page);
  expect(words.length).toBeGreaterThan(150);
  expect(tutoiement(['appelle', 'la', 't’aide', 'choisis-la']), 'the check finds tutoiement').toEqual(['appelle', 't’aide']);
  expect(tutoiement(words)).toEqual([]);
  await expect(page.getByText('Une question ? Appelez la Mission Locale au')).toBeVisible();

  // The poster speaks to young people: who can sign up, and a realistic time.
  const poster = page.getByRole('region', { name: 'Affiche à imprimer' });
  await expect(poster.getByRole('heading', { name: 'Tu as entre 16 et 25 ans, tu as quitté l’école et tu as envie de créer ton activité ?' })).toBeVisible();
  await expect(poster.getByText('Si tu habites au Havre, à Fécamp ou dans une commune autour, le Lab’O de la Mission Locale t’accompagne gratuitement', { exact: false })).toBeVisible();
  await expect(poster.getByText('Fais le test et inscris-toi : compte 10 minutes environ.')).toBeVisible();
  await audit(page, 'the counsellors’ page');
});

test('the counsellors’ page says "vous" even when the configuration is broken', async ({ page }) => {
  await page.route('**/config.json', (route) => route.fulfill({ contentType: 'application/json', body: '{' }));
  await page.goto('/conseillers/');
  await expect(h1(page)).toHaveText('L’inscription en ligne ne marche pas pour le moment');
  await expect(page.getByText('Le site a un problème de réglage : ce n’est pas de votre faute.')).toBeVisible();
  expect(tutoiement(await counsellorWords(page))).toEqual([]);
});

test('in English, the start page says once what a Mission Locale is', async ({ page }) => {
  await page.goto('/');
  await appReady(page);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('p.lead')).toContainText('the Mission Locale (the local public service that helps 16 to 25 year olds');
  await expect(page.getByText('A question? Call the Mission Locale on')).toBeVisible();
});

test('French typography reaches the screen: no-break spaces and apostrophes', async ({ page }) => {
  await page.goto('/');
  await appReady(page);
  expect(await h1(page).textContent()).toBe('Tu as une idée, un projet, ou juste envie d’essayer d’entreprendre\u202f? Le Lab’O t’aide à te lancer.');
  expect(await page.locator('footer a[href="/accessibilite"]').textContent()).toBe('Accessibilité\u00a0: non conforme');
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the start page gives the phone, and its footer links lead to the legal pages', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByText(/active JavaScript dans ton navigateur, ou appelle la Mission Locale au/)).toBeVisible();
    await expect(page.locator('noscript').getByRole('link', { name: PHONE })).toHaveAttribute('href', 'tel:+33261910000');
    await expect(page.getByRole('link', { name: PHONE }).first()).toHaveAttribute('href', 'tel:+33261910000');
    await page.locator('footer').getByRole('link', { name: 'Données personnelles' }).click();
    await expect(page).toHaveURL(/\/confidentialite\/?$/);
    await expectPrivacyNotice(page);
    // Only the version the deployment calls for is shown.
    await expect(page.getByText(/Pas toujours/)).toBeHidden();
    await page.locator('footer').getByRole('link', { name: 'Accessibilité : non conforme' }).click();
    await expect(page).toHaveURL(/\/accessibilite\/?$/);
    await expectAccessibilityStatement(page);
    await expect(page.getByRole('listitem').filter({ hasText: 'pas encore publié' })).toHaveCount(0);
    await page.locator('footer').getByRole('link', { name: 'Mentions légales' }).click();
    await expect(page).toHaveURL(/\/mentions-legales\/?$/);
    await expectLegalNotice(page);
    await page.getByRole('link', { name: 'Retour à l’accueil' }).click();
    await expect(h1(page)).toContainText('Le Lab’O t’aide à te lancer');
  });
});

test('the static legal pages pass the audits', async ({ page }) => {
  for (const path of ['/confidentialite/', '/accessibilite/', '/mentions-legales/']) {
    await page.goto(path);
    await expect(h1(page)).toBeVisible();
    // The app's stylesheet (the built file, with integrity).
    expect(await page.locator('link[rel=stylesheet]').getAttribute('href')).toMatch(/^\/style-[0-9a-f]+\.css$/);
    await audit(page, `the static copy of ${path}`);
  }
});
