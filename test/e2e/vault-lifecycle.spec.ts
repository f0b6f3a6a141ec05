/**
 * The vault across the browser's life: a stopped service worker keeps it unlocked, a browser
 * restart locks it with the data intact, and an encrypted export opens in a new profile.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { expect, launchBrowser, test } from './fixtures';
import { PASSPHRASE, createVault, expectCurrentCode, openPopup, stopWorker, unlockIn } from './support/extension';

const SECRET = 'JBSWY3DPEHPK3PXP';
const URI = `otpauth://totp/https://charter.dev.cloudmc.io/:rwalker@cloudops.com?secret=${SECRET}&issuer=https://charter.dev.cloudmc.io/`;

async function addByHand(context: BrowserContext, extensionId: string): Promise<Page> {
  const popup = await openPopup(context, extensionId);
  await popup.getByTestId('add-account').click();
  await popup.getByTestId('otpauth-uri').fill(URI);
  await popup.getByTestId('save-account').click();
  await expect(popup.getByTestId('account')).toHaveCount(1);
  return popup;
}

const extensionIdOf = async (context: BrowserContext) =>
  new URL((context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'))).url()).host;

test('a stopped service worker comes back unlocked', async ({ context, extensionId }) => {
  await createVault(context, extensionId);
  const popup = await addByHand(context, extensionId);

  await stopWorker(context, popup);

  // The next message wakes it; the key is restored from storage.session.
  await popup.reload();
  await expect(popup.getByTestId('account')).toHaveCount(1);
  await expectCurrentCode(popup.getByTestId('code'), SECRET);
  await expect(popup.getByTestId('passphrase')).toHaveCount(0);
});

test('a browser restart locks the vault and keeps the data', async ({ context, userDataDir, extensionId }) => {
  await createVault(context, extensionId);
  await (await addByHand(context, extensionId)).close();
  await context.close();

  const again = await launchBrowser(userDataDir);
  try {
    const popup = await openPopup(again, await extensionIdOf(again));
    await expect(popup.getByTestId('passphrase')).toBeVisible();
    await unlockIn(popup);
    await expect(popup.getByTestId('account')).toHaveCount(1);
    await expectCurrentCode(popup.getByTestId('code'), SECRET);
  } finally {
    await again.close();
  }
});

test('an encrypted export opens in a new profile', async ({ context, extensionId }) => {
  await createVault(context, extensionId);
  const popup = await addByHand(context, extensionId);
  await popup.goto(`chrome-extension://${extensionId}/options.html`);
  await popup.getByTestId('export-passphrase').fill('file passphrase 1');
  await popup.getByTestId('export-confirm').fill('file passphrase 1');
  await popup.getByTestId('export-vault-passphrase').fill(PASSPHRASE);
  const [download] = await Promise.all([popup.waitForEvent('download'), popup.getByTestId('export-encrypted').click()]);
  const file = (await download.path())!;

  const otherProfile = await mkdtemp(path.join(os.tmpdir(), 'cmc-e2e-profile-'));
  const other = await launchBrowser(otherProfile);
  try {
    const otherId = await extensionIdOf(other);
    await createVault(other, otherId, 'another passphrase 2');
    const options = await other.newPage();
    await options.goto(`chrome-extension://${otherId}/options.html`);
    await options.getByTestId('import-file').setInputFiles(file);
    await options.getByTestId('import-passphrase').fill('file passphrase 1');
    await options.getByTestId('import-preview').click();
    await expect(options.getByTestId('import-add')).toHaveCount(1);
    await options.getByTestId('import-apply').click();
    await expect(options.getByTestId('import-status')).toContainText('Imported 1');

    const imported = await openPopup(other, otherId);
    await expect(imported.getByTestId('account')).toContainText('rwalker@cloudops.com');
    await expectCurrentCode(imported.getByTestId('code'), SECRET);
  } finally {
    await other.close();
    await rm(otherProfile, { recursive: true, force: true });
  }
});

test('the auto-lock alarm locks the vault', async ({ context, extensionId }) => {
  await createVault(context, extensionId);
  const popup = await addByHand(context, extensionId);
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  // The alarm the background re-arms on each use, brought forward (unpacked extensions may
  // set alarms under Chrome's 30 s minimum).
  await worker.evaluate(() => chrome.alarms.create('auto-lock', { when: Date.now() + 50 }));
  await expect
    .poll(async () => {
      await popup.reload();
      return popup.getByTestId('passphrase').isVisible();
    })
    .toBe(true);
  await unlockIn(popup);
  await expect(popup.getByTestId('account')).toHaveCount(1);
});
