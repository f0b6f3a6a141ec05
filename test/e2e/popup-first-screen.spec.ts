/**
 * The popup's first screen: the rows that fit first, the rest once painted; the first-screen
 * index the background keeps in the toolbar popup's URL (names, order and the next minutes of
 * codes, never a secret or a backup code), which lock removes; and the popup the toolbar opens
 * on a stopped worker, which shows the codes from that index before the worker answers.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { totpAt } from '../sandbox/testkit/otp';
import { indexInPopupUrl } from '../../lib/messages/popup-url';
import { createVault, expectCurrentCode, lockVault, openPopup, popupUrl, stopWorker } from './support/extension';

const SECRETS = Array.from({ length: 12 }, (_, i) => 'JBSWY3DPEHPK3PX' + 'ABCDEFGHIJKL'[i]);
const FIRST_SCREEN = 8;

/** 12 accounts, user<i> with SECRETS[i], imported as a plaintext otpauth list (one batch: the list orders them by time, then id). */
async function seed(popup: Page): Promise<void> {
  const file = SECRETS.map((s, i) => `otpauth://totp/https://portal${i}.example.com/:user${i}?secret=${s}&issuer=https://portal${i}.example.com/`).join('\n');
  const reply = (await popup.evaluate((f) => chrome.runtime.sendMessage({ type: 'import.apply', file: f }), file)) as { ok: boolean };
  expect(reply.ok).toBe(true);
}

/** What the toolbar button opens now (action.getPopup, asked from one of our pages). */
const toolbarPopupUrl = (page: Page) => page.evaluate(() => chrome.action.getPopup({}));
/** The index the toolbar's popup URL carries (its codec has unit tests of its own), or null. */
const storedIndex = async (page: Page) => indexInPopupUrl(await toolbarPopupUrl(page)) ?? null;

/** Installed before the popup's scripts: the background never answers the list or the status (a worker still starting). */
const NO_ANSWER = `(() => {
  const send = chrome.runtime.sendMessage.bind(chrome.runtime);
  chrome.runtime.sendMessage = (m, ...rest) =>
    m && (m.type === 'accounts.list' || m.type === 'vault.status') ? new Promise(() => {}) : send(m, ...rest);
})();`;

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
  expect(text).not.toMatch(/"(secret|backupCodes|key)"/);
  // Each row's codes are that account's TOTP codes, step by step from the current one.
  for (const row of index!.rows) {
    const u = row.upcoming!;
    expect(u.codes.length).toBeGreaterThan(20);
    u.codes.forEach((c, k) => expect(c).toBe(totpAt(secretOf(row.user), u.from + k * row.period * 1000)));
  }

  await lockVault(context, extensionId);
  expect(await storedIndex(popup)).toBeNull();
});

test('a popup opened on a stopped worker shows the first screen in order with the right codes', async ({ context, extensionId }) => {
  const { popup, users } = await seededPopup(context, extensionId);
  await expect.poll(async () => (await storedIndex(popup))?.rows.length).toBe(FIRST_SCREEN);

  await stopWorker(context, popup);
  await popup.goto(await toolbarPopupUrl(popup));
  const rows = popup.getByTestId('account');
  await expect(rows).toHaveCount(12);
  for (let i = 0; i < FIRST_SCREEN; i++) {
    await expect(rows.nth(i).locator('.acct-user')).toHaveText(users[i]!);
    await expectCurrentCode(rows.nth(i).getByTestId('code'), secretOf(users[i]!));
  }
});

test('the stored codes alone paint the first screen: the right code on every row before the background answers', async ({ context, extensionId }) => {
  const { popup, users } = await seededPopup(context, extensionId);
  await expect.poll(async () => (await storedIndex(popup))?.rows.length).toBe(FIRST_SCREEN);
  const url = await toolbarPopupUrl(popup);
  await stopWorker(context, popup);

  const page = await context.newPage();
  await page.addInitScript(NO_ANSWER);
  await page.goto(url);
  const rows = page.getByTestId('account');
  await expect(rows).toHaveCount(FIRST_SCREEN);
  for (let i = 0; i < FIRST_SCREEN; i++) {
    await expect(rows.nth(i).locator('.acct-user')).toHaveText(users[i]!);
    await expectCurrentCode(rows.nth(i).getByTestId('code'), secretOf(users[i]!));
  }
});

test('a locked vault leaves no code to show: the popup on a stopped worker asks for the passphrase', async ({ context, extensionId }) => {
  const { popup } = await seededPopup(context, extensionId);
  await expect.poll(async () => (await storedIndex(popup))?.rows.length).toBe(FIRST_SCREEN);
  await lockVault(context, extensionId);
  expect(await storedIndex(popup)).toBeNull();
  const url = await toolbarPopupUrl(popup);
  expect(url).toBe(popupUrl(extensionId));
  await stopWorker(context, popup);

  // Even with the background silent, there is nothing to paint: the popup renders its first
  // frame from what it was opened with (the bar alone), and no row.
  const silent = await context.newPage();
  await silent.addInitScript(NO_ANSWER);
  await silent.goto(url);
  await expect(silent.locator('.popup')).toBeVisible();
  await silent.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await expect(silent.getByTestId('account')).toHaveCount(0);

  await popup.reload();
  await expect(popup.getByTestId('passphrase')).toBeVisible();
  await expect(popup.getByTestId('account')).toHaveCount(0);
});
