/**
 * Fault tests: the popup and a content script writing at once. The background is the single
 * writer and AccountRepository runs its writes one at a time, so concurrent read-modify-writes
 * through one repository lose nothing. Two repositories over the same database (two vault
 * instances, as two overlapping service-worker lives would be) do NOT share that queue: there a
 * compare-and-swap on the record's IV makes the slower update run again on the newer record.
 */
import 'fake-indexeddb/auto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { openDB } from 'idb';
import { createAccount, openVault, type Account, type Vault } from '@/lib/vault';
import { mapStorage } from './support/vault-storage';

const PASS = 'correct horse battery staple';


function account(i: number): Account {
  const a = createAccount(
    {
      params: { secret: 'WMN2B6O54ADDPUHJ', algorithm: 'SHA1', digits: 6, period: 30, issuer: `https://p${i}.cloudmc.io/`, user: `user${i}@x.io` },
      origin: `https://p${i}.cloudmc.io`,
      state: 'pending',
      backupCodes: Array.from({ length: 8 }, (_, j) => ({ code: String(40_000_000 + 1_000 * i + j), used: false })),
    },
    1_700_000_000_000 + i,
  );
  if (!a.ok) throw new Error(a.error.message);
  return a.value;
}

/** Second instances opened by a test, closed after it. */
const extra: Vault[] = [];
afterEach(() => {
  for (const v of extra.splice(0)) v.close();
});
afterAll(() => vault?.close());

// One vault created (one key derivation); the key in `storage` opens more instances over it.
const DB = `fault-concurrency-${Math.random()}`;
const storage = mapStorage();
let vault: Vault;
let accounts: Account[];

beforeAll(async () => {
  const r = await openVault({ dbName: DB, session: storage });
  if (!r.ok) throw new Error(r.error.message);
  vault = r.value;
  expect((await vault.session.create(PASS)).ok).toBe(true);
  accounts = [account(0), account(1), account(2), account(3)];
});

async function reset() {
  const db = await openDB(DB);
  await db.clear('records');
  db.close();
  for (const a of accounts) expect((await vault.accounts.put(a)).ok).toBe(true);
}

/** One token appended to the label: the label then records every update applied, in order. */
const append = (token: string) => (a: Account): Account => ({ ...a, label: `${a.label ?? ''}${token};` });
const tokensOf = (a: Account) => (a.label ?? '').split(';').filter(Boolean);

describe('one repository (the background): concurrent writes lose nothing', () => {
  it('updates to the same and different accounts, with reads, puts and failing updates interleaved', async () => {
    const op = fc.oneof(
      { weight: 6, arbitrary: fc.record({ kind: fc.constant('update' as const), account: fc.nat({ max: 3 }) }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('mark-code' as const), account: fc.nat({ max: 3 }), code: fc.nat({ max: 7 }) }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('throwing-update' as const), account: fc.nat({ max: 3 }) }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('read' as const), account: fc.nat({ max: 3 }) }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('activate' as const), account: fc.nat({ max: 3 }) }) },
    );
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 60 }), async (ops) => {
        await reset();
        // Everything is started at once, as messages from the popup and from content scripts
        // arrive: no await between the calls.
        const pending = ops.map((o, i) => {
          const id = accounts[o.account]!.id;
          switch (o.kind) {
            case 'update':
              return vault.accounts.update(id, append(String(i)));
            case 'mark-code':
              return vault.accounts.update(id, (a) => ({ ...a, backupCodes: a.backupCodes.map((c, j) => (j === o.code ? { ...c, used: true } : c)) }));
            case 'throwing-update':
              return vault.accounts
                .update(id, () => {
                  throw new Error('a handler bug');
                })
                .catch((e: Error) => ({ ok: 'threw', message: e.message }));
            case 'read':
              return vault.accounts.get(id);
            case 'activate':
              return vault.accounts.update(id, (a) => ({ ...a, state: 'active' }));
          }
        });
        const results = await Promise.all(pending);
        results.forEach((r, i) => expect(r, `op ${i}`).toMatchObject(ops[i]!.kind === 'throwing-update' ? { ok: 'threw' } : { ok: true }));
        const list = await vault.accounts.list();
        if (!list.ok) throw new Error(list.error.message);
        expect(list.value.broken).toEqual([]);
        accounts.forEach((original, n) => {
          const mine = ops.map((o, i) => ({ ...o, i })).filter((o) => o.account === n);
          const final = list.value.accounts.find((a) => a.id === original.id)!;
          // Every update applied, in the order the calls were made.
          expect(tokensOf(final)).toEqual(mine.filter((o) => o.kind === 'update').map((o) => String(o.i)));
          const marked = new Set(mine.flatMap((o) => (o.kind === 'mark-code' ? [o.code] : [])));
          expect(final.backupCodes.map((c) => c.used)).toEqual(original.backupCodes.map((_, j) => marked.has(j)));
          expect(final.state).toBe(mine.some((o) => o.kind === 'activate') ? 'active' : 'pending');
        });
      }),
      { numRuns: 25 },
    );
  });

  it('200 updates of one account started together: all 200 applied', async () => {
    await reset();
    const id = accounts[0]!.id;
    const results = await Promise.all(Array.from({ length: 200 }, (_, i) => vault.accounts.update(id, append(String(i)))));
    expect(results.every((r) => r.ok)).toBe(true);
    const got = await vault.accounts.get(id);
    expect(got.ok && tokensOf(got.value)).toEqual(Array.from({ length: 200 }, (_, i) => String(i)));
  });
});

describe('two repositories over the same database (two overlapping service-worker lives)', () => {
  async function second(): Promise<Vault> {
    const r = await openVault({ dbName: DB, session: storage });
    if (!r.ok) throw new Error(r.error.message);
    extra.push(r.value);
    expect(r.value.session.isUnlocked()).toBe(true);
    return r.value;
  }

  it('updates to DIFFERENT accounts are all kept (each write replaces only its own record)', async () => {
    await reset();
    const other = await second();
    const [a, b] = [accounts[0]!.id, accounts[1]!.id];
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => [vault.accounts.update(a, append(`v${i}`)), other.accounts.update(b, append(`w${i}`))]).flat(),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    const [ga, gb] = [await vault.accounts.get(a), await vault.accounts.get(b)];
    expect(ga.ok && tokensOf(ga.value)).toHaveLength(20);
    expect(gb.ok && tokensOf(gb.value)).toHaveLength(20);
  });

  it('updates to the SAME account: all kept, each instance in its own order (compare-and-swap on the record)', async () => {
    // Before the compare-and-swap, two instances read the same version and the later write
    // silently replaced the earlier one (issue 10, item 10): fewer than 2n tokens were kept.
    await reset();
    const other = await second();
    const id = accounts[0]!.id;
    const n = 20;
    const results = await Promise.all(
      Array.from({ length: n }, (_, i) => [vault.accounts.update(id, append(`v${i}`)), other.accounts.update(id, append(`w${i}`))]).flat(),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    const got = await vault.accounts.get(id);
    const kept = got.ok ? tokensOf(got.value) : [];
    expect(kept).toHaveLength(2 * n);
    const inOrder = (p: string) => kept.filter((t) => t.startsWith(p)).map((t) => Number(t.slice(1)));
    expect(inOrder('v')).toEqual(Array.from({ length: n }, (_, i) => i));
    expect(inOrder('w')).toEqual(Array.from({ length: n }, (_, i) => i));
  });

  it("one instance's writes reach the other's get() at once, and its list() at the latest after its own next write", async () => {
    // AccountRepository may keep the list it decrypted until its own next write or a lock
    // (a cache for the popup's open-to-codes budget), so a second writer is not seen by list()
    // at once. Recorded here rather than asserted, as the cache policy may change.
    await reset();
    const other = await second();
    expect((await vault.accounts.list()).ok).toBe(true); // `vault` has now read the list
    const added = { ...account(7), id: 'added-by-the-other-instance' };
    expect((await other.accounts.put(added)).ok).toBe(true);
    expect(await vault.accounts.get(added.id)).toMatchObject({ ok: true, value: { id: added.id } });
    const seen = await vault.accounts.list();
    const stale = seen.ok && !seen.value.accounts.some((a) => a.id === added.id);
    console.info(`[fault-concurrency] list() right after the other instance's put: ${stale ? 'STALE (cached)' : 'fresh'}`);
    expect((await vault.accounts.update(accounts[0]!.id, append('own'))).ok).toBe(true);
    const after = await vault.accounts.list();
    expect(after.ok && after.value.accounts.some((a) => a.id === added.id)).toBe(true);
  });
});
