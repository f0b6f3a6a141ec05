/** Moves on the sandbox that involve the extension: enrolling with one click. */
import type { Page } from '@playwright/test';
import { expect, type Sandbox } from '../fixtures';
import { confirmPassword, login, logout, securityPath, type Ui } from '../../sandbox/testkit/driver';
import { pressOurButton } from './our-button';

/** Logs `user` in (2FA off), opens the enrollment step and presses the extension's button: 2FA on, backup codes saved. */
export async function clickEnroll(page: Page, sandbox: Sandbox, user: string, ui: Ui = 'current', origin = sandbox.origin): Promise<void> {
  await login(page, `${origin}/login`, user);
  await page.goto(origin + securityPath(ui));
  await page.locator('#tfa-enable').click();
  await confirmPassword(page);
  await pressOurButton(page.getByTestId('cmc-enroll'));
  await expect(page.getByTestId('cmc-status')).toContainText(/backup codes saved/i);
}

/** clickEnroll, then closes the backup codes and logs out. */
export async function enrollWithOneClick(page: Page, sandbox: Sandbox, user: string, ui: Ui = 'current', origin = sandbox.origin): Promise<void> {
  await clickEnroll(page, sandbox, user, ui, origin);
  if (ui === 'current') await page.locator('#tfa-backup-codes .btn-primary').click();
  else await page.locator('#backup-codes-modal .modal-footer .btn-primary').click();
  await logout(page);
}
