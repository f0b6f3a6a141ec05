/**
 * Firefox smoke suite (`npm run test:firefox`): the path a new user takes, once, in Firefox with
 * the built extension against the CloudMC sandbox. The Chromium suites (test/e2e) cover the
 * variations; this proves the same extension works in Firefox. The steps share one browser
 * and one vault, in order, as a user's first day does.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'puppeteer-core';
import { Secret, TOTP } from 'otpauth';
import { startSandbox, type Sandbox } from '../sandbox/server';
import { DEMO_PASSWORD } from '../sandbox/state';
import { LOOPBACK_MATCHES } from '../../lib/cloudmc/sites';
import { click, fill, waitForText, hostPermissions, launchFirefox, openExtensionPage, waitForUrl } from './firefox';

const PASSPHRASE = 'correct horse battery staple';
const USER = 'alice';
/** Test ids may sit inside our shadow roots: `>>>` reaches into open ones and the light DOM. */
const id = (testId: string) => `>>> [data-testid="${testId}"]`;

let browser: Browser;
let sandbox: Sandbox;
let page: Page;

interface UserState {
  failedChallenges: number;
  twoFactor: { enabled: boolean; secret: string | null; backupCodes: string[] };
}
async function userState(): Promise<UserState> {
  const res = await fetch(`${sandbox.origin}/__test/users/${USER}`);
  assert.ok(res.ok, `/__test/users/${USER}: ${res.status}`);
  return (await res.json()) as UserState;
}

async function submitPassword(): Promise<void> {
  await fill(page, '#username', USER);
  await fill(page, '#password', DEMO_PASSWORD);
  await click(page, '#login-form button[type=submit]');
}

async function logout(): Promise<void> {
  await click(page, '#user-menu .dropdown-toggle');
  await click(page, '#user-menu a[href="/logout"]');
  await waitForUrl(page, (u) => u.pathname === '/login');
}

const textOf = (p: Page, selector: string) => p.$eval(selector, (el) => (el as HTMLElement).innerText);

describe('Firefox: a first day with CloudMC Authenticator', { timeout: 240_000 }, () => {
  before(async () => {
    sandbox = await startSandbox({ port: 0, testMode: true });
    browser = await launchFirefox();
    page = await browser.newPage();
    page.setDefaultTimeout(30_000);
  });

  after(async () => {
    await browser?.close();
    await sandbox?.close();
  });

  it('holds the sandbox origins from install, with no prompt', async () => {
    const popup = await openExtensionPage(browser, 'popup.html');
    const origins = await hostPermissions(popup);
    for (const pattern of LOOPBACK_MATCHES) assert.ok(origins.includes(pattern), `${pattern} not granted: ${origins.join(', ')}`);
    await popup.close();
  });

  it('creates the vault in the popup', async () => {
    const popup = await openExtensionPage(browser, 'popup.html');
    await fill(popup, id('new-passphrase'), PASSPHRASE);
    await fill(popup, id('confirm-passphrase'), PASSPHRASE);
    await click(popup, id('create-vault'));
    await popup.waitForSelector(id('lock'), { visible: true });
    await popup.close();
  });

  it('enrolls with one click on the security page', async () => {
    await page.goto(`${sandbox.origin}/login`);
    await submitPassword();
    await waitForUrl(page, (u) => u.pathname === '/dashboard');
    await page.goto(`${sandbox.origin}/profile/security`);
    await click(page, '#tfa-enable');
    await fill(page, '#password-modal input[type=password]', DEMO_PASSWORD);
    await click(page, '#password-modal button[type=submit]');
    // Our page buttons refuse clicks until shown for 500 ms (lib/page-ui/click-guard.ts); the
    // host says when with data-armed, which is waited for instead of sleeping.
    await click(page, '[data-testid="cmc-enroll"][data-armed="true"]');
    await waitForText(page, '[data-testid="cmc-status"]', /backup codes saved/);
    await click(page, '#tfa-backup-codes .btn-primary');
    assert.equal((await userState()).twoFactor.enabled, true);
    await logout();
  });

  it('fills and submits the code at the login challenge', async () => {
    await page.goto(`${sandbox.origin}/login`);
    await submitPassword();
    // No keystroke on the challenge: the extension fills and submits it.
    await waitForUrl(page, (u) => u.pathname === '/dashboard');
    assert.equal((await userState()).failedChallenges, 0);
  });

  it('shows the portal’s backup codes in the popup', async () => {
    const { backupCodes } = (await userState()).twoFactor;
    const popup = await openExtensionPage(browser, 'popup.html');
    await click(popup, id('show-backup-codes'));
    await popup.waitForSelector(id('backup-code'), { visible: true });
    const shown = await popup.$$eval('[data-testid="backup-code"]', (items) =>
      items.map((item) => ((item as HTMLElement).innerText.match(/\d{8}/) ?? [''])[0]),
    );
    assert.deepEqual(shown, backupCodes);
    await popup.close();
  });

  it('locks, and unlocks to the current code', async () => {
    const popup = await openExtensionPage(browser, 'popup.html');
    await click(popup, id('lock'));
    await popup.waitForSelector(id('passphrase'), { visible: true });
    await fill(popup, id('passphrase'), PASSPHRASE);
    await click(popup, id('unlock'));
    await popup.waitForSelector(id('code'), { visible: true });
    const secret = (await userState()).twoFactor.secret ?? '';
    const totp = (t: number) => TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: t });
    const shown = (await textOf(popup, '[data-testid="code"]')).replace(/\s/g, '');
    const now = Date.now();
    assert.ok([totp(now), totp(now - 30_000)].includes(shown), `code ${shown} is not the current one`);
    await popup.close();
  });
});
