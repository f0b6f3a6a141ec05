/**
 * Fault injection: the browser stops the extension at the worst moments. IndexedDB commits a
 * transaction whole or not at all; these tests check that the vault relies on that correctly:
 * after a write (or a passphrase change) interrupted at each point where it can be, a NEW vault
 * over the same database finds the old state or the new one, intact, never a mix, and every
 * other record as it was.
 *
 * "Interrupted" is simulated at the IndexedDB API the vault calls (idb wraps the native
 * objects, so patching the prototypes reaches them): the connection is gone before the
 * transaction starts, the request throws (quota), the transaction aborts after the request
 * was issued, or after it succeeded but before the commit (what a killed process amounts to),
 * or the process dies right after the commit.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { openDB } from 'idb';
import { createAccount, openVault, type Account, type SessionStorageLike, type Vault } from '@/lib/vault';
import { mapStorage, rawDump, writeRawHeader } from './support/vault-storage';

// The KDF is deterministic: memoised, it changes no answer and keeps the runs fast.
vi.mock('@/lib/vault/crypto', async (real) => (await import('./support/memo-kdf')).memoizeKdf(await real()));

const PASS = 'correct horse battery staple';
const NEXT = 'a brand new passphrase';


const opened: Vault[] = [];
afterEach(() => {
  for (const v of opened.splice(0)) v.close();
  restorePatches();
});

async function open(dbName: string, storage: SessionStorageLike): Promise<Vault> {
  const r = await openVault({ dbName, session: storage });
  if (!r.ok) throw new Error(r.error.message);
  opened.push(r.value);
  return r.value;
}


function account(i: number, overrides: Partial<Account> = {}): Account {
  const a = createAccount(
    {
      params: { secret: 'WMN2B6O54ADDPUHJ', algorithm: 'SHA1', digits: 6, period: 30, issuer: `https://p${i}.cloudmc.io/`, user: `user${i}@x.io` },
      origin: `https://p${i}.cloudmc.io`,
      state: 'active',
      backupCodes: Array.from({ length: 8 }, (_, j) => ({ code: String(30_000_000 + 1_000 * i + j), used: false })),
    },
    1_700_000_000_000 + i,
  );
  if (!a.ok) throw new Error(a.error.message);
  return { ...a.value, ...overrides };
}

// ---- fault injection --------------------------------------------------------------------

type Point = 'connection-gone' | 'request-throws' | 'abort-after-request' | 'abort-after-success' | 'killed-after-commit';
const POINTS: Point[] = ['connection-gone', 'request-throws', 'abort-after-request', 'abort-after-success', 'killed-after-commit'];

const patches: (() => void)[] = [];
function restorePatches() {
  for (const undo of patches.splice(0).reverse()) undo();
}
function patch<T extends object, K extends keyof T>(proto: T, key: K, make: (original: T[K]) => T[K]) {
  const original = proto[key];
  proto[key] = make(original);
  patches.push(() => {
    proto[key] = original;
  });
}

/**
 * Arms one fault for the next readwrite write to `store` (a put or a delete). `onFired` runs
 * when it fires; `after` (for killed-after-commit) when the transaction has committed.
 */
function arm(point: Point, store: 'records' | 'meta', after?: () => void): { fired: () => boolean } {
  let fired = false;
  const once = () => !fired && (fired = true);
  if (point === 'connection-gone') {
    patch(IDBDatabase.prototype, 'transaction', (original) =>
      function (this: IDBDatabase, names: string | string[], mode?: IDBTransactionMode, ...rest: unknown[]) {
        if (mode === 'readwrite' && [names].flat().includes(store) && once()) {
          throw new DOMException('The database connection is closing.', 'InvalidStateError');
        }
        return (original as (...a: unknown[]) => IDBTransaction).call(this, names, mode, ...rest);
      } as IDBDatabase['transaction'],
    );
  } else {
    for (const method of ['put', 'delete'] as const) {
      patch(IDBObjectStore.prototype, method, (original) =>
        function (this: IDBObjectStore, ...args: unknown[]) {
          const hit = this.name === store && this.transaction.mode === 'readwrite' && once();
          if (hit && point === 'request-throws') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
          const request = (original as (...a: unknown[]) => IDBRequest).apply(this, args);
          if (!hit) return request;
          const tx = this.transaction;
          if (point === 'abort-after-request') tx.abort();
          if (point === 'abort-after-success') request.addEventListener('success', () => tx.abort());
          if (point === 'killed-after-commit') tx.addEventListener('complete', () => after?.());
          return request;
        } as never,
      );
    }
  }
  return { fired: () => fired };
}

// ---- service worker stopped in the middle of a write ------------------------------------

describe('service worker stopped in the middle of a write', () => {
  // One vault is created (one key derivation); each test gets a copy of its database and of
  // its session storage, as if the same unlocked vault were running in a new database.
  let template: { header: unknown; records: unknown[]; key: unknown; accounts: readonly Account[] };
  beforeAll(async () => {
    const dbName = `fault-write-template-${Math.random()}`;
    const storage = mapStorage();
    const vault = await open(dbName, storage);
    expect((await vault.session.create(PASS)).ok).toBe(true);
    for (const a of [account(0), account(1), account(2)]) expect((await vault.accounts.put(a)).ok).toBe(true);
    const stored = await vault.accounts.list();
    if (!stored.ok) throw new Error(stored.error.message);
    const raw = await rawDump(dbName);
    template = { header: raw.meta[0], records: raw.records, key: storage.map.get(`${dbName}:dataKey`), accounts: stored.value.accounts };
  });

  const setup = async () => {
    const dbName = `fault-write-${Math.random()}`;
    const db = await openDB(dbName, 1, {
      upgrade(d) {
        d.createObjectStore('meta');
        d.createObjectStore('records', { keyPath: 'id' });
      },
    });
    await db.put('meta', template.header, 'header');
    for (const r of template.records) await db.put('records', r);
    db.close();
    const storage = mapStorage(new Map([[`${dbName}:dataKey`, template.key]]));
    const vault = await open(dbName, storage);
    expect(vault.session.isUnlocked()).toBe(true);
    return { dbName, storage, vault, accounts: [...template.accounts] };
  };

  /** The worker's next life: a new vault over the same database and the same session storage. */
  async function nextLife(dbName: string, storage: SessionStorageLike, old: Vault) {
    old.close();
    const v = await open(dbName, storage);
    expect(v.session.isUnlocked()).toBe(true);
    return v;
  }

  type Op = { name: string; run: (v: Vault, accounts: Account[]) => Promise<{ ok: boolean }>; target: (accounts: Account[]) => string; next: (accounts: Account[]) => Partial<Account> | null };
  const ops: Op[] = [
    {
      name: 'put of a new account',
      run: (v) => v.accounts.put(account(9, { id: 'new-account' })),
      target: () => 'new-account',
      next: () => ({ ...account(9, { id: 'new-account' }) }),
    },
    {
      name: 'put replacing an account',
      run: (v, a) => v.accounts.put({ ...a[1]!, label: 'replaced', state: 'disabled' }),
      target: (a) => a[1]!.id,
      next: (a) => ({ ...a[1]!, label: 'replaced', state: 'disabled' }),
    },
    {
      name: 'update marking a backup code used',
      run: (v, a) => v.accounts.update(a[1]!.id, (x) => ({ ...x, backupCodes: x.backupCodes.map((c, i) => (i === 3 ? { ...c, used: true } : c)) })),
      target: (a) => a[1]!.id,
      next: (a) => ({ ...a[1]!, backupCodes: a[1]!.backupCodes.map((c, i) => (i === 3 ? { ...c, used: true } : c)) }),
    },
    {
      name: 'delete',
      run: (v, a) => v.accounts.delete(a[1]!.id),
      target: (a) => a[1]!.id,
      next: () => null,
    },
  ];

  for (const op of ops) {
    for (const point of POINTS) {
      it(`${op.name}, ${point}: the next life finds the ${point === 'killed-after-commit' ? 'new' : 'old'} record whole, and the others untouched`, async () => {
        const { dbName, storage, vault, accounts } = await setup();
        const id = op.target(accounts);
        const old = accounts.find((a) => a.id === id);
        const others = accounts.filter((a) => a.id !== id);
        const othersRaw = (await rawDump(dbName)).records.filter((r) => (r as { id: string }).id !== id);

        const fault = arm(point, 'records');
        const result = await op.run(vault, accounts);
        restorePatches();
        expect(fault.fired()).toBe(true);
        expect(result.ok).toBe(point === 'killed-after-commit');
        if (!result.ok) expect(result).toMatchObject({ error: { code: 'storage-error' } });

        const v = await nextLife(dbName, storage, vault);
        const got = await v.accounts.get(id);
        const expected = point === 'killed-after-commit' ? op.next(accounts) : old;
        if (expected) {
          // updatedAt is stamped by the write: compare everything else.
          expect(got.ok).toBe(true);
          if (got.ok) expect({ ...got.value, updatedAt: 0 }).toEqual({ ...expected, updatedAt: 0 });
        } else {
          expect(got).toMatchObject({ ok: false, error: { code: 'not-found' } });
        }
        const list = await v.accounts.list();
        expect(list.ok && list.value.broken).toEqual([]);
        for (const o of others) expect(await v.accounts.get(o.id)).toEqual({ ok: true, value: o });
        expect((await rawDump(dbName)).records.filter((r) => (r as { id: string }).id !== id)).toEqual(othersRaw);
      });
    }
  }

  it('stopped between the read and the write of an update (the connection closes while fn runs)', async () => {
    const { dbName, storage, vault, accounts } = await setup();
    const before = await rawDump(dbName);
    const r = await vault.accounts.update(accounts[0]!.id, (a) => {
      vault.close(); // the worker is going away
      return { ...a, label: 'never written' };
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'storage-error' } });
    expect(await rawDump(dbName)).toEqual(before);
    const v = await open(dbName, storage);
    expect(await v.accounts.list()).toEqual({ ok: true, value: { accounts, broken: [] } });
  });

  it('stopped with writes queued: each either happened whole or not at all, in order', async () => {
    const { dbName, storage, vault, accounts } = await setup();
    const id = accounts[0]!.id;
    // Ten queued updates; the connection goes away during the fourth one's write.
    let calls = 0;
    const fault = { armed: false };
    patch(IDBObjectStore.prototype, 'put', (original) =>
      function (this: IDBObjectStore, ...args: unknown[]) {
        const request = (original as (...a: unknown[]) => IDBRequest).apply(this, args);
        if (this.name === 'records' && ++calls === 4) {
          fault.armed = true;
          this.transaction.abort();
          vault.close();
        }
        return request;
      } as never,
    );
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => vault.accounts.update(id, (a) => ({ ...a, label: `${a.label ?? ''}${i}` }))));
    restorePatches();
    expect(fault.armed).toBe(true);
    expect(results.map((r) => r.ok)).toEqual([true, true, true, false, false, false, false, false, false, false]);
    const v = await open(dbName, storage);
    expect(await v.accounts.get(id)).toMatchObject({ ok: true, value: { label: '012' } });
    const list = await v.accounts.list();
    expect(list.ok && list.value.accounts.length).toBe(3);
    expect(list.ok && list.value.broken).toEqual([]);
  });
});

// ---- browser killed during a passphrase change -------------------------------------------

describe('browser killed during a passphrase change', () => {
  let dbName: string;
  let originalHeader: string;
  let accounts: Account[];

  beforeAll(async () => {
    dbName = `fault-passphrase-${Math.random()}`;
    const v = await openVault({ dbName, session: mapStorage() });
    if (!v.ok) throw new Error(v.error.message);
    expect((await v.value.session.create(PASS)).ok).toBe(true);
    for (let i = 0; i < 5; i++) expect((await v.value.accounts.put(account(i))).ok).toBe(true);
    const list = await v.value.accounts.list();
    if (!list.ok) throw new Error(list.error.message);
    accounts = [...list.value.accounts];
    originalHeader = (await rawDump(dbName)).meta[0] as string;
    v.value.close();
  });

  /** After the browser restarts (session storage is empty): exactly one passphrase opens, with every record. */
  async function exactlyOneOpens(expected: 'old' | 'new') {
    const v = await open(dbName, mapStorage());
    expect(await v.session.state()).toEqual({ ok: true, value: 'locked' });
    const withOld = await v.session.unlock(PASS);
    await v.session.lock();
    const withNew = await v.session.unlock(NEXT);
    expect([withOld.ok, withNew.ok]).toEqual([expected === 'old', expected === 'new']);
    const loser = expected === 'old' ? withNew : withOld;
    expect(loser).toMatchObject({ ok: false, error: { code: 'wrong-passphrase' } });
    if (expected === 'old') expect((await v.session.unlock(PASS)).ok).toBe(true);
    expect(await v.accounts.list()).toEqual({ ok: true, value: { accounts, broken: [] } });
  }

  const cases: { point: Point | 'abort-before-write'; expected: 'old' | 'new' }[] = [
    { point: 'connection-gone', expected: 'old' },
    { point: 'abort-before-write', expected: 'old' },
    { point: 'request-throws', expected: 'old' },
    { point: 'abort-after-request', expected: 'old' },
    { point: 'abort-after-success', expected: 'old' },
    { point: 'killed-after-commit', expected: 'new' },
  ];

  for (const { point, expected } of cases) {
    it(`${point}: only the ${expected} passphrase opens the vault, with every record`, async () => {
      await writeRawHeader(dbName, originalHeader);
      const records = (await rawDump(dbName)).records;
      const storage = mapStorage();
      const vault = await open(dbName, storage);
      expect((await vault.session.unlock(PASS)).ok).toBe(true);

      let fired = () => false;
      if (point === 'abort-before-write') {
        // The compare-and-swap read of the header is where the transaction dies.
        let done = false;
        patch(IDBObjectStore.prototype, 'get', (original) =>
          function (this: IDBObjectStore, ...args: unknown[]) {
            const request = (original as (...a: unknown[]) => IDBRequest).apply(this, args);
            if (this.name === 'meta' && this.transaction.mode === 'readwrite' && !done) {
              done = true;
              this.transaction.abort();
            }
            return request;
          } as never,
        );
        fired = () => done;
      } else {
        fired = arm(point, 'meta', () => vault.close()).fired;
      }
      const r = await vault.session.changePassphrase(PASS, NEXT);
      restorePatches();
      expect(fired()).toBe(true);
      if (expected === 'old') expect(r).toMatchObject({ ok: false, error: { code: 'storage-error' } });
      vault.close();

      // Records are never touched by a passphrase change.
      expect((await rawDump(dbName)).records).toEqual(records);
      await exactlyOneOpens(expected);
    });
  }

  it('the connection closes while the new key is being derived: the old passphrase still opens', async () => {
    await writeRawHeader(dbName, originalHeader);
    const vault = await open(dbName, mapStorage());
    expect((await vault.session.unlock(PASS)).ok).toBe(true);
    const changing = vault.session.changePassphrase(PASS, NEXT);
    vault.close();
    expect(await changing).toMatchObject({ ok: false, error: { code: 'storage-error' } });
    await exactlyOneOpens('old');
  });
});

// ---- extension reloaded as an update would --------------------------------------------

describe('extension reloaded as an update would', () => {
  it('a new vault with an empty session storage over the same database is locked; unlocking finds every record', async () => {
    const dbName = `fault-reload-${Math.random()}`;
    const storage = mapStorage();
    const before = await open(dbName, storage);
    expect((await before.session.create(PASS)).ok).toBe(true);
    for (let i = 0; i < 4; i++) expect((await before.accounts.put(account(i))).ok).toBe(true);
    const list = await before.accounts.list();
    const raw = await rawDump(dbName);
    // The old worker is not closed cleanly: a reload just drops it. storage.session is cleared.
    const after = await open(dbName, mapStorage());
    expect(after.session.isUnlocked()).toBe(false);
    expect(await after.session.state()).toEqual({ ok: true, value: 'locked' });
    expect(await after.accounts.list()).toMatchObject({ ok: false, error: { code: 'locked' } });
    expect(await after.accounts.get(account(0).id)).toMatchObject({ ok: false, error: { code: 'locked' } });
    expect(await rawDump(dbName)).toEqual(raw);
    expect(await after.session.unlock('not the passphrase')).toMatchObject({ ok: false, error: { code: 'wrong-passphrase' } });
    expect(await after.session.unlock(PASS)).toEqual({ ok: true, value: undefined });
    expect(await after.accounts.list()).toEqual(list);
    expect(await rawDump(dbName)).toEqual(raw);
  });

  it('for contrast, a service-worker restart (session storage kept) comes back unlocked', async () => {
    const dbName = `fault-restart-${Math.random()}`;
    const storage = mapStorage();
    const first = await open(dbName, storage);
    expect((await first.session.create(PASS)).ok).toBe(true);
    expect((await first.accounts.put(account(0))).ok).toBe(true);
    first.close();
    const second = await open(dbName, storage);
    expect(second.session.isUnlocked()).toBe(true);
    expect(await second.accounts.list()).toMatchObject({ ok: true, value: { accounts: [{ user: 'user0@x.io' }], broken: [] } });
  });

  it('reloaded while a write is in flight: the new life finds the record old or new, whole', async () => {
    const dbName = `fault-reload-write-${Math.random()}`;
    const old = await open(dbName, mapStorage());
    expect((await old.session.create(PASS)).ok).toBe(true);
    const a = account(0);
    expect((await old.accounts.put(a)).ok).toBe(true);
    const writing = old.accounts.update(a.id, (x) => ({ ...x, label: 'new' }));
    const fresh = await open(dbName, mapStorage());
    await writing;
    expect((await fresh.session.unlock(PASS)).ok).toBe(true);
    const got = await fresh.accounts.get(a.id);
    expect(got.ok).toBe(true);
    if (got.ok) expect([undefined, 'new']).toContain(got.value.label);
  });
});
