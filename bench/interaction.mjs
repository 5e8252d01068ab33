// Measures how long moving to the next question takes to re-render, on a 4× slowed CPU
// (Lighthouse's mobile setting), in Debian's Chromium. Used by `cargo xtask bench`.
//   node bench/interaction.mjs <app url>
import { chromium } from '@playwright/test';

const base = process.argv[2];
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
});
const context = await browser.newContext({ viewport: { width: 412, height: 839 }, isMobile: true, hasTouch: true, locale: 'fr-FR' });
const page = await context.newPage();
const cdp = await context.newCDPSession(page);
await page.goto(`${base}/test/1`);
// /test/1 is painted at build time: measure the app, once it has taken the page over.
await page.waitForFunction(() => !document.getElementById('static-page'));
await page.getByRole('radio').first().waitFor();
await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
const render = [];
const frame = [];
for (let n = 1; n < 16; n++) {
  await page.getByRole('radio').first().check();
  const [dom, painted] = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const before = document.querySelector('h1')?.textContent;
        const button = document.querySelector('form.question button[type=submit]');
        const start = performance.now();
        const observer = new MutationObserver(() => {
          const heading = document.querySelector('h1');
          if (heading && heading.textContent !== before) {
            observer.disconnect();
            const dom = performance.now() - start;
            requestAnimationFrame(() => resolve([dom, performance.now() - start]));
          }
        });
        observer.observe(document.body, { subtree: true, childList: true, characterData: true });
        button.click();
      }),
  );
  render.push(dom);
  frame.push(painted);
}
await browser.close();
const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
console.log(JSON.stringify({ samples: render.length, render_median_ms: median(render), render_max_ms: Math.max(...render), next_frame_median_ms: median(frame) }));
