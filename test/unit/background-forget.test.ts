/**
 * Issue 10, item 7: what the background keeps in storage.session (logins per tab, pending
 * enrollments, accounts last used, user names) holds no code, goes with lock, and goes with
 * its tab.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { forgetClosedTabs, forgetOnLock } from '@/lib/background/forget';
import { CODES, ORIGIN, enrollment, login, sessionText, storeAccount, unlockedVault } from './support/background';

vi.mock('@/lib/vault/crypto', async (real) => (await import('./support/memo-kdf')).memoizeKdf(await real()));

const tab = (tabId: number) => ({ origin: ORIGIN, tabId });

beforeEach(() => fakeBrowser.reset());

describe('storage.session after login and enrollment', () => {
  it('a backup code handed out is kept as an index, never as the code, and still marked used', async () => {
    const vault = await unlockedVault();
    const account = await storeAccount(vault);
    const sent: object[] = [];
    let window = '';
    const l = login(vault, { openBackupConfirm: async (id) => void (window = id), sendToTab: async (_t, _o, m) => void sent.push(m) });
    // The page gets no code; the user's Fill in the extension window sends it (issue 10, item 2).
    expect(await l.backup(tab(3))).toEqual({ status: 'confirm' });
    expect(await l.backupConfirm(window)).toEqual({ filled: true });
    expect(sent).toEqual([{ type: 'cs.backupCode', code: CODES[0] }]);
    const text = await sessionText();
    for (const code of CODES) expect(text).not.toContain(code);
    await l.settled(tab(3));
    const after = await vault.accounts.get(account.id);
    expect(after.ok && after.value.backupCodes.map((c) => c.used)).toEqual([true, false, false, false, false, false, false, false]);
  });

  it('lock forgets every tab login, user name, last used account and pending enrollment', async () => {
    const vault = await unlockedVault();
    await storeAccount(vault);
    const [l, e] = [login(vault), enrollment(vault)];
    const forgotten = forgetOnLock(vault.session, [l, e]);
    await l.user(tab(3), 'rwalker');
    await l.challenge(tab(3));
    await l.settled(tab(3));
    await l.user(tab(4), 'someone-else');
    await e.begin(tab(5), 'data:image/png;base64,', null);
    expect(await sessionText()).toContain('someone-else');
    expect(await l.lastUsed(ORIGIN)).toBeDefined();
    await vault.session.lock();
    await forgotten();
    expect(await sessionText()).toBe('{}');
  });

  it('a closed tab leaves nothing behind', async () => {
    const vault = await unlockedVault();
    await storeAccount(vault);
    const [l, e] = [login(vault), enrollment(vault)];
    forgetClosedTabs([l, e]);
    await l.user(tab(3), 'rwalker');
    await l.user(tab(4), 'kept');
    await e.begin(tab(3), 'data:image/png;base64,', null);
    await fakeBrowser.tabs.onRemoved.trigger(3, { windowId: 1, isWindowClosing: false });
    const text = await sessionText();
    expect(text).toContain('kept');
    expect(text).not.toContain('rwalker');
    expect(text).not.toContain('"3 ');
  });
});
