/**
 * Backup codes in the popup. Accounts only get backup codes from enrollment or from an
 * encrypted backup, so each test first imports a backup file written by lib/vault itself
 * (the real format) through the options page.
 */
import type { Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { createAccount, exportBackup } from '../../lib/vault';
import { expect, test } from './fixtures';

const PASS = 'correct horse battery staple';
const FILE_PASS = 'backup file passphrase';
const CODES = ['12345678', '23456789', '34567890', '45678901', '56789012', '67890123', '78901234', '89012345'];

async function backupFile(): Promise<Buffer> {
  const made = createAccount({
    params: { secret: 'JBSWY3DPEHPK3PXP', algorithm: 'SHA1', digits: 6, period: 30, issuer: 'http://localhost:8484/', user: 'carol' },
    origin: 'http://localhost:8484',
    state: 'active',
    backupCodes: CODES.map((code, i) => ({ code, used: i === 0 })),
  });
  if (!made.ok) throw new Error(made.error.message);
  const file = await exportBackup([made.value], FILE_PASS);
  if (!file.ok) throw new Error(file.error.message);
  return Buffer.from(file.value);
}

async function setUp(page: Page, extensionId: string) {
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  await page.getByTestId('new-passphrase').fill(PASS);
  await page.getByTestId('confirm-passphrase').fill(PASS);
  await page.getByTestId('create-vault').click();
  await expect(page.getByTestId('add-account')).toBeVisible();

  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await page.getByTestId('import-file').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: await backupFile() });
  const pass = page.getByTestId('import-passphrase');
  await expect(pass).toBeFocused();
  await pass.fill('wrong passphrase here');
  await page.getByTestId('import-preview').click();
  await expect(page.getByTestId('import-status')).toContainText('Wrong passphrase');
  await expect(page.getByTestId('import-summary')).toBeHidden();

  await pass.fill(FILE_PASS);
  await page.getByTestId('import-preview').click();
  await expect(page.getByTestId('import-add')).toHaveCount(1);
  await expect(page.getByTestId('import-add')).toContainText('carol');
  await page.getByTestId('import-apply').click();
  await expect(page.getByTestId('import-status')).toContainText('Imported 1');

  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(page.getByTestId('account')).toHaveCount(1);
}

test('an imported backup brings its codes; used ones are tracked and the count warns', async ({ page, extensionId }) => {
  await setUp(page, extensionId);
  const row = page.getByTestId('account');
  await expect(row.getByTestId('show-backup-codes')).toHaveAccessibleName('Backup codes for carol · localhost:8484: 7 of 8 left');

  await row.getByTestId('show-backup-codes').click();
  const codes = page.getByTestId('backup-code');
  await expect(codes).toHaveCount(8);
  await expect(codes.nth(0)).toHaveAttribute('data-used', 'true');
  await expect(codes.nth(0)).toContainText(CODES[0]!);
  await expect(codes.nth(1)).toHaveAttribute('data-used', 'false');
  await expect(page.getByTestId('backup-remaining')).toHaveText('7 of 8 codes left.');

  // Mark used, then unused again: the vault is the truth, so it survives reopening.
  await codes.nth(1).getByTestId('backup-used').check();
  await expect(codes.nth(1)).toHaveAttribute('data-used', 'true');
  await codes.nth(0).getByTestId('backup-used').uncheck();
  await expect(codes.nth(0)).toHaveAttribute('data-used', 'false');
  await page.reload();
  await row.getByTestId('show-backup-codes').click();
  await expect(codes.nth(0)).toHaveAttribute('data-used', 'false');
  await expect(codes.nth(1)).toHaveAttribute('data-used', 'true');

  // Down to 2 left: a warning.
  for (const i of [0, 2, 3, 4]) await codes.nth(i).getByTestId('backup-used').check();
  await expect(page.getByTestId('backup-remaining')).toHaveText(/^3 of 8 codes left\.$/);
  await codes.nth(5).getByTestId('backup-used').check();
  await expect(page.getByTestId('backup-remaining')).toContainText('2 of 8 codes left. Generate new ones');
  await expect(page.getByTestId('backup-remaining')).toHaveClass(/warn/);

  await page.getByTestId('back').click();
  await expect(row.getByTestId('show-backup-codes')).toHaveAccessibleName(/: 2 of 8 left$/);
});

test('backup codes download as .txt and open a printable page', async ({ context, page, extensionId }) => {
  await setUp(page, extensionId);
  await page.getByTestId('show-backup-codes').click();
  await expect(page.getByTestId('backup-code')).toHaveCount(8);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('backup-download').click()]);
  expect(download.suggestedFilename()).toMatch(/^cloudmc-backup-codes-localhost_8484-\d{4}-\d{2}-\d{2}\.txt$/);
  const text = await readFile((await download.path())!, 'utf8');
  expect(text).toContain('Portal: http://localhost:8484');
  expect(text).toContain('User: carol');
  expect(text).toContain(`${CODES[0]}  (used)`);
  for (const code of CODES.slice(1)) expect(text).toMatch(new RegExp(`^${code}$`, 'm'));

  const [printPage] = await Promise.all([context.waitForEvent('page'), page.getByTestId('backup-print').click()]);
  await expect(printPage.getByTestId('print-page')).toBeVisible();
  await expect(printPage.getByTestId('print-page')).toContainText('http://localhost:8484');
  await expect(printPage.getByTestId('print-page')).toContainText('carol');
  await expect(printPage.locator('.print-codes li')).toHaveCount(8);
  await expect(printPage.locator('.print-codes li.used')).toHaveText(`${CODES[0]} (used)`);
});

test('importing the same backup again skips the duplicate, never overwrites it', async ({ page, extensionId }) => {
  await setUp(page, extensionId);
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await page.getByTestId('import-file').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: await backupFile() });
  await page.getByTestId('import-passphrase').fill(FILE_PASS);
  await page.getByTestId('import-preview').click();
  await expect(page.getByTestId('import-duplicate')).toHaveCount(1);
  await expect(page.getByTestId('import-add')).toHaveCount(0);
  await expect(page.getByTestId('import-apply')).toBeDisabled();
});
