// Steps of the young person's journey, written the way a person does them: through visible
// labels, roles and button names.
import { expect, type Page } from '@playwright/test';

export const QUESTION_COUNT = 16;

/** The constraints question's answers (the last question, several answers possible). */
export const EVERY_CONSTRAINT = [
  'Mes horaires de travail ou de formation',
  'La garde d’un enfant ou d’un proche',
  'Les transports pour venir aux rendez-vous',
  'Le logement',
  'L’argent',
  'Autre chose, que je préfère dire à la conseillère ou au conseiller',
];

/**
 * Answers question `n` (1-based) on screen with its `pick`-th answer (the last one if it has
 * fewer), or the answer with that label, and continues. The several-answers question gets
 * "Rien de tout ça", or the `constraints` given.
 */
export async function answerQuestion(page: Page, n: number, pick: number | string, constraints: string[] = []) {
  await expect(page.getByText(`Question ${n} sur ${QUESTION_COUNT}`, { exact: true })).toBeVisible();
  const checkboxes = page.getByRole('checkbox');
  if ((await checkboxes.count()) > 0) {
    if (constraints.length === 0) await page.getByRole('checkbox', { name: 'Rien de tout ça' }).check();
    for (const name of constraints) await page.getByRole('checkbox', { name, exact: true }).check();
  } else if (typeof pick === 'string') {
    await page.getByRole('radio', { name: pick, exact: true }).check();
  } else {
    const radios = page.getByRole('radio');
    await radios.nth(Math.min(pick, (await radios.count()) - 1)).check();
  }
  const next = n < QUESTION_COUNT ? 'Continuer' : 'Voir mon résultat';
  await page.getByRole('button', { name: next }).click();
}

/** Takes the whole test from question `from`, always picking the `pick`-th answer. */
export async function takeTest(page: Page, pick: number, from = 1, constraints: string[] = []) {
  for (let n = from; n <= QUESTION_COUNT; n++) {
    await answerQuestion(page, n, pick, constraints);
  }
  await expect(page.getByRole('heading', { level: 1, name: 'Ton résultat' })).toBeVisible();
}

export type Eligibility = { day: string; month: string; year: string; atSchool?: boolean; commune?: string; choice?: string };

/** The birth year that makes someone born on 1 January exactly `age` years old today. */
export function birthYearForAge(age: number): string {
  return String(new Date().getFullYear() - age);
}

export async function fillEligibility(page: Page, e: Eligibility) {
  await expect(page.getByRole('heading', { level: 1, name: 'Vérifions que le Lab’O est fait pour toi' })).toBeVisible();
  await page.getByLabel('Jour').fill(e.day);
  await page.getByLabel('Mois').fill(e.month);
  await page.getByLabel('Année').fill(e.year);
  await page.getByRole('radio', { name: e.atSchool ? 'Oui, je suis encore élève' : 'Non, j’ai arrêté ou terminé' }).check();
  if (e.commune !== undefined) {
    await page.getByLabel('Dans quelle commune habites-tu ?').fill(e.commune);
  }
  if (e.choice) {
    await page.getByRole('radio', { name: e.choice }).check();
  }
  await page.getByRole('button', { name: 'Continuer' }).click();
}

export type Details = {
  firstName: string;
  lastName: string;
  phone: string;
  email?: string;
  situation: string;
  channel: string;
  time: string;
  idea?: string;
  pathway?: string;
  consent?: boolean;
  /** "As-tu déjà une conseillère ou un conseiller à la Mission Locale ?" (optional) and the name. */
  followed?: 'Oui' | 'Non' | 'Je ne sais pas';
  followedBy?: string;
};

export async function fillDetails(page: Page, d: Details) {
  await expect(page.getByRole('heading', { level: 1, name: 'Tes coordonnées' })).toBeVisible();
  await page.getByLabel('Prénom').fill(d.firstName);
  await page.getByLabel('Nom', { exact: true }).fill(d.lastName);
  await page.getByLabel('Numéro de téléphone').fill(d.phone);
  if (d.email) await page.getByLabel('Adresse e-mail').fill(d.email);
  await page.getByRole('radio', { name: d.situation }).check();
  await page.getByRole('radio', { name: d.channel }).check();
  await page.getByRole('radio', { name: d.time }).check();
  if (d.followed) {
    const followed = page.getByRole('group', { name: /As-tu déjà une conseillère ou un conseiller/ });
    await followed.getByRole('radio', { name: d.followed, exact: true }).check();
  }
  if (d.followedBy) await page.getByLabel(/Son nom, si tu le connais/).fill(d.followedBy);
  if (d.idea) await page.getByLabel('Ton idée ou ton projet').fill(d.idea);
  if (d.pathway) await page.getByRole('radio', { name: d.pathway }).check();
  if (d.consent) await page.getByRole('checkbox', { name: /J’accepte que mes réponses au test/ }).check();
  await page.getByRole('button', { name: 'Continuer' }).click();
}

export const LEA: Details = {
  firstName: 'Léa',
  lastName: 'Martin',
  phone: '06 12 34 56 78',
  email: 'lea.martin@exemple.fr',
  situation: 'Je cherche un emploi',
  channel: 'Par SMS',
  time: 'L’après-midi',
  idea: 'Un food truck de crêpes bio',
};

export const LE_HAVRE: Eligibility = { day: '1', month: '1', year: birthYearForAge(19), commune: 'le havre', choice: 'Le Havre (76610)' };

/** From the sign-up's first page to the check page, then "Envoyer". */
export async function signUpDirectly(page: Page, details: Details = LEA) {
  await fillUpToCheck(page, details);
  await page.getByRole('button', { name: 'Envoyer mon inscription' }).click();
}

/** From the sign-up's first page to the check page, without sending. */
export async function fillUpToCheck(page: Page, details: Details = LEA) {
  await page.goto('/inscription');
  await fillEligibility(page, LE_HAVRE);
  await fillDetails(page, details);
  await expect(page.getByRole('heading', { level: 1, name: 'Vérifie tes réponses' })).toBeVisible();
}

/** `2026-12-04` as the app writes it in French: `vendredi 4 décembre` (no-break space before the
 * month, which Playwright's text matching treats as a space). */
export function frenchLongDate(iso: string): string {
  const date = new Date(`${iso}T12:00:00Z`);
  const day = date.getUTCDate();
  const weekday = ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'][date.getUTCDay()];
  const month = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'][date.getUTCMonth()];
  return `${weekday} ${day === 1 ? '1er' : day} ${month}`;
}

export const SENT = 'Inscription envoyée';
export const PENDING = 'Inscription enregistrée sur ton téléphone';

/** On the confirmation page without a sign-up of this tab's own: the young person types their
 * reference to see their sign-up (a shared phone shows it to nobody else). */
export async function showMine(page: Page, reference: string) {
  await page.getByLabel('Ta référence').fill(reference);
  await page.getByRole('button', { name: 'Voir mon inscription' }).click();
}
