/**
 * Language-independent moves on the sandbox pages (by ids and structure, never by label), for
 * tests whose subject is something else: log in, answer the challenge, log out, turn 2FA on.
 * Specs that check the wording click by visible label instead.
 */
import { expect, type Page } from '@playwright/test';
import { DEMO_PASSWORD } from '../state';
import { secretFromDisplay, totpNow } from './otp';

export { DEMO_PASSWORD };
export type Ui = 'current' | '2015';

/** Where the 2FA controls live: My profile > Security (current) or My profile (2015). */
export function securityPath(ui: Ui): string {
  return ui === 'current' ? '/profile/security' : '/profile';
}

export async function submitPassword(page: Page, login: string, password = DEMO_PASSWORD): Promise<void> {
  await page.locator('#username').fill(login);
  await page.locator('#password').fill(password);
  await page.locator('#login-form button[type=submit]').click();
}

/** Password only (2FA off): ends on the dashboard. */
export async function login(page: Page, loginUrl: string, user: string): Promise<void> {
  await page.goto(loginUrl);
  await submitPassword(page, user);
  await page.waitForURL('**/dashboard');
}

/** Password, then the challenge; does not wait for the outcome. */
export async function answerChallenge(page: Page, value: string, kind: 'totp' | 'backup' = 'totp'): Promise<void> {
  if (kind === 'backup') await page.locator('#mfa-use-backup').click();
  const input = page.locator(kind === 'totp' ? '#mfa-code' : '#mfa-backup-code');
  await input.fill(value);
  await page.locator('#mfa-form button[type=submit]').click();
}

export async function loginWithChallenge(page: Page, loginUrl: string, user: string, value: string, kind: 'totp' | 'backup' = 'totp'): Promise<void> {
  await page.goto(loginUrl);
  await submitPassword(page, user);
  await answerChallenge(page, value, kind);
  await page.waitForURL('**/dashboard');
}

export async function logout(page: Page): Promise<void> {
  await page.locator('#user-menu .dropdown-toggle').click();
  await page.locator('#user-menu a[href="/logout"]').click();
  await page.waitForURL('**/login');
}

export async function confirmPassword(page: Page, password = DEMO_PASSWORD): Promise<void> {
  const modal = page.locator('#password-modal');
  await modal.locator('input[type=password]').fill(password);
  await modal.locator('button[type=submit]').click();
  await expect(modal).toHaveCount(0);
}

/** From the security page: Enable -> password -> the setup step. Returns the secret shown. */
export async function openEnrollment(page: Page): Promise<string> {
  await page.locator('#tfa-enable').click();
  await confirmPassword(page);
  const text = await page.locator('#tfa-setup-form .secret-key').textContent();
  return secretFromDisplay(text ?? '');
}

/** Turns 2FA on through the UI (already logged in) and returns the secret and backup codes. */
export async function enableTwoFactor(page: Page, origin: string, ui: Ui, offsetSeconds = 0): Promise<{ secret: string; backupCodes: string[] }> {
  await page.goto(origin + securityPath(ui));
  const secret = await openEnrollment(page);
  const input = page.locator(ui === 'current' ? '#tfa-code' : '#verification-code');
  await input.fill(totpNow(secret, offsetSeconds));
  await page.locator('#tfa-setup-form button[type=submit]').click();
  const codes = page.locator(ui === 'current' ? '.backup-codes li' : '#backup-codes-modal .backup-code');
  await expect(codes).toHaveCount(8);
  const backupCodes = (await codes.allTextContents()).map((c) => c.trim());
  if (ui === 'current') await page.locator('#tfa-backup-codes .btn-primary').click();
  else await page.locator('#backup-codes-modal .modal-footer .btn-primary').click();
  await expect(page.locator(ui === 'current' ? '#tfa-manage' : '#tfa-disable')).toBeVisible();
  return { secret, backupCodes };
}
