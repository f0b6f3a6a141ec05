/**
 * Enrollment beyond the first click: a locked vault, a portal whose clock is off (the first
 * code is refused, the retry measures the clock), regenerate, disable, enroll again, and a
 * QR on a site that is not a CloudMC site.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, getUserState, setSandboxConfig, test } from './fixtures';
import { confirmPassword, login } from '../sandbox/testkit/driver';
import { createVault, expectCurrentCode, lockVault, openPopup, popupBackupCodes, unlockIn } from './support/extension';
import { pressOurButton } from './support/our-button';

async function openEnrollmentStep(page: import('@playwright/test').Page, origin: string) {
  await login(page, `${origin}/login`, 'alice');
  await page.goto(`${origin}/profile/security`);
  await page.locator('#tfa-enable').click();
  await confirmPassword(page);
}

async function manage(page: import('@playwright/test').Page, origin: string) {
  await page.goto(`${origin}/profile/security`);
  await page.locator('#tfa-manage').click();
  await confirmPassword(page);
}

test('locked vault: the click opens the unlock window and the enrollment finishes after unlocking', async ({ context, page, sandbox, extensionId }) => {
  await createVault(context, extensionId);
  await lockVault(context, extensionId);
  await openEnrollmentStep(page, sandbox.origin);

  const unlockWindow = context.waitForEvent('page', (p) => p.url().includes('popup.html?unlock'));
  await pressOurButton(page.getByTestId('cmc-enroll'));
  await unlockIn(await unlockWindow);
  await expect(page.getByTestId('cmc-status')).toContainText(/backup codes saved/i);
  expect((await getUserState(sandbox, 'alice')).twoFactor.enabled).toBe(true);
});

test('a refused code is retried once with the clock measured from the portal', async ({ context, page, sandbox, extensionId }) => {
  await createVault(context, extensionId);
  await setSandboxConfig(sandbox, { clockOffsetSeconds: -120 });
  await openEnrollmentStep(page, sandbox.origin);
  await pressOurButton(page.getByTestId('cmc-enroll'));
  await expect(page.getByTestId('cmc-status')).toContainText(/backup codes saved/i);
  const state = await getUserState(sandbox, 'alice');
  expect(state.twoFactor.enabled).toBe(true);
  expect(state.failedChallenges).toBe(0);
});

test('regenerate replaces the stored backup codes; disable marks the account; enrolling again replaces it', async ({ context, page, sandbox, extensionId }) => {
  await createVault(context, extensionId);
  await openEnrollmentStep(page, sandbox.origin);
  await pressOurButton(page.getByTestId('cmc-enroll'));
  await expect(page.getByTestId('cmc-status')).toContainText(/backup codes saved/i);
  const first = (await getUserState(sandbox, 'alice')).twoFactor;

  // Regenerate: the new list replaces the stored one.
  await manage(page, sandbox.origin);
  await page.locator('#tfa-regenerate').click();
  await expect(page.getByTestId('cmc-status')).toContainText(/new backup codes saved/i);
  const regenerated = (await getUserState(sandbox, 'alice')).twoFactor.backupCodes;
  expect(regenerated).not.toEqual(first.backupCodes);
  let popup = await openPopup(context, extensionId);
  expect((await popupBackupCodes(popup, popup.getByTestId('account'))).map((c) => c.code)).toEqual(regenerated);
  await popup.close();

  // Disable: the account is kept, marked disabled.
  await manage(page, sandbox.origin);
  await page.locator('#tfa-disable').click();
  await expect(page.getByTestId('cmc-status')).toContainText(/disabled/i);
  expect((await getUserState(sandbox, 'alice')).twoFactor.enabled).toBe(false);
  popup = await openPopup(context, extensionId);
  await expect(popup.getByTestId('account')).toHaveCount(1);
  await expect(popup.getByTestId('account')).toHaveClass(/\bdisabled\b/);
  await popup.close();

  // Enroll again: once the portal confirms, the new secret replaces the old account.
  await page.goto(`${sandbox.origin}/profile/security`);
  await page.locator('#tfa-enable').click();
  await confirmPassword(page);
  await pressOurButton(page.getByTestId('cmc-enroll'));
  await expect(page.getByTestId('cmc-status')).toContainText(/backup codes saved/i);
  const second = (await getUserState(sandbox, 'alice')).twoFactor;
  expect(second.secret).not.toBe(first.secret);
  popup = await openPopup(context, extensionId);
  const row = popup.getByTestId('account');
  await expect(row).toHaveCount(1);
  await expectCurrentCode(row.getByTestId('code'), second.secret!);
});

test('a QR on a site that is not a CloudMC site gets no button', async ({ context, page }) => {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html' });
    res.end(
      '<!doctype html><title>Elsewhere</title><form><canvas id="qr" width="200" height="200"></canvas>' +
        '<input autocomplete="one-time-code" inputmode="numeric" maxlength="6"><button type="submit">Enable</button></form>' +
        '<script>const c=document.getElementById("qr").getContext("2d");for(let i=0;i<400;i++){c.fillRect((i%20)*10,Math.floor(i/20)*10,(i*7)%3?10:0,10)}</script>',
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    await page.goto(`http://elsewhere.test:${(server.address() as AddressInfo).port}/`);
    await expect(page).toHaveTitle('Elsewhere');
    await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve)));
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const answering = await worker.evaluate(async () => {
      const tabs = await chrome.tabs.query({});
      const replies = await Promise.all(tabs.map((t) => chrome.tabs.sendMessage(t.id!, { type: 'cs.ping' }).then(() => 1, () => 0)));
      return replies.reduce<number>((a, b) => a + b, 0);
    });
    expect(answering).toBe(0);
    await expect(page.getByTestId('cmc-enroll')).toHaveCount(0);
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});
