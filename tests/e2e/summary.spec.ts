// Every sign-up carries a plain-French summary for the counsellor (issue 16), whatever the
// endpoint's format: the contract's JSON, a mapped form whose free-text field gets it, a
// multipart form. Only what the young person consented to share goes in.
import { test, expect, type Page, type APIRequestContext } from '@playwright/test';
import { reset, submissions } from './stand-in';
import { fillDetails, fillEligibility, LE_HAVRE, LEA, takeTest } from './journey';

// config.json is replaced per page; the service worker would answer in its place.
test.use({ serviceWorkers: 'block' });

test.beforeEach(async ({ request }) => {
  await reset(request);
});

type Adapter = { name: string; endpoint: Record<string, unknown>; summaryField: string };

const ADAPTERS: Adapter[] = [
  { name: 'the JSON contract', endpoint: { format: 'json' }, summaryField: 'summary' },
  {
    name: 'a 1jeune1solution-style form whose comment field gets the summary',
    endpoint: {
      format: 'form',
      fields: { 'prénom': 'applicant.first_name', nom: 'applicant.last_name', 'téléphone': 'applicant.phone', commentaire: 'summary' },
    },
    summaryField: 'commentaire',
  },
  { name: 'a multipart form', endpoint: { format: 'multipart' }, summaryField: 'summary' },
];

async function useEndpoint(page: Page, request: APIRequestContext, endpoint: Record<string, unknown>) {
  const config = await (await request.get('/config.json')).json();
  config.endpoint = { ...config.endpoint, ...endpoint };
  await page.route('**/config.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(config) }));
}

async function signUpAfterTheTest(page: Page, consent: boolean) {
  await page.goto('/test/1');
  await takeTest(page, 2, 1, ['Les transports pour venir aux rendez-vous', 'L’argent']);
  await page.getByRole('button', { name: 'M’inscrire avec ce parcours' }).click();
  await fillEligibility(page, LE_HAVRE);
  await fillDetails(page, { ...LEA, consent });
  await page.getByRole('button', { name: 'Envoyer mon inscription' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Inscription envoyée' })).toBeVisible({ timeout: 15_000 });
}

for (const adapter of ADAPTERS) {
  test(`${adapter.name} delivers the summary: the suggestion, the idea, the profile in words`, async ({ page, request }) => {
    await useEndpoint(page, request, adapter.endpoint);
    await signUpAfterTheTest(page, true);
    const [stored] = await submissions(request);
    const summary: string = stored.body[adapter.summaryField];
    expect(summary, JSON.stringify(stored.body)).toBeTruthy();
    expect(summary).toContain('Suggestion du test');
    expect(summary).toContain('Avancer en individuel');
    expect(summary).toContain(LEA.idea!);
    expect(summary).toMatch(/Déjà là/);
    expect(summary).toMatch(/transports/);
    expect(summary).not.toMatch(/\d+\s*(\/|sur)\s*100/);
    expect([...summary].length).toBeLessThanOrEqual(1500);
  });
}

test('without consent, the summary says so and carries nothing of the test', async ({ page, request }) => {
  await useEndpoint(page, request, { format: 'json' });
  await signUpAfterTheTest(page, false);
  const [stored] = await submissions(request);
  const summary: string = stored.body.summary;
  expect(summary).toMatch(/Résultat du test\s*: non transmis/);
  for (const privateWord of ['Suggestion', 'Profil', 'Déjà là', 'En route', 'transports', 'argent', 'Temps disponible']) {
    expect(summary).not.toContain(privateWord);
  }
  // What the young person chose on the form is theirs to send (the result page preselected it).
  expect(summary).toMatch(/Parcours souhaité\s*: Avancer en individuel/);
  expect(summary).toContain(LEA.idea!);
});

test('the stand-in shows a deployer what the counsellor will read', async ({ page, request }) => {
  await useEndpoint(page, request, { format: 'json' });
  await signUpAfterTheTest(page, true);
  const [stored] = await submissions(request);
  await page.goto(`${process.env.STAND_IN_URL}/__stand-in/submissions`);
  await expect(page.getByRole('heading', { level: 1, name: 'Inscriptions reçues par le stand-in' })).toBeVisible();
  await expect(page.locator('pre.summary')).toHaveText(stored.body.summary);
});
