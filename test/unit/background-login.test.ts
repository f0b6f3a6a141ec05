/**
 * The login challenge's main paths through createLogin's deps, over a real vault and WXT's fake
 * browser: the code goes only to the origin the account was enrolled on, a locked vault asks
 * to unlock, several accounts give a chooser (narrowed by the user typed), and a code with too
 * little time left waits for the next step.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { TOTP } from 'otpauth';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { TabMessage } from '@/lib/messages/protocol';
import { ReplyError } from '@/lib/messages/router';
import { ORIGIN, SECRET, SETTINGS, login, storeAccount, unlockedVault } from './support/background';

vi.mock('@/lib/vault/crypto', async (real) => (await import('./support/memo-kdf')).memoizeKdf(await real()));

beforeEach(() => fakeBrowser.reset());

/** The code an independent TOTP (otpauth) gives at `at`. */
const codeAt = (at: number) => new TOTP({ secret: SECRET, digits: 6, period: 30, algorithm: 'SHA1' }).generate({ timestamp: at });
const T0 = Date.UTC(2026, 0, 1, 12, 0, 10); // 20 s left in the step
const tab = (tabId: number, origin = ORIGIN) => ({ origin, tabId });

describe('login.challenge', () => {
  it("fills the account's current code on the origin it was enrolled on, and nowhere else", async () => {
    const vault = await unlockedVault();
    await storeAccount(vault);
    const l = login(vault, { now: () => T0 });
    await l.user(tab(3), 'rwalker');
    expect(await l.challenge(tab(3))).toEqual({ status: 'fill', code: codeAt(T0), notBefore: 0, autoSubmit: true });
    // Another portal, even after a password step there: no account, the challenge is left alone.
    const other = 'https://other.cloudmc.example';
    await l.user(tab(4, other), 'rwalker');
    expect(await l.challenge(tab(4, other))).toEqual({ status: 'none' });
  });

  it("refuses a pick of an account that is not this origin's", async () => {
    const vault = await unlockedVault();
    const account = await storeAccount(vault);
    const l = login(vault);
    await expect(l.pick(tab(4, 'https://other.cloudmc.example'), account.id)).rejects.toBeInstanceOf(ReplyError);
  });

  it('a code with 2 s or less left waits for the next step, and is that step’s code', async () => {
    const vault = await unlockedVault();
    await storeAccount(vault);
    const late = Date.UTC(2026, 0, 1, 12, 0, 28);
    const l = login(vault, { now: () => late });
    await l.user(tab(3), 'rwalker');
    const next = Date.UTC(2026, 0, 1, 12, 0, 30);
    expect(await l.challenge(tab(3))).toMatchObject({ status: 'fill', code: codeAt(next), notBefore: next });
  });

  it('autofill off in the options: the challenge is left to the user', async () => {
    const vault = await unlockedVault();
    await storeAccount(vault);
    const l = login(vault, { settings: async () => ({ ...SETTINGS, autofill: false }) });
    await l.user(tab(3), 'rwalker');
    expect(await l.challenge(tab(3))).toEqual({ status: 'off' });
  });
});

describe('a locked vault', () => {
  it('gives no code and no chooser; unlock opens the window, and after it the page looks again', async () => {
    const vault = await unlockedVault();
    const account = await storeAccount(vault);
    expect((await vault.session.lock()).ok).toBe(true);
    let opened = 0;
    const sent: Array<[number, string, TabMessage]> = [];
    const l = login(vault, {
      openUnlock: async () => void opened++,
      sendToTab: async (tabId, origin, message) => void sent.push([tabId, origin, message]),
    });
    await l.user(tab(3), 'rwalker');
    expect(await l.challenge(tab(3))).toEqual({ status: 'locked' });
    expect(await l.pick(tab(3), account.id)).toEqual({ status: 'locked' });
    expect(await l.backup(tab(3))).toEqual({ status: 'locked' });
    await l.unlock(tab(3));
    expect(opened).toBe(1);
    await l.resume();
    expect(sent).toEqual([[3, ORIGIN, { type: 'cs.fillChallenge' }]]);
    // Resumed once: a second resume sends nothing more.
    await l.resume();
    expect(sent).toHaveLength(1);
  });
});

describe('several accounts on one portal', () => {
  it('give a chooser of their names; the user typed at the password step picks one', async () => {
    const vault = await unlockedVault();
    const alice = await storeAccount(vault, { user: 'alice@cloudops.com' });
    const bob = await storeAccount(vault, { user: 'bob@cloudops.com', label: 'Bob (ops)' });
    const l = login(vault, { now: () => T0 });
    const answer = await l.challenge(tab(3));
    expect(answer).toEqual({
      status: 'choose',
      accounts: expect.arrayContaining([
        { id: bob.id, name: 'Bob (ops)' },
        { id: alice.id, name: 'alice@cloudops.com' },
      ]),
    });
    expect(answer.status === 'choose' && answer.accounts).toHaveLength(2);
    // "BOB" typed at the password step (local part, any case): that account, filled.
    await l.user(tab(5), 'BOB');
    expect(await l.challenge(tab(5))).toMatchObject({ status: 'fill', code: codeAt(T0) });
    // A user matching none: the chooser again.
    await l.user(tab(6), 'carol');
    expect(await l.challenge(tab(6))).toMatchObject({ status: 'choose' });
    // The chooser's pick fills, and the login going through makes it the last used account.
    expect(await l.pick(tab(3), alice.id)).toMatchObject({ status: 'fill', code: codeAt(T0) });
    await l.settled(tab(3));
    expect(await l.lastUsed(ORIGIN)).toBe(alice.id);
  });
});
