// Accessibility checks used on every screen and state: axe-core (WCAG 2.1 A and AA) in light
// and dark themes, reflow at 320 px, text at 200 %, and tap targets of at least 44 px.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

async function axe(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  expect(results.passes.length, `axe ran its rules on ${label}`).toBeGreaterThan(10);
  const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary, `axe violations on ${label}`).toEqual([]);
}

async function noHorizontalScroll(page: Page, label: string) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `horizontal scrolling on ${label}`).toBeLessThanOrEqual(0);
}

/** Every visible control a finger has to hit is at least 44 × 44 CSS pixels. */
async function tapTargets(page: Page, label: string) {
  const small = await page.evaluate(() => {
    const selector = 'button, input:not([type=hidden]):not([type=radio]):not([type=checkbox]), select, textarea, a.button, .choice label, summary';
    return Array.from(document.querySelectorAll<HTMLElement>(selector))
      .filter((el) => el.offsetParent !== null && !el.closest('[hidden]'))
      .map((el) => ({ el, box: el.getBoundingClientRect() }))
      .filter(({ box }) => box.height < 44 || box.width < 44)
      .map(({ el, box }) => `${el.tagName.toLowerCase()}#${el.id || ''}.${el.className} ${Math.round(box.width)}×${Math.round(box.height)}`);
  });
  expect(small, `tap targets under 44 px on ${label}`).toEqual([]);
}

/** All the checks, on the page as it is now; leaves it as it found it. */
export async function audit(page: Page, label: string) {
  await axe(page, `${label} (light)`);
  await tapTargets(page, label);
  await page.emulateMedia({ colorScheme: 'dark' });
  await axe(page, `${label} (dark)`);
  await page.emulateMedia({ colorScheme: 'light' });
  const viewport = page.viewportSize()!;
  await page.setViewportSize({ width: 320, height: 640 });
  await noHorizontalScroll(page, `${label} at 320 px`);
  await page.setViewportSize(viewport);
  await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
  await noHorizontalScroll(page, `${label} with text at 200 %`);
  await page.evaluate(() => (document.documentElement.style.fontSize = ''));
}
