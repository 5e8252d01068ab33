// The app has taken over index.html's static start page (which has the same texts, the
// mission locale's phone and the legal links too, so they cannot tell the app is there).
import { expect, type Page } from '@playwright/test';

export async function appReady(page: Page) {
  await expect(page.locator('#static-page')).toHaveCount(0);
}
