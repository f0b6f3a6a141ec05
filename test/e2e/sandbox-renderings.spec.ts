/**
 * However the portal draws its 2FA screens, one click enrolls and the login challenge is filled:
 * each sandbox rendering (themed QR images, a CSS background, a shadow-root page, split code
 * inputs, backup codes in a table / a pre block / with a dash) in both UIs, the language rotating
 * over EN/FR/ES across the matrix. Each test enrolls with the extension's button, checks that the
 * sandbox enabled 2FA with the secret the extension stored (the popup shows that secret's code)
 * and the backup codes it captured, then logs in again without touching the challenge.
 */
import { expect, getUserState, resetSandbox, test, type SandboxConfig } from './fixtures';
import { logout, submitPassword, type Ui } from '../sandbox/testkit/driver';
import { createVault, expectCurrentCode, openPopup } from './support/extension';
import { clickEnroll } from './support/cloudmc';

const CASES: Array<{ name: string; config: Partial<SandboxConfig> }> = [
  { name: 'coloured QR', config: { qr: 'coloured' } },
  { name: 'QR with a logo', config: { qr: 'logo' } },
  { name: 'inverted QR on a dark card', config: { qr: 'inverted' } },
  { name: 'QR inside a wide composite image', config: { qr: 'composite' } },
  { name: 'QR as a CSS background', config: { qr: 'css-bg' } },
  { name: 'page in an open shadow root', config: { shadow: true } },
  { name: 'split one-digit inputs', config: { splitInputs: true } },
  { name: 'backup codes in a table', config: { backupCodes: 'table' } },
  { name: 'backup codes in a pre block', config: { backupCodes: 'pre' } },
  { name: 'dashed backup codes', config: { backupCodes: 'dashed' } },
];
const LANGS = ['en', 'fr', 'es'] as const;
const UIS: Ui[] = ['current', '2015'];
const USER = 'alice';

// Two whole flows per test (enroll with a new vault, then a second login): allow twice the
// default 30 s for a busy 2-core machine.
test.describe.configure({ timeout: 60_000 });

CASES.forEach(({ name, config }, i) => {
  UIS.forEach((ui, j) => {
    const lang = LANGS[(2 * i + j) % LANGS.length]!;
    test(`${name}: one click enrolls, then the challenge is filled (${ui} UI, ${lang})`, async ({
      context,
      page,
      sandbox,
      extensionId,
    }) => {
      await resetSandbox(sandbox, { ...config, ui, lang });
      await createVault(context, extensionId);
      await clickEnroll(page, sandbox, USER, ui);

      const { twoFactor } = await getUserState(sandbox, USER);
      expect(twoFactor.enabled).toBe(true);
      const popup = await openPopup(context, extensionId);
      const row = popup.getByTestId('account');
      await expect(row).toHaveCount(1);
      await expectCurrentCode(row.getByTestId('code'), twoFactor.secret!);
      // The codes as the portal listed them (a dash kept), the same codes once separators are dropped.
      await row.getByTestId('show-backup-codes').click();
      await expect(popup.getByTestId('backup-code')).toHaveCount(8);
      const stored = (await popup.getByTestId('backup-code').allInnerTexts()).map((t) =>
        (t.match(/\d{4}[-\s]?\d{4}/) ?? [''])[0]!.replace(/\D/g, ''),
      );
      expect(stored).toEqual(twoFactor.backupCodes);
      await popup.close();

      if (ui === 'current') await page.locator('#tfa-backup-codes .btn-primary').click();
      else await page.locator('#backup-codes-modal .modal-footer .btn-primary').click();
      await logout(page);
      await page.goto(`${sandbox.origin}/login`);
      await submitPassword(page, USER);
      // No keystroke on the challenge: the extension fills it (every box, in the split case) and submits.
      await page.waitForURL('**/dashboard');
      const after = await getUserState(sandbox, USER);
      expect(after.failedChallenges).toBe(0);
      expect(after.twoFactor.lastUsedStep).not.toBeNull();
    });
  });
});
