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
  // Ceilings, not waits: a flow creates a vault (600k-iteration PBKDF2), logs in, enrolls and
  // waits for our buttons to arm (500 ms on screen, issue 10) on 2 cores shared by 2 workers;
  // the QR decoder may try several views of a themed image before it answers.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    headless: true,
    launchOptions: { executablePath: process.env.CHROMIUM_PATH },
  },
});
