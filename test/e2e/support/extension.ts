/** Moves on the extension's own pages, shared by the e2e specs. */
import type { BrowserContext, Locator, Page } from '@playwright/test';
import { Secret, TOTP } from 'otpauth';
import { expect } from '../fixtures';

export const PASSPHRASE = 'correct horse battery staple';

export const popupUrl = (extensionId: string) => `chrome-extension://${extensionId}/popup.html`;

/** Opens the popup as a tab of `context`. */
export async function openPopup(context: BrowserContext, extensionId: string): Promise<Page> {
  const popup = await context.newPage();
  await popup.goto(popupUrl(extensionId));
  return popup;
}

/** First run: creates the vault (left unlocked) and closes the popup tab. */
export async function createVault(context: BrowserContext, extensionId: string, passphrase = PASSPHRASE): Promise<void> {
  const popup = await openPopup(context, extensionId);
  await popup.getByTestId('new-passphrase').fill(passphrase);
  await popup.getByTestId('confirm-passphrase').fill(passphrase);
  await popup.getByTestId('create-vault').click();
  await expect(popup.getByTestId('lock')).toBeVisible();
  await popup.close();
}

/** Locks the vault from the popup and closes it. */
export async function lockVault(context: BrowserContext, extensionId: string): Promise<void> {
  const popup = await openPopup(context, extensionId);
  await popup.getByTestId('lock').click();
  await expect(popup.getByTestId('passphrase')).toBeVisible();
  await popup.close();
}

/** Unlocks in a page that shows the unlock form (the popup, or the window the extension opened). */
export async function unlockIn(page: Page, passphrase = PASSPHRASE): Promise<void> {
  await page.getByTestId('passphrase').fill(passphrase);
  await page.getByTestId('unlock').click();
}

const totp = (secret: string, timestamp: number) =>
  TOTP.generate({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30, timestamp });

/** The code shown is the one of the current step (or, read right at a boundary, the previous one). */
export async function expectCurrentCode(code: Locator, secret: string): Promise<void> {
  await expect
    .poll(async () => {
      const shown = (await code.innerText()).replace(/\s/g, '');
      const now = Date.now();
      const valid = [totp(secret, now), totp(secret, now - 30_000)];
      return valid.includes(shown) ? 'current' : `${shown} not in ${valid.join('/')}`;
    })
    .toBe('current');
}

/** The backup codes the popup shows for the account row, with their used marks. */
export async function popupBackupCodes(popup: Page, row: Locator): Promise<Array<{ code: string; used: boolean }>> {
  await row.getByTestId('show-backup-codes').click();
  const items = popup.getByTestId('backup-code');
  await expect(items.first()).toBeVisible();
  const out: Array<{ code: string; used: boolean }> = [];
  for (const item of await items.all()) {
    const code = ((await item.innerText()).match(/\d{8}/) ?? [''])[0];
    out.push({ code, used: (await item.getAttribute('data-used')) === 'true' });
  }
  return out;
}

/** Stops the extension's service worker the way Chrome does when it idles (CDP ServiceWorker.stopAllWorkers), and waits until it has. */
export async function stopWorker(context: BrowserContext, page: Page): Promise<void> {
  const cdp = await context.newCDPSession(page);
  const stopped = new Promise<void>((resolve) =>
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      if (versions.some((v) => v.runningStatus === 'stopped')) resolve();
    }),
  );
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await stopped;
}
