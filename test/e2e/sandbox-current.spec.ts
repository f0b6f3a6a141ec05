/**
 * The sandbox's current CloudMC UI, driven by hand (no extension): a person enables 2FA from
 * My profile > Security, reads the secret off the page, types codes from "their app" (otpauth in
 * the test), logs in with TOTP and backup codes, regenerates, disables. In English and French,
 * plus a shorter Spanish pass over the labels.
 */
import { DEMO_PASSWORD, submitPassword } from '../sandbox/testkit/driver';
import { continueWith, expectRefused, logoutViaMenu, openUserMenuItem, reachChallenge, readBackupCodes } from '../sandbox/testkit/flows';
import { CHALLENGE, CURRENT_UI, MENU } from '../sandbox/testkit/labels';
import { secretFromDisplay, totpNow } from '../sandbox/testkit/otp';
import { decodeQr } from '../sandbox/testkit/qr';
import { expect, getUserState, resetSandbox, test } from './fixtures';
import type { Page } from '@playwright/test';

async function confirmPasswordDialog(page: Page, lang: 'en' | 'fr' | 'es'): Promise<void> {
  const dialog = page.getByRole('dialog', { name: CURRENT_UI[lang].passwordTitle });
  await dialog.getByLabel(MENU[lang].password, { exact: true }).fill(DEMO_PASSWORD);
  await dialog.getByRole('button', { name: MENU[lang].confirm, exact: true }).click();
  await expect(dialog).toHaveCount(0);
}

for (const lang of ['en', 'fr'] as const) {
  test(`current UI (${lang}): enable 2FA, log in with TOTP and backup codes, regenerate, disable`, async ({ sandbox, plainPage: page }) => {
    test.setTimeout(60_000); // some 25 page loads; ~10 s normally, headroom for a busy machine
    const L = CURRENT_UI[lang];
    const C = CHALLENGE[lang];
    const login = lang === 'en' ? 'rwalker@cloudops.com' : 'rwalker';
    await resetSandbox(sandbox, { ui: 'current' });

    // The language switch at the bottom left of the login card.
    await page.goto(`${sandbox.origin}/login`);
    if (lang !== 'en') {
      // Picking another language reloads the page: wait for the new page to finish loading.
      const reloaded = page.waitForEvent('load');
      await page.locator('#lang-select').selectOption(lang);
      await reloaded;
    }
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await submitPassword(page, login);
    await page.waitForURL('**/dashboard');

    // User menu > My profile > Security.
    await openUserMenuItem(page, lang, 'myProfile');
    await page.getByRole('link', { name: MENU[lang].security, exact: true }).click();
    await expect(page).toHaveURL(/\/profile\/security$/);
    await expect(page.getByText(L.intro)).toBeVisible();

    // Enable -> password -> step 1 (QR + grouped secret) and step 2 (code, Cancel / Enable).
    await page.getByRole('button', { name: L.enable, exact: true }).click();
    await confirmPasswordDialog(page, lang);
    await expect(page.getByText(L.step1, { exact: true })).toBeVisible();
    const shown = (await page.locator('.secret-key').textContent()) ?? '';
    expect(shown).toMatch(/^[A-Z2-7]{4} [A-Z2-7]{4} [A-Z2-7]{4} [A-Z2-7]{4}$/);
    const secret = secretFromDisplay(shown);
    const account = 'rwalker@cloudops.com';
    expect(await decodeQr(page.locator('.tfa-qr .qr-code'))).toBe(
      `otpauth://totp/${sandbox.origin}/:${account}?secret=${secret}&issuer=${sandbox.origin}/`,
    );
    const codeInput = page.getByLabel(L.step2, { exact: true });
    await expect(codeInput).toHaveAttribute('autocomplete', 'one-time-code');
    await expect(page.getByRole('button', { name: L.cancel, exact: true })).toBeVisible();
    await codeInput.fill(totpNow(secret));
    await page.getByRole('button', { name: L.enableButton, exact: true }).click();

    // Step 3: 8 backup codes of 8 digits inline, Print / Done.
    await expect(page.getByText(L.step3, { exact: true })).toBeVisible();
    await expect(page.getByText(L.notice)).toBeVisible();
    const codes = await readBackupCodes(page.locator('.backup-codes li'));
    await expect(page.getByRole('button', { name: L.print, exact: true })).toBeVisible();
    await page.getByRole('button', { name: L.done, exact: true }).click();
    await expect(page.getByRole('button', { name: L.manage, exact: true })).toBeVisible();
    expect((await getUserState(sandbox, 'rwalker')).twoFactor).toMatchObject({ enabled: true, secret, backupCodes: codes });

    // Log in with a TOTP code.
    await logoutViaMenu(page, lang);
    await reachChallenge(page, lang, login);
    await expect(page.getByRole('button', { name: C.useBackup, exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: C.cancel, exact: true })).toBeVisible();
    await expect(page.locator('input[autocomplete="one-time-code"]')).toHaveAttribute('inputmode', 'numeric');
    expect(await continueWith(page, lang, totpNow(secret), 'totp')).toBe(200);
    await page.waitForURL('**/dashboard');

    // A backup code works once.
    await logoutViaMenu(page, lang);
    await reachChallenge(page, lang, login);
    expect(await continueWith(page, lang, codes[0]!, 'backup')).toBe(200);
    await page.waitForURL('**/dashboard');
    await logoutViaMenu(page, lang);
    await reachChallenge(page, lang, login);
    expect(await continueWith(page, lang, codes[0]!, 'backup')).toBe(401);
    await expectRefused(page, C.invalidBackup);
    expect(await continueWith(page, lang, codes[1]!, 'backup')).toBe(200);
    await page.waitForURL('**/dashboard');

    // Manage -> password -> Regenerate: a new list; the old codes stop working.
    await openUserMenuItem(page, lang, 'myProfile');
    await page.getByRole('link', { name: MENU[lang].security, exact: true }).click();
    await page.getByRole('button', { name: L.manage, exact: true }).click();
    await confirmPasswordDialog(page, lang);
    await page.getByRole('button', { name: L.regenerate, exact: true }).click();
    const fresh = await readBackupCodes(page.locator('.backup-codes li'));
    expect(fresh.filter((c) => codes.includes(c))).toEqual([]);
    await page.getByRole('button', { name: L.done, exact: true }).click();
    await logoutViaMenu(page, lang);
    await reachChallenge(page, lang, login);
    expect(await continueWith(page, lang, codes[2]!, 'backup')).toBe(401);
    await expectRefused(page, C.invalidBackup);
    expect(await continueWith(page, lang, fresh[0]!, 'backup')).toBe(200);
    await page.waitForURL('**/dashboard');

    // Manage -> password -> Disable: back to the Enable button, and no challenge at login.
    await page.goto(`${sandbox.origin}/profile/security`);
    await page.getByRole('button', { name: L.manage, exact: true }).click();
    await confirmPasswordDialog(page, lang);
    await page.getByRole('button', { name: L.disable, exact: true }).click();
    await expect(page.getByRole('button', { name: L.enable, exact: true })).toBeVisible();
    await logoutViaMenu(page, lang);
    await submitPassword(page, login);
    await page.waitForURL('**/dashboard');
    expect((await getUserState(sandbox, 'rwalker')).twoFactor.enabled).toBe(false);
  });
}

test('current UI (es): Spanish labels from enrollment to the login challenge', async ({ sandbox, plainPage: page }) => {
  const L = CURRENT_UI.es;
  await resetSandbox(sandbox, { ui: 'current' });
  await page.goto(`${sandbox.origin}/login?lang=es`);
  await submitPassword(page, 'alice');
  await page.waitForURL('**/dashboard');
  await page.goto(`${sandbox.origin}/profile/security`);
  await expect(page.getByText(L.intro)).toBeVisible();
  await page.getByRole('button', { name: L.enable, exact: true }).click();
  await confirmPasswordDialog(page, 'es');
  await expect(page.getByText(L.step1, { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: L.cancel, exact: true })).toBeVisible();
  const secret = secretFromDisplay((await page.locator('.secret-key').textContent()) ?? '');
  await page.getByLabel(L.step2, { exact: true }).fill(totpNow(secret));
  await page.getByRole('button', { name: L.enableButton, exact: true }).click();
  await expect(page.getByText(L.step3, { exact: true })).toBeVisible();
  await readBackupCodes(page.locator('.backup-codes li'));
  await expect(page.getByRole('button', { name: L.print, exact: true })).toBeVisible();
  await page.getByRole('button', { name: L.done, exact: true }).click();
  await expect(page.getByRole('button', { name: L.manage, exact: true })).toBeVisible();
  await logoutViaMenu(page, 'es');
  await reachChallenge(page, 'es', 'alice');
  await expect(page.getByRole('button', { name: CHALLENGE.es.useBackup, exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: CHALLENGE.es.cancel, exact: true })).toBeVisible();
  expect(await continueWith(page, 'es', totpNow(secret), 'totp')).toBe(200);
  await page.waitForURL('**/dashboard');
});
