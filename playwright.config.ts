import { defineConfig } from '@playwright/test';

/**
 * e2e tests drive a Chromium that scripts/browsers/find.ts found or installed (never branded
 * Chrome 137+), with the sandbox build, against the CloudMC sandbox, which each worker starts
 * itself (test/e2e/fixtures.ts), so there is no webServer here. The global setup fills
 * CHROMIUM_PATH before the workers (and their copy of this config) start.
 */
export default defineConfig({
  testDir: 'test/e2e',
  globalSetup: './test/e2e/global-setup.ts',
  workers: 2,
  fullyParallel: false,
  retries: 0,
  reporter: 'list',
  timeout: 30_000,
  expect: { timeout: 5_000 },
  use: {
    headless: true,
    launchOptions: { executablePath: process.env.CHROMIUM_PATH },
  },
});
