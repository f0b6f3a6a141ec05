/**
 * Autofill at the login challenge: after a one-click enrollment, logging in needs no
 * keystroke on the challenge. Also the backup-code path, the locked path, two accounts on
 * one portal, and a portal whose clock is 90 s ahead.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { expect, getUserState, resetSandbox, setSandboxConfig, test } from './fixtures';
import { confirmPassword, submitPassword, type Ui } from '../sandbox/testkit/driver';
import { createVault, lockVault, openPopup, popupBackupCodes, unlockIn } from './support/extension';
import { enrollWithOneClick } from './support/cloudmc';
import { pressOurButton } from './support/our-button';

for (const ui of ['current', '2015'] as Ui[]) {
  for (const lang of ['en', 'fr'] as const) {
    test(`the code is filled and submitted: ${ui} UI, ${lang}`, async ({ context, page, sandbox, extensionId }) => {
      await resetSandbox(sandbox, { ui, lang });
      await createVault(context, extensionId);
      await enrollWithOneClick(page, sandbox, 'alice', ui);

      await page.goto(`${sandbox.origin}/login`);
      await submitPassword(page, 'alice');
      // No keystroke on the challenge: the extension fills and submits it.
      await page.waitForURL('**/dashboard');
      expect((await getUserState(sandbox, 'alice')).failedChallenges).toBe(0);
    });
  }
}

/** Autofill off, so that the TOTP path does not answer the challenge before we switch to backup codes. */
async function autofillOff(context: BrowserContext, extensionId: string): Promise<void> {
  const options = await openPopup(context, extensionId);
  await options.goto(options.url().replace('popup.html', 'options.html'));
  await options.getByTestId('autofill').uncheck();
  await options.close();
}

/** Clicks our "Fill a backup code" on the page; the extension's confirmation window opens. */
async function askForBackupCode(context: BrowserContext, page: Page): Promise<Page> {
  const opened = context.waitForEvent('page', (p) => p.url().includes('popup.html?backup='));
  await pressOurButton(page.getByTestId('cmc-fill-backup'));
  const confirm = await opened;
  await expect(confirm.getByTestId('backup-confirm-text')).toBeVisible();
  return confirm;
}

test('a backup code is offered on a click, confirmed in the extension window, filled, and marked used once the login went through', async ({
  context,
  page,
  sandbox,
  extensionId,
}) => {
  // Enrollment, the options page, a login and two extension windows: near 30 s on a busy machine.
  test.slow();
  await createVault(context, extensionId);
  await enrollWithOneClick(page, sandbox, 'alice');
  const { backupCodes } = (await getUserState(sandbox, 'alice')).twoFactor;
  await autofillOff(context, extensionId);

  await page.goto(`${sandbox.origin}/login`);
  await submitPassword(page, 'alice');
  await page.locator('#mfa-use-backup').click();
  const confirm = await askForBackupCode(context, page);
  // The window names the account and the portal; the page has no code until Fill.
  await expect(confirm.getByTestId('backup-confirm-text')).toContainText('alice');
  await expect(confirm.getByTestId('backup-confirm-text')).toContainText(new URL(sandbox.origin).host);
  await expect(page.locator('#mfa-backup-code')).toHaveValue('');
  const closed = confirm.waitForEvent('close');
  await confirm.getByTestId('backup-confirm-fill').click();
  await closed;
  await expect(page.locator('#mfa-backup-code')).toHaveValue(backupCodes[0]!);
  await page.locator('#mfa-form button[type=submit]').click();
  await page.waitForURL('**/dashboard');
  expect((await getUserState(sandbox, 'alice')).twoFactor.usedBackupCodes).toEqual([backupCodes[0]]);

  const popup = await openPopup(context, extensionId);
  await expect
    .poll(async () => (await popupBackupCodes(popup, popup.getByTestId('account'))).filter((c) => c.used).map((c) => c.code))
    .toEqual([backupCodes[0]]);
});

test('a backup code cancelled in the extension window is not filled', async ({ context, page, sandbox, extensionId }) => {
  test.slow();
  await createVault(context, extensionId);
  await enrollWithOneClick(page, sandbox, 'alice');
  await autofillOff(context, extensionId);

  await page.goto(`${sandbox.origin}/login`);
  await submitPassword(page, 'alice');
  await page.locator('#mfa-use-backup').click();
  const confirm = await askForBackupCode(context, page);
  const closed = confirm.waitForEvent('close');
  await confirm.getByTestId('backup-confirm-cancel').click();
  await closed;
  // Give a stray message time to arrive: none does.
  await page.waitForTimeout(500);
  await expect(page.locator('#mfa-backup-code')).toHaveValue('');

  const popup = await openPopup(context, extensionId);
  await expect
    .poll(async () => (await popupBackupCodes(popup, popup.getByTestId('account'))).filter((c) => c.used).length)
    .toBe(0);
});

test('locked vault: "Unlock to fill your code" opens the unlock window, then the code is filled', async ({ context, page, sandbox, extensionId }) => {
  await createVault(context, extensionId);
  await enrollWithOneClick(page, sandbox, 'alice');
  await lockVault(context, extensionId);

  await page.goto(`${sandbox.origin}/login`);
  await submitPassword(page, 'alice');
  const unlockWindow = context.waitForEvent('page', (p) => p.url().includes('popup.html?unlock'));
  await pressOurButton(page.getByTestId('cmc-unlock'));
  await unlockIn(await unlockWindow);
  await page.waitForURL('**/dashboard');
});

test('two accounts on one portal: the user typed at the first step picks the code', async ({ context, page, sandbox, extensionId }) => {
  await createVault(context, extensionId);
  await enrollWithOneClick(page, sandbox, 'alice');
  await enrollWithOneClick(page, sandbox, 'bob');

  await page.goto(`${sandbox.origin}/login`);
  await submitPassword(page, 'bob');
  await page.waitForURL('**/dashboard');
  await expect(page.locator('#user-menu')).toContainText('Bob');
  expect((await getUserState(sandbox, 'bob')).failedChallenges).toBe(0);
});

test('a portal whose clock is 90 s ahead still logs in (offset from its Date header)', async ({ context, page, sandbox, extensionId }) => {
  await createVault(context, extensionId);
  await setSandboxConfig(sandbox, { clockOffsetSeconds: 90 });
  await enrollWithOneClick(page, sandbox, 'alice');

  await page.goto(`${sandbox.origin}/login`);
  await submitPassword(page, 'alice');
  await page.waitForURL('**/dashboard');
});

test('login on one host, app on another: the code is given on the host the issuer names', async ({ context, page, sandbox, extensionId }) => {
  // CloudMC's custom UI redirect: login on 127.0.0.1, the app (and My profile) on localhost.
  await resetSandbox(sandbox, { splitHosts: true });
  await createVault(context, extensionId);
  await page.goto(`${sandbox.altOrigin}/login`);
  await submitPassword(page, 'alice');
  await page.waitForURL(`${sandbox.origin}/**`);
  await page.goto(`${sandbox.origin}/profile/security`);
  await page.locator('#tfa-enable').click();
  await confirmPassword(page);
  await pressOurButton(page.getByTestId('cmc-enroll'));
  await expect(page.getByTestId('cmc-status')).toContainText(/backup codes saved/i);

  // Enrolled on localhost; the issuer names 127.0.0.1, where the challenge is: another site,
  // so the user allows it in the popup first (issue 10, item 9).
  const popup = await openPopup(context, extensionId);
  await popup.getByTestId('allow-issuer-site').click();
  await expect(popup.getByTestId('allow-issuer-site')).toHaveCount(0);
  await popup.close();
  await page.context().clearCookies();
  await page.goto(`${sandbox.altOrigin}/login`);
  await submitPassword(page, 'alice');
  await page.waitForURL(`${sandbox.origin}/**/dashboard`);
  expect((await getUserState(sandbox, 'alice')).failedChallenges).toBe(0);
});
