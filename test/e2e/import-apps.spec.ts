/**
 * Moving in from a phone app (issue 13): a Google Authenticator transfer QR image of 3
 * accounts, an encrypted Aegis vault and an encrypted 2FAS backup each show a preview (user,
 * issuer, the portal or "no portal"), then store the right accounts with the right codes.
 * The files are written here from the apps' published formats (test/unit/support/app-exports).
 */
import type { Page } from '@playwright/test';
import QRCode from 'qrcode';
import { expect, test } from './fixtures';
import { Secret, TOTP } from 'otpauth';
import { readFile } from 'node:fs/promises';
import { createVault, openPopup, PASSPHRASE } from './support/extension';
import { aegisVault, base32, gaMigrationUri, twoFasBackup } from '../unit/support/app-exports';

const bytes = (seed: number, n = 20) => Uint8Array.from({ length: n }, (_, i) => (seed * 31 + i * 7) % 256);

async function openOptions(page: Page, extensionId: string) {
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(page.getByTestId('import-file')).toBeVisible();
}

/** The popup shows each account by user name, with the code of its secret. */
async function expectAccounts(page: Page, extensionId: string, expected: Array<{ user: string; secret: string; algorithm?: string }>) {
  const popup = await openPopup(page.context(), extensionId);
  const rows = popup.getByTestId('account');
  await expect(rows).toHaveCount(expected.length);
  for (const { user, secret, algorithm = 'SHA1' } of expected) {
    const row = rows.filter({ hasText: user });
    await expect(row).toHaveCount(1);
    await expect
      .poll(async () => {
        const shown = (await row.getByTestId('code').innerText()).replace(/\s/g, '');
        const now = Date.now();
        const valid = [now, now - 30_000].map((timestamp) => new TOTP({ secret: Secret.fromBase32(secret), algorithm }).generate({ timestamp }));
        return valid.includes(shown) ? 'current' : `${shown} not in ${valid.join('/')}`;
      })
      .toBe('current');
  }
  await popup.close();
}

test('a Google Authenticator transfer QR image of 3 accounts: preview, then stored with the right codes; again: all duplicates', async ({ context, page, extensionId }) => {
  const accounts = [
    { secret: bytes(1, 10), name: 'charter.dev.cloudmc.io:rwalker@cloudops.com', issuer: 'charter.dev.cloudmc.io' },
    { secret: bytes(2), name: 'GitHub:octocat', issuer: 'GitHub' },
    { secret: bytes(3, 32), name: 'mail-user@example.com', issuer: 'Example Mail' },
  ];
  const png = await QRCode.toBuffer(gaMigrationUri(accounts), { type: 'png', errorCorrectionLevel: 'M', margin: 4, scale: 6 });
  await createVault(context, extensionId);
  await openOptions(page, extensionId);
  await page.getByTestId('import-file').setInputFiles([{ name: 'transfer.png', mimeType: 'image/png', buffer: png }]);

  const rows = page.getByTestId('import-add');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toContainText('rwalker@cloudops.com');
  await expect(rows.nth(0)).toContainText('https://charter.dev.cloudmc.io');
  await expect(rows.nth(1)).toContainText('octocat');
  await expect(rows.nth(1)).toContainText('GitHub');
  await expect(rows.nth(1).getByTestId('import-portal')).toContainText('no portal');
  await expect(rows.nth(2)).toContainText('mail-user@example.com');
  await expect(rows.nth(2)).toContainText('Example Mail');
  await page.getByTestId('import-apply').click();
  await expect(page.getByTestId('import-status')).toContainText('3');

  await expectAccounts(page, extensionId, [
    { user: 'rwalker@cloudops.com', secret: base32(bytes(1, 10)) },
    { user: 'octocat', secret: base32(bytes(2)) },
    { user: 'mail-user@example.com', secret: base32(bytes(3, 32)) },
  ]);

  // The same image again: nothing to add, three duplicates skipped.
  await openOptions(page, extensionId);
  await page.getByTestId('import-file').setInputFiles([{ name: 'transfer.png', mimeType: 'image/png', buffer: png }]);
  await expect(page.getByTestId('import-duplicate')).toHaveCount(3);
  await expect(page.getByTestId('import-add')).toHaveCount(0);
  await expect(page.getByTestId('import-apply')).toBeDisabled();
});

test('an encrypted Aegis vault and an encrypted 2FAS backup: passphrase, preview, stored with the right codes', async ({ context, page, extensionId }) => {
  const aegis = aegisVault(
    [
      { name: 'alice', issuer: 'https://portal.cloud.ca/', info: { secret: base32(bytes(4)) } },
      { name: 'bob', issuer: 'Shop', info: { secret: base32(bytes(5)), algo: 'SHA256', digits: 6, period: 30 } },
    ],
    'aegis password',
    { n: 1 << 15, r: 8, p: 1 },
  );
  const twofas = twoFasBackup([{ name: 'Forum', secret: base32(bytes(6)), otp: { account: 'carol', issuer: 'Forum' } }], '2fas password');
  await createVault(context, extensionId);
  await openOptions(page, extensionId);

  await page.getByTestId('import-file').setInputFiles([{ name: 'aegis-export.json', mimeType: 'application/json', buffer: Buffer.from(aegis) }]);
  await page.getByTestId('import-passphrase').fill('not it');
  await page.getByTestId('import-preview').click();
  await expect(page.getByTestId('import-status')).toContainText('Wrong passphrase');
  await page.getByTestId('import-passphrase').fill('aegis password');
  await page.getByTestId('import-preview').click();
  const rows = page.getByTestId('import-add');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('alice');
  await expect(rows.nth(0)).toContainText('https://portal.cloud.ca');
  await expect(rows.nth(1)).toContainText('bob');
  await expect(rows.nth(1)).toContainText('Shop');
  await page.getByTestId('import-apply').click();
  await expect(page.getByTestId('import-status')).toContainText('2');

  await page.getByTestId('import-file').setInputFiles([{ name: 'backup.2fas', mimeType: '', buffer: Buffer.from(twofas) }]);
  await page.getByTestId('import-passphrase').fill('2fas password');
  await page.getByTestId('import-preview').click();
  await expect(page.getByTestId('import-add')).toHaveCount(1);
  await expect(page.getByTestId('import-add')).toContainText('carol');
  await expect(page.getByTestId('import-add')).toContainText('Forum');
  await page.getByTestId('import-apply').click();
  await expect(page.getByTestId('import-status')).toContainText('1');

  await expectAccounts(page, extensionId, [
    { user: 'alice', secret: base32(bytes(4)) },
    { user: 'bob', secret: base32(bytes(5)), algorithm: 'SHA256' },
    { user: 'carol', secret: base32(bytes(6)) },
  ]);
});

test('drag-and-drop a Bitwarden export and paste a screenshot of a transfer QR', async ({ context, page, extensionId }) => {
  const bitwarden = JSON.stringify({
    encrypted: false,
    items: [{ type: 1, name: 'Mail', login: { username: 'dan@example.com', totp: base32(bytes(7)) } }],
  });
  const png = await QRCode.toBuffer(gaMigrationUri([{ secret: bytes(8), name: 'erin', issuer: 'Chat' }]), { type: 'png', margin: 4, scale: 6 });
  await createVault(context, extensionId);
  await openOptions(page, extensionId);

  await page.getByTestId('import-drop').evaluate((zone, text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'bitwarden_export.json', { type: 'application/json' }));
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, bitwarden);
  await expect(page.getByTestId('import-add')).toHaveCount(1);
  await expect(page.getByTestId('import-add')).toContainText('dan@example.com');
  await page.getByTestId('import-apply').click();
  await expect(page.getByTestId('import-status')).toContainText('1');

  await page.evaluate((b64) => {
    const bin = atob(b64);
    const dt = new DataTransfer();
    dt.items.add(new File([Uint8Array.from(bin, (c) => c.charCodeAt(0))], 'image.png', { type: 'image/png' }));
    document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, png.toString('base64'));
  await expect(page.getByTestId('import-add')).toHaveCount(1);
  await expect(page.getByTestId('import-add')).toContainText('erin');
  await page.getByTestId('import-apply').click();
  await expect(page.getByTestId('import-status')).toContainText('1');

  await expectAccounts(page, extensionId, [
    { user: 'dan@example.com', secret: base32(bytes(7)) },
    { user: 'erin', secret: base32(bytes(8)) },
  ]);
});

test('exports to move out ask for the vault passphrase again: Aegis JSON and the printable QR page', async ({ context, page, extensionId }) => {
  await createVault(context, extensionId);
  await openOptions(page, extensionId);
  await page.getByTestId('import-file').setInputFiles([{ name: 'list.txt', mimeType: 'text/plain', buffer: Buffer.from(`otpauth://totp/Shop:bob?secret=${base32(bytes(9))}&issuer=Shop\n`) }]);
  await page.getByTestId('import-apply').click();
  await expect(page.getByTestId('import-status')).toContainText('1');

  await page.getByTestId('export-aegis').click();
  await expect(page.locator('#export-vault-passphrase-msg')).toHaveText('Enter your passphrase.');
  await page.getByTestId('export-vault-passphrase').fill('not the passphrase');
  await page.getByTestId('export-aegis').click();
  await expect(page.locator('#export-vault-passphrase-msg')).toContainText('Wrong passphrase');
  await page.getByTestId('export-vault-passphrase').fill(PASSPHRASE);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-aegis').click()]);
  const aegis = JSON.parse(await readFile((await download.path())!, 'utf8')) as { db: { entries: Array<{ name: string; issuer: string; info: { secret: string } }> } };
  expect(aegis.db.entries.map((e) => [e.name, e.issuer, e.info.secret])).toEqual([['bob', 'Shop', base32(bytes(9))]]);

  await page.getByTestId('export-vault-passphrase').fill(PASSPHRASE);
  await page.getByTestId('export-print').click();
  await expect(page.getByTestId('print-account')).toHaveCount(1);
  await expect(page.getByTestId('print-account')).toContainText('Shop');
  await expect(page.getByTestId('print-account').locator('svg')).toBeVisible();
});
