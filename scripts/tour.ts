/**
 * The scripted tour: what a new user does on the first day, in headless Chromium with the
 * extension against the sandbox. One screenshot per step; each step prints its outcome.
 * A step whose feature is not built yet says "not available yet" — it is never faked.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import type { Sandbox } from '../test/sandbox/server';
import { confirmPassword, login, logout, submitPassword } from '../test/sandbox/testkit/driver';
import { extensionIdOf, launchWithExtension } from './browser';

type Outcome = { kind: 'ok'; detail: string } | { kind: 'not-available'; detail: string };

interface TourState {
  context: BrowserContext;
  page: Page;
  popupUrl: string;
  sandbox: Sandbox;
  enrolled: boolean;
}

const PASSPHRASE = 'correct horse battery staple';
const USER = 'rwalker@cloudops.com';
const FEATURE_WAIT_MS = 5_000;

const ok = (detail: string): Outcome => ({ kind: 'ok', detail });
const notYet = (detail: string): Outcome => ({ kind: 'not-available', detail });

/** Waits for a test-contract element; false when the feature does not show up. */
async function appears(page: Page, testId: string, timeout = FEATURE_WAIT_MS): Promise<boolean> {
  return page
    .getByTestId(testId)
    .first()
    .waitFor({ state: 'visible', timeout })
    .then(
      () => true,
      () => false,
    );
}

const steps: Array<{ name: string; run: (s: TourState) => Promise<Outcome> }> = [
  {
    name: 'Open the CloudMC sandbox login page',
    async run({ page, sandbox }) {
      await page.goto(`${sandbox.origin}/login`);
      return ok(page.url());
    },
  },
  {
    name: 'Create the vault in the popup',
    async run({ page, popupUrl }) {
      await page.goto(popupUrl);
      if (!(await appears(page, 'new-passphrase'))) return notYet('the popup has no vault creation yet');
      await page.getByTestId('new-passphrase').fill(PASSPHRASE);
      await page.getByTestId('confirm-passphrase').fill(PASSPHRASE);
      await page.getByTestId('create-vault').click();
      await page.getByTestId('lock').waitFor();
      return ok('vault created and unlocked');
    },
  },
  {
    name: 'Log in and open My profile > Security > Enable 2FA',
    async run({ page, sandbox }) {
      await login(page, `${sandbox.origin}/login`, USER);
      await page.goto(`${sandbox.origin}/profile/security`);
      await page.locator('#tfa-enable').click();
      await confirmPassword(page);
      await page.locator('#tfa-setup-form .secret-key').waitFor();
      return ok('the enrollment step shows its QR code');
    },
  },
  {
    name: 'Enroll with one click',
    async run(state) {
      const { page } = state;
      if (!(await appears(page, 'cmc-enroll'))) return notYet('no "Add to CloudMC Authenticator" button yet');
      // Our buttons take clicks once shown for 500 ms (click-guard.ts); the host says when.
      await page.locator('[data-testid="cmc-enroll"][data-armed="true"]').click();
      await page.locator('#tfa-backup-codes .backup-codes li').first().waitFor();
      await page.getByTestId('cmc-status').waitFor();
      state.enrolled = true;
      return ok((await page.getByTestId('cmc-status').textContent())?.trim() ?? 'enrolled');
    },
  },
  {
    name: 'Log out, log in: the code is filled by itself',
    async run({ page, enrolled }) {
      if (!enrolled) return notYet('needs one-click enrollment');
      await logout(page);
      await submitPassword(page, USER);
      const filled = await page.waitForURL('**/dashboard', { timeout: FEATURE_WAIT_MS * 2 }).then(
        () => true,
        () => false,
      );
      return filled ? ok('logged in without typing the code') : notYet('the challenge is not filled yet');
    },
  },
  {
    name: 'Show the backup codes in the popup',
    async run({ page, popupUrl }) {
      await page.goto(popupUrl);
      if (!(await appears(page, 'show-backup-codes', 2_000))) return notYet('no account with backup codes yet');
      await page.getByTestId('show-backup-codes').first().click();
      // The list arrives from the background after the click.
      if (!(await appears(page, 'backup-code'))) return notYet('the account has no backup codes yet');
      return ok(`${await page.getByTestId('backup-code').count()} backup codes`);
    },
  },
];

/** Runs the tour; false when a step failed outright (an error, not a missing feature). */
export async function runTour(sandbox: Sandbox, profileDir: string, outDir: string): Promise<boolean> {
  await mkdir(outDir, { recursive: true });
  // 1280x800: the size both stores take, so `npm run store:screenshots` is this tour.
  const context = await launchWithExtension(profileDir, { headless: true, viewport: { width: 1280, height: 800 } });
  const popupUrl = `chrome-extension://${await extensionIdOf(context)}/popup.html`;
  const page = context.pages()[0] ?? (await context.newPage());
  const state: TourState = { context, page, popupUrl, sandbox, enrolled: false };
  let allRan = true;
  try {
    for (const [i, step] of steps.entries()) {
      const shot = path.join(outDir, `${String(i + 1).padStart(2, '0')}-${slug(step.name)}.png`);
      let line: string;
      try {
        const outcome = await step.run(state);
        line = outcome.kind === 'ok' ? `ok      ${outcome.detail}` : `not available yet: ${outcome.detail}`;
      } catch (err) {
        allRan = false;
        line = `FAILED  ${(err as Error).message.split('\n')[0]}`;
      }
      await page.screenshot({ path: shot }).catch(() => undefined);
      console.log(`${i + 1}. ${step.name}\n   ${line}\n   ${path.relative(process.cwd(), shot)}`);
    }
  } finally {
    await context.close();
  }
  return allRan;
}

function slug(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}
