/**
 * Manual add with no dead end (issue 9), with the popup and the portal in English and in French
 * (Chromium launched in that UI language): an otpauth URI whose issuer names no portal shows the optional portal field; left
 * empty, the account is stored unbound (codes shown and copied, never filled in a page) and can
 * be linked to a portal later, after which it fills the login challenge. A bare secret with the
 * portal address is bound at once and fills.
 */
import type { Page } from '@playwright/test';
import { test as base, expect, getUserState, launchBrowser, resetSandbox } from './fixtures';
import { enableTwoFactor, login, logout, submitPassword } from '../sandbox/testkit/driver';
import { createVault, expectCurrentCode, openPopup } from './support/extension';
import { readFileSync } from 'node:fs';

type Messages = Record<string, { message: string }>;
const load = (lang: string) =>
  JSON.parse(readFileSync(new URL(`../../public/_locales/${lang}/messages.json`, import.meta.url), 'utf8')) as Messages;
const MESSAGES = { en: load('en'), fr: load('fr') };
type Lang = keyof typeof MESSAGES;

// The popup speaks the browser's UI language: launch Chromium in the language under test.
const test = base.extend<{ uiLang: Lang }>({
  uiLang: ['en', { option: true }],
  context: async ({ userDataDir, uiLang }, use) => {
    const context = await launchBrowser(userDataDir, uiLang);
    await use(context);
    await context.close();
  },
});

/** A sandbox user with 2FA turned on by hand (no extension involved); returns the secret. */
async function userWithTwoFactor(page: Page, origin: string): Promise<string> {
  await login(page, `${origin}/login`, 'alice');
  const { secret } = await enableTwoFactor(page, origin, 'current');
  await logout(page);
  return secret;
}

for (const uiLang of ['en', 'fr'] as const) {
  // The popup's strings follow the UI language (Chromium needs its locale files: Debian's
  // chromium-l10n), and so does its <html lang> (getUILanguage would say en-US either way).
  const m = (key: string) => MESSAGES[uiLang][key]!.message;

  test.describe(`popup and portal in ${uiLang}`, () => {
    test.use({ uiLang });

    test('an otpauth URI naming no portal: optional portal field, stored unbound, linked later it fills', async ({
      context,
      page,
      sandbox,
      extensionId,
    }) => {
      await resetSandbox(sandbox, { lang: uiLang });
      const secret = await userWithTwoFactor(page, sandbox.origin);
      await createVault(context, extensionId);

      const popup = await openPopup(context, extensionId);
      await expect(popup.locator('html')).toHaveAttribute('lang', uiLang);
      await popup.getByTestId('add-account').click();
      await popup
        .getByTestId('otpauth-uri')
        .fill(`otpauth://totp/Heldout%20Bank:alice%40example.ca?secret=${secret}&issuer=Heldout%20Bank`);
      // No portal can be derived: the optional address field is on screen, and saving it empty is fine.
      const originField = popup.getByTestId('account-origin');
      await expect(originField).toBeVisible();
      await expect(popup.getByText(m('addOriginOptional'))).toBeVisible();
      await expect(popup.getByTestId('add-error')).toBeEmpty();
      await popup.getByTestId('save-account').click();

      const row = popup.getByTestId('account');
      await expect(row).toHaveCount(1);
      await expect(row).toContainText('alice@example.ca');
      await expect(row.getByTestId('bind-account')).toHaveText(m('unboundBadge'));
      await expectCurrentCode(row.getByTestId('code'), secret);
      // Copyable: the row's copy action answers "Copied".
      await row.locator('[data-act=copy]').click();
      await expect(row).toContainText(m('copied'));

      // The challenge is on screen while the account is unbound...
      await page.goto(`${sandbox.origin}/login`);
      await submitPassword(page, 'alice');
      await expect(page.locator('#mfa-code')).toBeVisible();
      // ...and stays untouched for the whole time it takes to link the account in the popup.
      await popup.bringToFront();
      await row.getByTestId('bind-account').click();
      await popup.getByTestId('bind-origin').fill(sandbox.origin);
      await popup.getByTestId('bind-save').click();
      await expect(row.getByTestId('bind-account')).toHaveCount(0);
      await expect(row).toContainText(new URL(sandbox.origin).host);
      await expect(page.locator('#mfa-code')).toHaveValue('');
      expect(page.url()).toBe(`${sandbox.origin}/login`);
      const before = await getUserState(sandbox, 'alice');
      expect(before.twoFactor.lastUsedStep).toBeNull();
      expect(before.failedChallenges).toBe(0);

      // Linked: the same pending challenge, shown again, is filled and submitted.
      await page.bringToFront();
      await page.reload();
      await page.waitForURL('**/dashboard');
      expect((await getUserState(sandbox, 'alice')).twoFactor.lastUsedStep).not.toBeNull();
    });

    test('a bare secret with the portal address is bound and fills', async ({ context, page, sandbox, extensionId }) => {
      await resetSandbox(sandbox, { lang: uiLang });
      const secret = await userWithTwoFactor(page, sandbox.origin);
      await createVault(context, extensionId);

      const popup = await openPopup(context, extensionId);
      await popup.getByTestId('add-account').click();
      await popup.getByTestId('otpauth-uri').fill(secret.replace(/(.{4})(?=.)/g, '$1 '));
      await popup.getByTestId('account-origin').fill(sandbox.origin);
      await popup.getByTestId('account-user').fill('alice');
      await popup.getByTestId('save-account').click();
      const row = popup.getByTestId('account');
      await expect(row).toHaveCount(1);
      await expect(row.getByTestId('bind-account')).toHaveCount(0);
      await expectCurrentCode(row.getByTestId('code'), secret);

      await page.bringToFront();
      await page.goto(`${sandbox.origin}/login`);
      await submitPassword(page, 'alice');
      await page.waitForURL('**/dashboard');
      expect((await getUserState(sandbox, 'alice')).failedChallenges).toBe(0);
    });
  });
}
