/**
 * Issue 10, item 4: the code is filled (and submitted) by itself only on a challenge reached
 * from a password step in this tab; elsewhere the page gets a button (a one-account chooser).
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PASSWORD_STEP_MS } from '@/lib/background/login';
import { ORIGIN, login, storeAccount, unlockedVault } from './support/background';

vi.mock('@/lib/vault/crypto', async (real) => (await import('./support/memo-kdf')).memoizeKdf(await real()));

beforeEach(() => fakeBrowser.reset());

describe('login.challenge', () => {
  it('without a password step in this tab: a button, not a fill', async () => {
    const vault = await unlockedVault();
    const account = await storeAccount(vault);
    const l = login(vault);
    expect(await l.challenge({ origin: ORIGIN, tabId: 3 })).toEqual({ status: 'choose', accounts: [{ id: account.id, name: account.user }] });
    // The password step happened in another tab: still a button here.
    await l.user({ origin: ORIGIN, tabId: 4 }, 'rwalker');
    expect(await l.challenge({ origin: ORIGIN, tabId: 3 })).toMatchObject({ status: 'choose' });
    // The button's click (login.pick) fills.
    expect(await l.pick({ origin: ORIGIN, tabId: 3 }, account.id)).toMatchObject({ status: 'fill' });
  });

  it('after a password step in this tab: filled', async () => {
    const vault = await unlockedVault();
    await storeAccount(vault);
    const l = login(vault);
    await l.user({ origin: ORIGIN, tabId: 3 }, 'rwalker');
    expect(await l.challenge({ origin: ORIGIN, tabId: 3 })).toMatchObject({ status: 'fill' });
  });

  it('a password step long ago no longer counts', async () => {
    const vault = await unlockedVault();
    await storeAccount(vault);
    let clock = Date.now();
    const l = login(vault, { now: () => clock });
    await l.user({ origin: ORIGIN, tabId: 3 }, 'rwalker');
    clock += PASSWORD_STEP_MS;
    expect(await l.challenge({ origin: ORIGIN, tabId: 3 })).toMatchObject({ status: 'choose' });
  });
});
