// End-to-end tests: the release build served statically, the endpoint stand-in on loopback,
// Debian's Chromium on a phone viewport. Started by `cargo xtask test`, which sets BASE_URL and
// STAND_IN_URL; never downloads a browser.
import { defineConfig, devices } from '@playwright/test';

if (!process.env.BASE_URL || !process.env.STAND_IN_URL) {
  throw new Error('Run the end-to-end tests with `cargo xtask test` (BASE_URL and STAND_IN_URL are not set).');
}

export default defineConfig({
  testDir: '.',
  outputDir: '../../target/e2e/results',
  // One stand-in is shared: tests reset it and must not run at the same time.
  workers: 1,
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    ...devices['Pixel 7'],
    baseURL: process.env.BASE_URL,
    locale: 'fr-FR',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless=new',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
      ],
    },
  },
});
