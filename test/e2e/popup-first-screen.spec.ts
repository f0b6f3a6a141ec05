/**
 * The popup's first screen: the rows that fit first, the rest once painted; the first-screen
 * index the background keeps in storage.session (names and order, never a secret or a code),
 * which lock removes; and a popup opened on a stopped worker, answered from that index.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { createVault, expectCurrentCode, lockVault, openPopup } from './support/extension';

const SECRETS = Array.from({ length: 12 }, (_, i) => 'JBSWY3DPEHPK3PX' + 'ABCDEFGHIJKL'[i]);
const INDEX_KEY = 'popup.firstScreenIndex';
const FIRST_SCREEN = 8;

/** 12 accounts, user<i> with SECRETS[i], imported as a plaintext otpauth list (one batch: the list orders them by time, then id). */
async function seed(popup: Page): Promise<void> {
  const file = SECRETS.map((s, i) => `otpauth://totp/https://portal${i}.example.com/:user${i}?secret=${s}&issuer=https://portal${i}.example.com/`).join('\n');
  const reply = (await popup.evaluate((f) => chrome.runtime.sendMessage({ type: 'import.apply', file: f }), file)) as { ok: boolean };
  expect(reply.ok).toBe(true);
}

const storedIndex = (page: Page) =>
  page.evaluate((k) => chrome.storage.session.get(k).then((items) => (items[k] ?? null) as { rows: Array<{ user: string }>; more: boolean } | null), INDEX_KEY);

/** The popup with the 12 accounts, and their users in the order it lists them. */
async function seededPopup(context: BrowserContext, extensionId: string): Promise<{ popup: Page; users: string[] }> {
  await createVault(context, extensionId);
  const popup = await openPopup(context, extensionId);
  await seed(popup);
  await popup.reload();
  await expect(popup.getByTestId('account')).toHaveCount(12);
  const users = await popup.getByTestId('account').locator('.acct-user').allInnerTexts();
  expect([...users].sort()).toEqual(SECRETS.map((_, i) => `user${i}`).sort());
  return { popup, users };
}

const secretOf = (user: string) => SECRETS[Number(user.replace('user', ''))]!;

test('every account is listed after the first screen; the index names the first ones, holds no secret, and lock removes it', async ({ context, extensionId }) => {
  const { popup, users } = await seededPopup(context, extensionId);
  for (const i of [0, 11]) await expectCurrentCode(popup.getByTestId('code').nth(i), secretOf(users[i]!));

  await expect.poll(async () => (await storedIndex(popup))?.rows.map((r) => r.user)).toEqual(users.slice(0, FIRST_SCREEN));
  const index = await storedIndex(popup);
  expect(index?.more).toBe(true);
  const text = JSON.stringify(index);
  for (const s of SECRETS) expect(text).not.toContain(s);
  expect(text).not.toMatch(/"(code|nextCode|secret|backupCodes)"/);

  await lockVault(context, extensionId);
  expect(await storedIndex(popup)).toBeNull();
});

test('a popup opened on a stopped worker shows the first screen in order with the right codes', async ({ context, extensionId }) => {
  const { popup, users } = await seededPopup(context, extensionId);
  await expect.poll(async () => (await storedIndex(popup))?.rows.length).toBe(FIRST_SCREEN);

  const cdp = await context.newCDPSession(popup);
  const stopped = new Promise<void>((resolve) =>
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      if (versions.some((v) => v.runningStatus === 'stopped')) resolve();
    }),
  );
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await stopped;

  await popup.reload();
  const rows = popup.getByTestId('account');
  await expect(rows).toHaveCount(12);
  for (let i = 0; i < FIRST_SCREEN; i++) {
    await expect(rows.nth(i).locator('.acct-user')).toHaveText(users[i]!);
    await expectCurrentCode(rows.nth(i).getByTestId('code'), secretOf(users[i]!));
  }
});
