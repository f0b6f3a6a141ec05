/**
 * Issue 10, item 2: a page's "Fill a backup code" gives the page no code. The background opens
 * an extension window naming the account and the host; only its Fill (a UI message) sends the
 * code to the tab and document that asked. Cancel, expiry, reuse and a page's own attempt to
 * confirm send nothing; the code is marked used only once the login went through.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BACKUP_CONFIRM_MS } from '@/lib/background/backup-requests';
import { createPageHandlers } from '@/lib/background/page-handlers';
import { createRouter } from '@/lib/messages/router';
import type { Vault } from '@/lib/vault';
import { CODES, ORIGIN, enrollment, login, storeAccount, uiHandlers, unlockedVault } from './support/background';

vi.mock('@/lib/vault/crypto', async (real) => (await import('./support/memo-kdf')).memoizeKdf(await real()));

beforeEach(() => fakeBrowser.reset());

const EXT = 'chrome-extension://abcdefghijklmnop';
const env = {
  extensionId: 'abcdefghijklmnop',
  extensionOrigin: EXT,
  isEnabledOrigin: (o: string) => o === ORIGIN || o === 'https://evil.example',
};
const fromPage = (tabId: number, origin = ORIGIN, documentId = `doc-${tabId}`) => ({
  id: env.extensionId,
  url: `${origin}/login`,
  origin,
  frameId: 0,
  documentId,
  tab: { id: tabId, url: `${origin}/login` },
});
const fromWindow = { id: env.extensionId, url: `${EXT}/popup.html?backup=x`, origin: EXT };

interface Sent {
  tabId: number;
  origin: string;
  message: { type: string; code?: string };
  documentId?: string;
}

/** The background's two handler tables behind the real router, with the window and tab sends recorded. */
async function setup(over: { now?: () => number } = {}) {
  const vault = await unlockedVault();
  const account = await storeAccount(vault);
  const sent: Sent[] = [];
  const windows: string[] = [];
  const l = login(vault, {
    ...over,
    openBackupConfirm: async (id) => void windows.push(id),
    sendToTab: async (tabId, origin, message, documentId) =>
      void sent.push({ tabId, origin, message: message as Sent['message'], documentId }),
  });
  // The UI handlers with the login's backup fill wired, as entrypoints/background.ts does.
  const ui = uiHandlers(vault, { backupFill: l });
  const route = createRouter({
    env: () => env,
    ui,
    page: createPageHandlers({ enrollment: enrollment(vault), login: l, injectPageUi: async () => {} }),
  });
  return { vault, account, l, route, sent, windows };
}

async function usedCodes(vault: Vault, id: string): Promise<string[]> {
  const r = await vault.accounts.get(id);
  if (!r.ok) throw new Error(r.error.message);
  return r.value.backupCodes.filter((c) => c.used).map((c) => c.code);
}

describe('login.backup asks in an extension window', () => {
  it('gives the page no code; the window shows account and host; only its Fill sends the code to that tab and document', async () => {
    const { vault, account, route, sent, windows } = await setup();
    const answer = await route({ type: 'login.backup' }, fromPage(7));
    expect(answer).toEqual({ ok: true, value: { status: 'confirm' } });
    expect(JSON.stringify(answer)).not.toMatch(/\d{8}/);
    expect(sent).toEqual([]);
    expect(windows).toHaveLength(1);
    const id = windows[0]!;

    expect(await route({ type: 'login.backupPending', id }, fromWindow)).toEqual({
      ok: true,
      value: { account: 'rwalker@cloudops.com', host: 'charter.dev.cloudmc.io', origin: ORIGIN },
    });
    expect(sent).toEqual([]);

    // A page cannot confirm, whatever it writes: the page table has no such message.
    const forged = await route({ type: 'login.backupConfirm', id }, fromPage(7));
    expect(forged).toMatchObject({ ok: false, error: { code: 'unknown-message' } });
    expect(sent).toEqual([]);

    expect(await route({ type: 'login.backupConfirm', id }, fromWindow)).toEqual({ ok: true, value: { filled: true } });
    expect(sent).toEqual([{ tabId: 7, origin: ORIGIN, message: { type: 'cs.backupCode', code: CODES[0] }, documentId: 'doc-7' }]);

    // Single use.
    expect(await route({ type: 'login.backupConfirm', id }, fromWindow)).toMatchObject({
      ok: false,
      error: { code: 'backup-expired' },
    });
    expect(sent).toHaveLength(1);

    // Marked used only once the login went through.
    expect(await usedCodes(vault, account.id)).toEqual([]);
    await route({ type: 'login.settled' }, fromPage(7));
    expect(await usedCodes(vault, account.id)).toEqual([CODES[0]]);
  });

  it('Cancel sends nothing and spends the request', async () => {
    const { vault, account, route, sent, windows } = await setup();
    await route({ type: 'login.backup' }, fromPage(7));
    const id = windows[0]!;
    expect(await route({ type: 'login.backupCancel', id }, fromWindow)).toEqual({ ok: true, value: {} });
    expect(await route({ type: 'login.backupConfirm', id }, fromWindow)).toMatchObject({
      ok: false,
      error: { code: 'backup-expired' },
    });
    expect(sent).toEqual([]);
    await route({ type: 'login.settled' }, fromPage(7));
    expect(await usedCodes(vault, account.id)).toEqual([]);
  });

  it('an expired request sends nothing', async () => {
    let clock = Date.now();
    const { route, sent, windows } = await setup({ now: () => clock });
    await route({ type: 'login.backup' }, fromPage(7));
    clock += BACKUP_CONFIRM_MS;
    const id = windows[0]!;
    expect(await route({ type: 'login.backupPending', id }, fromWindow)).toMatchObject({
      ok: false,
      error: { code: 'backup-expired' },
    });
    expect(await route({ type: 'login.backupConfirm', id }, fromWindow)).toMatchObject({
      ok: false,
      error: { code: 'backup-expired' },
    });
    expect(sent).toEqual([]);
  });

  it('a later request of the same tab replaces the earlier one; other tabs keep their own', async () => {
    const { route, sent, windows } = await setup();
    await route({ type: 'login.backup' }, fromPage(7));
    await route({ type: 'login.backup' }, fromPage(7, ORIGIN, 'doc-7b'));
    await route({ type: 'login.backup' }, fromPage(8));
    const [first, second, other] = windows;
    expect(await route({ type: 'login.backupConfirm', id: first! }, fromWindow)).toMatchObject({
      ok: false,
      error: { code: 'backup-expired' },
    });
    expect(sent).toEqual([]);
    expect(await route({ type: 'login.backupConfirm', id: second! }, fromWindow)).toEqual({ ok: true, value: { filled: true } });
    expect(await route({ type: 'login.backupConfirm', id: other! }, fromWindow)).toEqual({ ok: true, value: { filled: true } });
    expect(sent.map((s) => [s.tabId, s.documentId])).toEqual([
      [7, 'doc-7b'],
      [8, 'doc-8'],
    ]);
  });

  it('an unknown id, lock and a closed tab send nothing', async () => {
    const { l, route, sent, windows, vault } = await setup();
    expect(await route({ type: 'login.backupConfirm', id: 'guess' }, fromWindow)).toMatchObject({
      ok: false,
      error: { code: 'backup-expired' },
    });
    await route({ type: 'login.backup' }, fromPage(7));
    await l.forgetTab(7);
    expect(await route({ type: 'login.backupConfirm', id: windows[0]! }, fromWindow)).toMatchObject({ ok: false });
    await route({ type: 'login.backup' }, fromPage(8));
    await l.forget(); // lock
    expect(await route({ type: 'login.backupConfirm', id: windows[1]! }, fromWindow)).toMatchObject({ ok: false });
    expect(sent).toEqual([]);
    expect(vault.session.isUnlocked()).toBe(true);
  });

  it('a page of another origin gets no window (no account there)', async () => {
    const { route, sent, windows } = await setup();
    expect(await route({ type: 'login.backup' }, fromPage(9, 'https://evil.example'))).toEqual({
      ok: true,
      value: { status: 'none' },
    });
    expect(windows).toEqual([]);
    expect(sent).toEqual([]);
  });
});
