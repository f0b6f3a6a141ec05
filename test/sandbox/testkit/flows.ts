/**
 * Label-driven moves (as a person reads the screen) shared by the sandbox specs: they click
 * what the expected wording names, so a missing or mistranslated label fails the test.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { submitPassword } from './driver';
import { CHALLENGE, MENU, type Lang } from './labels';

export async function openUserMenuItem(page: Page, lang: Lang, item: 'myProfile' | 'logout'): Promise<void> {
  await page.locator('#user-menu').getByRole('button').click();
  await page.getByRole('menuitem', { name: MENU[lang][item], exact: true }).click();
}

export async function logoutViaMenu(page: Page, lang: Lang): Promise<void> {
  await openUserMenuItem(page, lang, 'logout');
  await page.waitForURL('**/login');
}

/** Password accepted, the challenge is on screen. */
export async function reachChallenge(page: Page, lang: Lang, user: string): Promise<void> {
  await submitPassword(page, user);
  await expect(page.getByText(CHALLENGE[lang].prompt, { exact: true })).toBeVisible();
}

/**
 * Types into the challenge and presses Continue; resolves with the server's verdict once the
 * verify call answered (so a following assertion never reads a stale message).
 */
export async function continueWith(page: Page, lang: Lang, value: string, kind: 'totp' | 'backup'): Promise<number> {
  const L = CHALLENGE[lang];
  if (kind === 'backup' && (await page.locator('#mfa-backup-code').count()) === 0) {
    await page.getByRole('button', { name: L.useBackup, exact: true }).click();
  }
  const input: Locator =
    kind === 'totp' ? page.locator('input[autocomplete="one-time-code"]') : page.locator('#mfa-form input[name="backupCode"]');
  await input.fill(value);
  const response = page.waitForResponse((r) => r.url().endsWith('/api/login/verify'));
  await page.getByRole('button', { name: L.continue, exact: true }).click();
  return (await response).status();
}

export async function expectRefused(page: Page, message: string): Promise<void> {
  await expect(page.locator('#mfa-form [role="alert"]')).toHaveText(message);
  await expect(page).toHaveURL(/\/login$/);
}

/** The 8 codes shown, trimmed; checks they are 8 distinct codes of 8 digits. */
export async function readBackupCodes(list: Locator): Promise<string[]> {
  await expect(list).toHaveCount(8);
  const codes = (await list.allTextContents()).map((c) => c.trim());
  for (const c of codes) expect(c).toMatch(/^\d{8}$/);
  expect(new Set(codes).size).toBe(8);
  return codes;
}
