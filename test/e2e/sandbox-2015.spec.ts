/**
 * The sandbox's 2015 CloudMC UI, driven by hand (no extension): "Two-factor authentication"
 * section with Status and Enable, password validation, QR + manual code, "Verify and Save",
 * the "Backup Codes" modal; then logins with TOTP and backup codes, regenerate (modal), disable.
 * In English and French.
 */
import type { Page } from '@playwright/test';
import { DEMO_PASSWORD, submitPassword } from '../sandbox/testkit/driver';
import { continueWith, expectRefused, logoutViaMenu, openUserMenuItem, reachChallenge, readBackupCodes } from '../sandbox/testkit/flows';
import { CHALLENGE, MENU, UI_2015 } from '../sandbox/testkit/labels';
import { secretFromDisplay, totpNow } from '../sandbox/testkit/otp';
import { decodeQr } from '../sandbox/testkit/qr';
import { expect, getUserState, resetSandbox, test } from './fixtures';

type Lang = 'en' | 'fr';

async function passwordValidation(page: Page, lang: Lang): Promise<void> {
  const dialog = page.getByRole('dialog', { name: UI_2015[lang].passwordTitle });
  await dialog.getByLabel(MENU[lang].password, { exact: true }).fill(DEMO_PASSWORD);
  await dialog.getByRole('button', { name: MENU[lang].confirm, exact: true }).click();
  await expect(dialog).toHaveCount(0);
}

/** The "Backup Codes" modal: 8 codes with their squares, the date, Print / Close. Returns the codes. */
async function readAndCloseModal(page: Page, lang: Lang): Promise<string[]> {
  const L = UI_2015[lang];
  const modal = page.getByRole('dialog', { name: L.modalTitle });
  await expect(modal).toBeVisible();
  await expect(modal.getByText(L.warning)).toBeVisible();
  await expect(modal.locator('.backup-code-list li .check-square')).toHaveCount(8);
  const codes = await readBackupCodes(modal.locator('.backup-code'));
  await expect(modal.locator('.generated-on')).toHaveText(L.generated);
  await expect(modal.getByRole('button', { name: L.print, exact: true })).toBeVisible();
  // The footer's Close (the header's × carries the same accessible name, as in Bootstrap).
  await modal.locator('.modal-footer').getByRole('button', { name: L.close, exact: true }).click();
  await expect(modal).toHaveCount(0);
  return codes;
}

for (const lang of ['en', 'fr'] as const) {
  test(`2015 UI (${lang}): enable 2FA, log in with TOTP and backup codes, regenerate, disable`, async ({ sandbox, plainPage: page }) => {
    test.setTimeout(60_000); // some 25 page loads; ~10 s normally, headroom for a busy machine
    const L = UI_2015[lang];
    const C = CHALLENGE[lang];
    await resetSandbox(sandbox, { ui: '2015', lang });

    await page.goto(`${sandbox.origin}/login`);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await submitPassword(page, 'fgaudreault');
    await page.waitForURL('**/dashboard');
    await openUserMenuItem(page, lang, 'myProfile');
    await expect(page).toHaveURL(/\/profile$/);

    // Status: Disabled + Enable.
    const section = page.locator('#two-factor-auth');
    await expect(section.getByRole('heading', { name: L.title })).toBeVisible();
    await expect(section.getByText(L.status, { exact: true })).toBeVisible();
    await expect(section.getByText(L.disabled, { exact: true })).toBeVisible();
    await section.getByRole('button', { name: L.enable, exact: true }).click();
    await passwordValidation(page, lang);

    // QR + manual code + 6-digit input; Verify and Save waits for 6 digits.
    await expect(section.getByText(L.setup, { exact: true })).toBeVisible();
    await expect(section.getByText(L.step1, { exact: true })).toBeVisible();
    await expect(section.getByText(L.manual, { exact: true })).toBeVisible();
    const shown = (await section.locator('.secret-key').textContent()) ?? '';
    expect(shown).toMatch(/^[A-Z2-7]{4} [A-Z2-7]{4} [A-Z2-7]{4} [A-Z2-7]{4}$/);
    const secret = secretFromDisplay(shown);
    expect(await decodeQr(section.locator('.qr-code'))).toBe(`otpauth://totp/localhost:fgaudreault?secret=${secret}&issuer=localhost`);
    const verify = section.getByRole('button', { name: L.verify, exact: true });
    await expect(verify).toBeDisabled();
    await expect(section.getByRole('button', { name: L.cancel, exact: true })).toBeVisible();
    await section.getByLabel(L.step2, { exact: true }).fill(totpNow(secret));
    await expect(verify).toBeEnabled();
    await verify.click();

    const codes = await readAndCloseModal(page, lang);
    await expect(section.getByText(L.enabled, { exact: true })).toBeVisible();
    expect((await getUserState(sandbox, 'fgaudreault')).twoFactor).toMatchObject({ enabled: true, secret, backupCodes: codes });

    // TOTP login, then a backup code, which is refused the second time.
    await logoutViaMenu(page, lang);
    await reachChallenge(page, lang, 'fgaudreault');
    expect(await continueWith(page, lang, totpNow(secret), 'totp')).toBe(200);
    await page.waitForURL('**/dashboard');
    await logoutViaMenu(page, lang);
    await reachChallenge(page, lang, 'fgaudreault');
    expect(await continueWith(page, lang, codes[7]!, 'backup')).toBe(200);
    await page.waitForURL('**/dashboard');
    await logoutViaMenu(page, lang);
    await reachChallenge(page, lang, 'fgaudreault');
    expect(await continueWith(page, lang, codes[7]!, 'backup')).toBe(401);
    await expectRefused(page, C.invalidBackup);
    expect(await continueWith(page, lang, codes[6]!, 'backup')).toBe(200);
    await page.waitForURL('**/dashboard');

    // Regenerate backup codes: straight from the section, new codes in the modal.
    await openUserMenuItem(page, lang, 'myProfile');
    await section.getByRole('button', { name: L.regenerate, exact: true }).click();
    const fresh = await readAndCloseModal(page, lang);
    expect(fresh.filter((c) => codes.includes(c))).toEqual([]);
    await logoutViaMenu(page, lang);
    await reachChallenge(page, lang, 'fgaudreault');
    expect(await continueWith(page, lang, codes[0]!, 'backup')).toBe(401);
    await expectRefused(page, C.invalidBackup);
    expect(await continueWith(page, lang, fresh[3]!, 'backup')).toBe(200);
    await page.waitForURL('**/dashboard');

    // Disable two-factor authentication (password), then log in with the password only.
    await openUserMenuItem(page, lang, 'myProfile');
    await section.getByRole('button', { name: L.disable, exact: true }).click();
    await passwordValidation(page, lang);
    await expect(section.getByText(L.disabled, { exact: true })).toBeVisible();
    await expect(section.getByRole('button', { name: L.enable, exact: true })).toBeVisible();
    await logoutViaMenu(page, lang);
    await submitPassword(page, 'fgaudreault');
    await page.waitForURL('**/dashboard');
    expect((await getUserState(sandbox, 'fgaudreault')).twoFactor.enabled).toBe(false);
  });
}
