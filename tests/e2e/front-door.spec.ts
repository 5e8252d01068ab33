// What a mission locale puts on its front door from config.json (issue 20): where the Lab'O
// happens, the facts it confirms, testimonials and a photo; the call-back date. Nothing of it
// is shown unless config.json says so.
import { test, expect, type Page, type APIRequestContext } from '@playwright/test';
import { reset, submissions } from './stand-in';
import { fillDetails, fillEligibility, frenchLongDate, LE_HAVRE, LEA, SENT } from './journey';

// config.json is replaced per page; the service worker would answer in its place.
test.use({ serviceWorkers: 'block' });

test.beforeEach(async ({ request }) => {
  await reset(request);
});

const FRONT_DOOR = {
  places: [
    { name: 'Le Havre (exemple)', address: '1 rue de l’Exemple, 76600 Le Havre', access: 'Tram A, arrêt Exemple' },
    { address: '2 place de l’Exemple, 76400 Fécamp' },
  ],
  facts: { free: true, rqth: true, cej: false },
  testimonials: [{ quote: 'J’ai testé mon idée avant de me lancer.', name: 'Inès, 19 ans (exemple)' }],
  photo: { src: '/favicon.svg', alt: 'Des jeunes au Lab’O (exemple)', width: 320, height: 180 },
};

async function withConfig(page: Page, request: APIRequestContext, extra: Record<string, unknown>) {
  const config = await (await request.get('/config.json')).json();
  await page.route('**/config.json', (route) =>
    route.fulfill({ contentType: 'application/json', body: JSON.stringify({ ...config, ...extra }) }),
  );
}

test('the start page says where, what to know and who came, from config.json', async ({ page, request }) => {
  await withConfig(page, request, FRONT_DOOR);
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 2, name: 'Où ça se passe ?' })).toBeVisible();
  await expect(page.getByText('1 rue de l’Exemple, 76600 Le Havre')).toBeVisible();
  await expect(page.getByText('Tram A, arrêt Exemple')).toBeVisible();
  await expect(page.getByText('2 place de l’Exemple, 76400 Fécamp')).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Bon à savoir' })).toBeVisible();
  await expect(page.getByText('C’est gratuit. Ce n’est pas un emploi')).toBeVisible();
  await expect(page.getByText(/jusqu’à 30 ans\s*: appelle la Mission Locale/)).toBeVisible();
  await expect(page.getByText('contrat d’engagement jeune')).toHaveCount(0);
  await expect(page.getByText('J’ai testé mon idée avant de me lancer.')).toBeVisible();
  await expect(page.getByRole('img', { name: 'Des jeunes au Lab’O (exemple)' })).toBeVisible();
  await expect(page.getByText(/On te contacte dans les 5\s+jours qui suivent ton inscription/)).toBeVisible();

  // Nothing of it without config.json's say.
  await page.unrouteAll();
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Le Lab’O t’aide à te lancer');
  await expect(page.getByRole('heading', { name: 'Où ça se passe ?' })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Bon à savoir' })).toHaveCount(0);
});

test('on an English page the French places are marked as French', async ({ page, request }) => {
  await withConfig(page, request, FRONT_DOOR);
  await page.goto('/');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Where does it happen?' })).toBeVisible();
  await expect(page.locator('li[lang="fr"]', { hasText: '2 place de l’Exemple' })).toHaveCount(1);
});

test('the confirmation says by which date the call comes, and where', async ({ page, request }) => {
  await withConfig(page, request, FRONT_DOOR);
  await page.goto('/inscription');
  await fillEligibility(page, LE_HAVRE);
  await fillDetails(page, LEA);
  await page.getByRole('button', { name: 'Envoyer mon inscription' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(SENT);
  const [stored] = await submissions(request);
  const date = frenchLongDate(stored.body.contact.call_back_before);
  await expect(page.getByText(`avant le ${date}, pour fixer un premier rendez-vous`)).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Où ça se passe ?' })).toBeVisible();
  await expect(page.getByText('1 rue de l’Exemple, 76600 Le Havre')).toBeVisible();
  // Not answered: the summary says so on its second line.
  expect(stored.body.applicant.followed).toBeNull();
  expect(stored.body.summary.split('\n')[1]).toBe('Déjà suivi par la Mission Locale\u00a0: non renseigné.');
});
