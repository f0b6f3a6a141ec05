/**
 * Never lose the vault (issue 13): automatic backups land in the downloads folder after an
 * enrollment and restore into a fresh profile with the vault passphrase; the popup's backup-
 * health line appears for accounts in no backup and clears after its one-click copy.
 *
 * Automatic backups need the optional `downloads` permission, whose prompt Chromium under
 * automation cannot answer: the first test runs the variant built with
 * CMC_E2E_GRANT_DOWNLOADS=1 in sandbox mode (.output/chrome-mv3-downloads, `downloads` granted at install),
 * built here when missing or older than the main build.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext } from '@playwright/test';
import { launchWithExtension, extensionIdOf } from '../../scripts/browser';
import { EXTENSION_PATH, expect, getUserState, test } from './fixtures';
import { enrollWithOneClick } from './support/cloudmc';
import { createVault, expectCurrentCode, openPopup, PASSPHRASE } from './support/extension';

const GRANT_BUILD = path.resolve('.output/chrome-mv3-downloads');

function ensureGrantBuild() {
  const manifest = path.join(GRANT_BUILD, 'manifest.json');
  const main = path.join(EXTENSION_PATH, 'manifest.json');
  if (existsSync(manifest) && (!existsSync(main) || statSync(manifest).mtimeMs >= statSync(main).mtimeMs)) return;
  execFileSync('npx', ['wxt', 'build', '--mode', 'sandbox'], { env: { ...process.env, NODE_ENV: 'production', CMC_E2E_GRANT_DOWNLOADS: '1' }, stdio: 'inherit' });
}

async function backupsIn(dir: string): Promise<Array<{ file: string; records: number }>> {
  const out = [];
  for (const name of await readdir(dir)) {
    try {
      const doc = JSON.parse(await readFile(path.join(dir, name), 'utf8')) as { format?: string; records?: unknown[] };
      if (doc.format === 'cmc-authenticator-backup') out.push({ file: path.join(dir, name), records: doc.records?.length ?? 0 });
    } catch {
      // a download still being written
    }
  }
  return out;
}

test('automatic backups appear in the downloads folder after an enrollment and restore into a fresh profile', async ({ sandbox }) => {
  test.setTimeout(240_000);
  ensureGrantBuild();
  const downloads = await mkdtemp(path.join(os.tmpdir(), 'cmc-e2e-downloads-'));
  const profiles = [await mkdtemp(path.join(os.tmpdir(), 'cmc-e2e-profile-')), await mkdtemp(path.join(os.tmpdir(), 'cmc-e2e-profile-'))];
  const args = ['--host-resolver-rules=MAP *.test 127.0.0.1'];
  let first: BrowserContext | undefined;
  let second: BrowserContext | undefined;
  try {
    first = await launchWithExtension(profiles[0]!, { headless: true, extensionPath: GRANT_BUILD, downloadsPath: downloads, args });
    const id = await extensionIdOf(first);
    await createVault(first, id);
    const options = await first.newPage();
    await options.goto(`chrome-extension://${id}/options.html`);
    await options.getByTestId('auto-backup').check();
    await expect(options.getByTestId('backup-last')).toContainText('0 accounts');
    await expect(options.getByTestId('backup-error')).toHaveCount(0);

    const page = await first.newPage();
    await enrollWithOneClick(page, sandbox, 'alice');
    await expect.poll(async () => (await backupsIn(downloads)).filter((b) => b.records === 1).length, { timeout: 30_000 }).toBeGreaterThan(0);
    await options.reload();
    await expect(options.getByTestId('backup-last')).toContainText('1 account.');
    const backup = (await backupsIn(downloads)).find((b) => b.records === 1)!;
    await first.close();
    first = undefined;

    // A fresh profile, another vault: the file opens with the first vault's passphrase.
    second = await launchWithExtension(profiles[1]!, { headless: true, args });
    const id2 = await extensionIdOf(second);
    await createVault(second, id2, 'a different passphrase');
    const restore = await second.newPage();
    await restore.goto(`chrome-extension://${id2}/options.html`);
    await restore.getByTestId('import-file').setInputFiles(backup.file);
    await restore.getByTestId('import-passphrase').fill(PASSPHRASE);
    await restore.getByTestId('import-preview').click();
    await expect(restore.getByTestId('import-add')).toHaveCount(1);
    await expect(restore.getByTestId('import-add')).toContainText('alice');
    await expect(restore.getByTestId('import-add')).toContainText(sandbox.origin);
    await restore.getByTestId('import-apply').click();
    await expect(restore.getByTestId('import-status')).toContainText('1');
    const popup = await openPopup(second, id2);
    await expect(popup.getByTestId('account')).toHaveCount(1);
    await expectCurrentCode(popup.getByTestId('code'), (await getUserState(sandbox, 'alice')).twoFactor.secret!);
  } finally {
    await first?.close();
    await second?.close();
    for (const dir of [downloads, ...profiles]) await rm(dir, { recursive: true, force: true });
  }
});

test('the backup-health line appears for an account in no backup and clears after its one-click copy', async ({ context, extensionId }) => {
  await createVault(context, extensionId);
  const popup = await openPopup(context, extensionId);
  await expect(popup.getByTestId('first-run-where')).toHaveCount(0);
  await popup.getByTestId('add-account').click();
  await popup.getByTestId('otpauth-uri').fill('otpauth://totp/https://charter.dev.cloudmc.io/:rwalker?secret=JBSWY3DPEHPK3PXP&issuer=https://charter.dev.cloudmc.io/');
  await popup.getByTestId('save-account').click();
  await expect(popup.getByTestId('account')).toHaveCount(1);
  const health = popup.getByTestId('backup-health');
  await expect(health).toContainText('1 account is in no backup yet');
  const [file] = await Promise.all([popup.waitForEvent('download'), health.getByTestId('backup-now').click()]);
  expect(file.suggestedFilename()).toMatch(/^cloudmc-authenticator-backup-.*\.json$/);
  const doc = JSON.parse(await readFile((await file.path())!, 'utf8')) as { format: string; records: unknown[] };
  expect(doc).toMatchObject({ format: 'cmc-authenticator-backup', records: [expect.anything()] });
  await expect(health).toHaveCount(0);
  await popup.reload();
  await expect(popup.getByTestId('account')).toHaveCount(1);
  await expect(popup.getByTestId('backup-health')).toHaveCount(0);
});

test('the first-run screen says where the vault lives and how to keep a copy', async ({ page, extensionId }) => {
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(page.getByTestId('first-run-where')).toContainText('only in this browser profile');
  await expect(page.getByTestId('first-run-where')).toContainText('automatic backups');
});
