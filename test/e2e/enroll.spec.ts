/**
 * One-click enrollment against the sandbox: every QR rendering x current and 2015 UI x EN and
 * FR gives an enrolled, confirmed account whose code matches the sandbox, with the 8 backup
 * codes the sandbox issued.
 */
import { expect, getUserState, resetSandbox, test } from './fixtures';
import type { Ui } from '../sandbox/testkit/driver';
import { createVault, expectCurrentCode, openPopup, popupBackupCodes } from './support/extension';
import { clickEnroll } from './support/cloudmc';

const QR_MODES = ['img-data', 'img-url', 'canvas', 'svg'] as const;
const USER = 'alice';

for (const ui of ['current', '2015'] as Ui[]) {
  for (const lang of ['en', 'fr'] as const) {
    for (const qr of QR_MODES) {
      test(`one click enrolls: ${ui} UI, ${lang}, QR as ${qr}`, async ({ context, page, sandbox, extensionId }) => {
        await resetSandbox(sandbox, { ui, lang, qr });
        await createVault(context, extensionId);
        await clickEnroll(page, sandbox, USER, ui);

        const state = await getUserState(sandbox, USER);
        expect(state.twoFactor.enabled).toBe(true);
        const popup = await openPopup(context, extensionId);
        const row = popup.getByTestId('account');
        await expect(row).toHaveCount(1);
        await expect(row).toContainText(USER);
        await expectCurrentCode(row.getByTestId('code'), state.twoFactor.secret!);
        const stored = await popupBackupCodes(popup, row);
        expect(stored).toEqual(state.twoFactor.backupCodes.map((code) => ({ code, used: false })));
      });
    }
  }
}
