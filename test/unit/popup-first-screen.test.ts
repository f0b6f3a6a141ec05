import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openVault, type Account, type AccountList, type Vault } from '@/lib/vault';
import { createFirstScreenStore, FIRST_SCREEN_ORDER_KEY, firstScreen, indexOf, type SessionArea } from '@/lib/background/first-screen';
import { FIRST_SCREEN, FIRST_SCREEN_INDEX_KEY, parseFirstScreenIndex } from '@/lib/messages/protocol';
import { ok } from '@/lib/result';
import { mapStorage } from './support/vault-storage';
import { portalAccount } from './support/accounts';

vi.mock('@/lib/vault/crypto', async (real) => (await import('./support/memo-kdf')).memoizeKdf(await real()));

const PASS = 'correct horse battery staple';

const opened: Vault[] = [];
afterEach(() => {
  for (const v of opened.splice(0)) v.close();
});

/** storage.session as the browser shapes it (records of items), over a Map a test can look into. */
function sessionArea(map = new Map<string, unknown>()): SessionArea & { map: Map<string, unknown> } {
  return {
    map,
    get: async (key) => (map.has(key) ? { [key]: structuredClone(map.get(key)) } : {}),
    set: async (items) => {
      for (const [k, v] of Object.entries(items)) map.set(k, structuredClone(v));
    },
    remove: async (key) => void map.delete(key),
  };
}

let n = 0;
async function unlockedVault() {
  const r = await openVault({ dbName: `first-screen-${++n}-${Math.random()}`, session: mapStorage() });
  if (!r.ok) throw new Error(r.error.message);
  opened.push(r.value);
  expect((await r.value.session.create(PASS)).ok).toBe(true);
  return r.value;
}


const account = (i: number, state: Account['state'] = 'active'): Account => portalAccount(i, {}, state);

async function seeded(count: number, states: Record<number, Account['state']> = {}) {
  const vault = await unlockedVault();
  const accounts: Account[] = [];
  for (let i = 0; i < count; i++) {
    const put = await vault.accounts.put(account(i, states[i] ?? 'active'));
    if (!put.ok) throw new Error(put.error.message);
    accounts.push(put.value);
  }
  return { vault, accounts };
}

describe('the first-screen index', () => {
  it('holds names and order of the first listed accounts, never a secret or a backup code', () => {
    const accounts = Array.from({ length: 12 }, (_, i) => account(i, i === 1 ? 'replaced' : 'active'));
    const index = indexOf(accounts, FIRST_SCREEN);
    expect(index.rows.map((r) => r.user)).toEqual(['user0', ...Array.from({ length: FIRST_SCREEN - 1 }, (_, i) => `user${i + 2}`)]);
    expect(index.more).toBe(true);
    const text = JSON.stringify(index);
    for (const a of accounts) {
      expect(text).not.toContain(a.secret);
      for (const c of a.backupCodes) expect(text).not.toContain(c.code);
    }
    for (const row of index.rows) expect(Object.keys(row).sort()).toEqual(['backup', 'digits', 'id', 'issuer', 'origin', 'period', 'state', 'user']);
    expect(parseFirstScreenIndex(structuredClone(index))).toEqual(index);
  });

  it('says when every account is on the first screen', () => {
    expect(indexOf([account(0), account(1)], FIRST_SCREEN).more).toBe(false);
    expect(indexOf([account(0), account(1, 'replaced')], FIRST_SCREEN).more).toBe(true);
  });

  it('refuses a stored value of the wrong shape', () => {
    expect(parseFirstScreenIndex(undefined)).toBeUndefined();
    expect(parseFirstScreenIndex({ rows: 'x', more: false })).toBeUndefined();
    expect(parseFirstScreenIndex({ rows: [{ id: 1 }], more: false })).toBeUndefined();
  });

  it('is written when the vault keeps a fresh list, removed by a write and by lock', async () => {
    const { vault } = await seeded(3);
    const area = sessionArea();
    const store = createFirstScreenStore(area, { now: Date.now, clockOffset: () => 0 });
    store.follow(vault.accounts, () => vault.session.isUnlocked());

    expect((await vault.accounts.list()).ok).toBe(true);
    expect((await store.read())?.rows.map((r) => r.user)).toEqual(['user0', 'user1', 'user2']);

    // Written, then a write to the accounts: the removal lands after the older write.
    expect((await vault.accounts.put(account(3))).ok).toBe(true);
    expect(await store.read()).toBeUndefined();
    expect(area.map.has(FIRST_SCREEN_INDEX_KEY)).toBe(false);

    expect((await vault.accounts.list()).ok).toBe(true);
    expect((await store.read())?.rows).toHaveLength(4);
    const ids = (await store.read())!.rows.map((r) => r.id);
    expect((await vault.session.lock()).ok).toBe(true);
    expect(await store.read()).toBeUndefined();
    // Only the ids' order outlives the lock (no name, no code): the next unlock decrypts those first.
    expect([...area.map.keys()]).toEqual([FIRST_SCREEN_ORDER_KEY]);
    expect(await store.order()).toEqual({ ids, more: false });
    expect(JSON.stringify([...area.map.values()])).not.toMatch(/user|portal|upcoming|codes/);

    // A write removes the order too (it could name the wrong records).
    expect((await vault.session.unlock(PASS)).ok).toBe(true);
    expect((await vault.accounts.put(account(4))).ok).toBe(true);
    expect(await store.order()).toBeUndefined();
    expect(area.map.size).toBe(0);
  });
});

describe('the list repository', () => {
  it('decrypts once for readers that ask together', async () => {
    const { vault } = await seeded(3);
    expect(vault.accounts.cached()).toBeNull(); // nothing kept right after the writes
    const [a, b] = await Promise.all([vault.accounts.list(), vault.accounts.list()]);
    expect(a.ok && b.ok).toBe(true);
    expect(a.ok && b.ok && a.value === b.value).toBe(true);
    expect(vault.accounts.cached()).toBe(a.ok ? a.value : null);
  });
});

describe('firstScreen', () => {
  const list = (accounts: Account[]): AccountList => ({ accounts, broken: [] });

  /** A repository whose every call is recorded. */
  function repository(opts: { kept?: AccountList | null; stored: Account[] }) {
    const calls: string[] = [];
    return {
      calls,
      cached: () => opts.kept ?? null,
      getMany: async (ids: readonly string[]) => {
        calls.push(`get ${ids.join(' ')}`);
        const found = ids.map((id) => opts.stored.find((x) => x.id === id));
        return found.every((a) => a !== undefined) ? ok(found) : ({ ok: false, error: { code: 'not-found', message: '' } } as const);
      },
      list: async () => {
        calls.push('list');
        return ok(list(opts.stored));
      },
    };
  }
  const noIndex = { order: async () => undefined, write: async () => undefined };
  const orderOf = (ix: ReturnType<typeof indexOf>) => ({ ids: ix.rows.map((r) => r.id), more: ix.more });

  it('slices the kept list when the worker has it (no storage, no decryption)', async () => {
    const stored = Array.from({ length: 20 }, (_, i) => account(i, i === 0 ? 'replaced' : 'active'));
    const repo = repository({ kept: list(stored), stored });
    const written: AccountList[] = [];
    const r = await firstScreen(repo, { ...noIndex, write: async (l) => void written.push(l) }, 8);
    // The kept list is handed to the store, which tops up its codes only when they run low.
    expect(written).toEqual([list(stored)]);
    expect(r.ok && r.value.accounts.map((a) => a.user)).toEqual(Array.from({ length: 8 }, (_, i) => `user${i + 1}`));
    expect(r.ok && r.value.more).toBe(true);
    expect(repo.calls).toEqual([]);
  });

  it('decrypts only the indexed records when the worker lost its list', async () => {
    const stored = Array.from({ length: 20 }, (_, i) => account(i));
    const repo = repository({ stored });
    const index = { ...noIndex, order: async () => orderOf(indexOf(stored, 8)) };
    const r = await firstScreen(repo, index, 8);
    expect(r.ok && r.value.accounts.map((a) => a.id)).toEqual(stored.slice(0, 8).map((a) => a.id));
    expect(r.ok && r.value.more).toBe(true);
    expect(repo.calls).toEqual([`get ${stored.slice(0, 8).map((a) => a.id).join(' ')}`]);
  });

  it('reads the whole list when the index names a record that is gone, or there is no index', async () => {
    const stored = Array.from({ length: 3 }, (_, i) => account(i));
    const stale = indexOf([account(9), ...stored], 8);
    const repo = repository({ stored });
    const r = await firstScreen(repo, { ...noIndex, order: async () => orderOf(stale) }, 8);
    expect(r.ok && r.value.accounts.map((a) => a.user)).toEqual(['user0', 'user1', 'user2']);
    expect(r.ok && r.value.more).toBe(false);
    expect(repo.calls.at(-1)).toBe('list');

    const fresh = repository({ stored });
    expect((await firstScreen(fresh, noIndex, 8)).ok).toBe(true);
    expect(fresh.calls).toEqual(['list']);
  });
});
