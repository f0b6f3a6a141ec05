import { defineConfig } from '@playwright/test';

/**
 * e2e tests drive Debian's Chromium (never a downloaded browser) against the CloudMC sandbox,
 * which each worker starts itself (test/e2e/fixtures.ts), so there is no webServer here.
 */
export default defineConfig({
  testDir: 'test/e2e',
  workers: 2,
  fullyParallel: false,
  retries: 0,
  reporter: 'list',
  timeout: 30_000,
  expect: { timeout: 5_000 },
  use: {
    headless: true,
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium' },
  },
});
