/**
 * The first-screen index in the toolbar popup's URL: what the background sets with
 * action.setPopup and the popup reads from its location, and the storage area that sends the
 * index there and everything else to storage.session.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openVault, type Account, type Vault } from '@/lib/vault';
import { createFirstScreenStore, FIRST_SCREEN_ORDER_KEY, indexOf, type SessionArea } from '@/lib/background/first-screen';
import { indexInPopup, type ActionPopup } from '@/lib/background/popup-url-index';
import { upcomingOf } from '@/lib/background/upcoming-codes';
import { FIRST_SCREEN_INDEX_KEY, type FirstScreenIndex } from '@/lib/messages/protocol';
import { indexInPopupUrl, popupUrlWith } from '@/lib/messages/popup-url';
import { previewOf } from '@/lib/pages/first-screen-preview';
import { mapStorage } from './support/vault-storage';
import { portalAccount } from './support/accounts';

vi.mock('@/lib/vault/crypto', async (real) => (await import('./support/memo-kdf')).memoizeKdf(await real()));

const ROOT = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/';

/** Names with characters the URL format must carry. */
const account = (i: number): Account => portalAccount(i, { issuer: `Portal "${i}" & co`, user: `user${i}@example.com` });

/** An index with codes, as the background writes it. */
function indexWithCodes(accounts: Account[], now = Date.now()): FirstScreenIndex {
  const labels = indexOf(accounts);
  return { ...labels, rows: labels.rows.map((r, i) => ({ ...r, upcoming: upcomingOf(accounts[i]!, now, 0) })) };
}

/** `browser.action` as Chromium answers: getPopup gives the absolute URL of what setPopup was given. */
function action(initial = 'popup.html') {
  let popup = initial;
  const calls: string[] = [];
  const api: ActionPopup = {
    getPopup: async () => ROOT + popup,
    setPopup: async ({ popup: p }) => {
      calls.push(p);
      popup = p;
    },
  };
  return { api, calls, current: () => ROOT + popup };
}

function sessionArea() {
  const map = new Map<string, unknown>();
  const area: SessionArea = {
    get: async (key) => (map.has(key) ? { [key]: structuredClone(map.get(key)) } : {}),
    set: async (items) => {
      for (const [k, v] of Object.entries(items)) map.set(k, structuredClone(v));
    },
    remove: async (key) => void map.delete(key),
  };
  return { area, map };
}

describe('the popup URL', () => {
  it('carries an index and gives it back, absolute or relative, names with any character', () => {
    const index = indexWithCodes([account(0), account(1), account(2)]);
    const url = popupUrlWith('popup.html', index);
    expect(url.startsWith('popup.html#first=')).toBe(true);
    expect(indexInPopupUrl(url)).toEqual(index);
    expect(indexInPopupUrl(ROOT + url)).toEqual(index);
    // What the popup paints from it: each row's current code.
    const now = Date.now();
    expect(previewOf(indexInPopupUrl(ROOT + url), now)?.accounts.map((a) => a.code)).toEqual(index.rows.map((r) => r.upcoming!.codes[Math.floor((now - r.upcoming!.from) / 30_000)]));
  });

  it('stays short: eight rows with their ten minutes of codes in under 2.5 KB (a longer URL slows the navigation)', () => {
    const accounts = Array.from({ length: 8 }, (_, i) => account(i));
    const index = indexWithCodes(accounts);
    expect(index.rows[0]!.upcoming!.codes.length).toBeGreaterThanOrEqual(20);
    const url = popupUrlWith('popup.html', index);
    expect(url.length).toBeLessThan(2560);
    expect(indexInPopupUrl(url)).toEqual(index);
  });

  it('is the bare page without an index, and a new index replaces the old one', () => {
    const index = indexWithCodes([account(0)]);
    expect(popupUrlWith('popup.html', undefined)).toBe('popup.html');
    expect(popupUrlWith(popupUrlWith('popup.html', index), undefined)).toBe('popup.html');
    expect(indexInPopupUrl(popupUrlWith(popupUrlWith('popup.html', indexWithCodes([account(1)])), index))).toEqual(index);
  });

  it('gives no index for other URLs or a damaged one, never an error', () => {
    const good = popupUrlWith('popup.html', indexWithCodes([account(0)]));
    for (const url of [
      ROOT + 'popup.html',
      ROOT + 'popup.html?unlock=1',
      ROOT + 'popup.html#print=abc',
      ROOT + 'popup.html#first=',
      ROOT + 'popup.html#first=%E0%A4%A', // not decodable
      ROOT + 'popup.html#first=' + encodeURIComponent('{"rows":'), // not JSON
      ROOT + 'popup.html#first=' + encodeURIComponent('{"rows":[{"id":1}],"more":false}'), // not an index
      good.slice(0, good.length - 10), // cut short
    ]) {
      expect(indexInPopupUrl(url)).toBeUndefined();
    }
  });
});

describe('the index in the popup URL, the order in storage.session', () => {
  it('sends the index to setPopup and every other key to storage.session', async () => {
    const a = action();
    const s = sessionArea();
    const area = indexInPopup(s.area, a.api, 'popup.html');
    const index = indexWithCodes([account(0), account(1)]);
    const order = { ids: index.rows.map((r) => r.id), more: false };

    await area.set({ [FIRST_SCREEN_INDEX_KEY]: index, [FIRST_SCREEN_ORDER_KEY]: order });
    expect([...s.map.keys()]).toEqual([FIRST_SCREEN_ORDER_KEY]);
    expect(indexInPopupUrl(a.current())).toEqual(index);
    expect(await area.get(FIRST_SCREEN_INDEX_KEY)).toEqual({ [FIRST_SCREEN_INDEX_KEY]: index });
    expect(await area.get(FIRST_SCREEN_ORDER_KEY)).toEqual({ [FIRST_SCREEN_ORDER_KEY]: order });

    await area.remove(FIRST_SCREEN_INDEX_KEY);
    expect(a.current()).toBe(ROOT + 'popup.html');
    expect(await area.get(FIRST_SCREEN_INDEX_KEY)).toEqual({});
    expect(s.map.has(FIRST_SCREEN_ORDER_KEY)).toBe(true);
    await area.remove(FIRST_SCREEN_ORDER_KEY);
    expect(s.map.size).toBe(0);
  });

  describe('under the first-screen store, following a vault', () => {
    const opened: Vault[] = [];
    afterEach(() => {
      for (const v of opened.splice(0)) v.close();
    });

    it('the popup URL holds the index while unlocked, no secret, and the bare page after lock', async () => {
      const r = await openVault({ dbName: `popup-url-${Math.random()}`, session: mapStorage() });
      if (!r.ok) throw new Error(r.error.message);
      const vault = r.value;
      opened.push(vault);
      expect((await vault.session.create('correct horse battery staple')).ok).toBe(true);
      const accounts = [account(0), account(1), account(2)];
      for (const acc of accounts) expect((await vault.accounts.put(acc)).ok).toBe(true);

      const a = action();
      const s = sessionArea();
      const store = createFirstScreenStore(indexInPopup(s.area, a.api, 'popup.html'), { now: Date.now, clockOffset: () => 0 });
      store.follow(vault.accounts, () => vault.session.isUnlocked());

      expect((await vault.accounts.list()).ok).toBe(true);
      expect((await store.read())?.rows.map((row) => row.user)).toEqual(accounts.map((x) => x.user));
      const url = a.current();
      expect(indexInPopupUrl(url)?.rows).toHaveLength(3);
      for (const acc of accounts) {
        expect(decodeURIComponent(url)).not.toContain(acc.secret);
        for (const c of acc.backupCodes) expect(decodeURIComponent(url)).not.toContain(c.code);
      }
      // A second opening with the same list writes nothing (the popup URL is not set again).
      const writes = a.calls.length;
      await store.write(vault.accounts.cached()!);
      expect(a.calls.length).toBe(writes);

      expect((await vault.session.lock()).ok).toBe(true);
      await store.read();
      expect(a.current()).toBe(ROOT + 'popup.html');
      // The order of the ids stays for the next unlock, in storage.session.
      expect(await store.order()).toEqual({ ids: accounts.map((x) => x.id), more: false });
    });
  });
});
