// The app has taken over index.html's static start page (which has the same texts, the
// mission locale's phone and the legal links too, so they cannot tell the app is there).
import { expect, type Page } from '@playwright/test';

export async function appReady(page: Page) {
  await expect(page.locator('#static-page')).toHaveCount(0);
}

/** Holds the app's wasm (as on a slow phone) until the returned function is called. */
export async function holdTheApp(page: Page): Promise<() => void> {
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/_bg\.wasm$/, async (route) => {
    await held;
    await route.continue().catch(() => {});
  });
  return release;
}

/** Starts adding up the layout shifts not caused by the person (read with `shifts`). */
export async function watchShifts(page: Page) {
  await page.evaluate(() => {
    (window as unknown as { shifts: number }).shifts = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) {
        if (!entry.hadRecentInput) (window as unknown as { shifts: number }).shifts += entry.value;
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

export const shifts = (page: Page) => page.evaluate(() => (window as unknown as { shifts: number }).shifts);

/** Every sign-up stored on the device (one key each, `labo.outbox.<key>`, or earlier versions'
 * single `labo.outbox`), as one text; null when there is none. */
export async function outboxText(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const texts = Object.keys(localStorage)
      .filter((key) => key === 'labo.outbox' || key.startsWith('labo.outbox.'))
      .map((key) => localStorage.getItem(key));
    return texts.length ? texts.join('\n') : null;
  });
}
