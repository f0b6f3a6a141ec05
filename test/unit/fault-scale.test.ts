/**
 * Fault test: 1,000 accounts with their 8 backup codes each. Everything goes in and comes
 * back equal. The times are printed for the report, never asserted (DESIGN.md: budgets are
 * measured by `npm run bench`, not by timed tests; fake-indexeddb is not the browser's).
 */
import 'fake-indexeddb/auto';
import { afterAll, describe, expect, it } from 'vitest';
import { openDB } from 'idb';
import { createAccount, openVault, type Account, type Vault } from '@/lib/vault';
import { mapStorage } from './support/vault-storage';

const N = 1_000;
const DB = `fault-scale-${Math.random()}`;
let vault: Vault | undefined;
afterAll(() => vault?.close());


const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
function account(i: number): Account {
  // A distinct 32-character secret per account (160 bits, as most issuers use).
  const secret = Array.from({ length: 32 }, (_, j) => BASE32[(i * 7 + j * 13 + ((i >> j % 10) & 31)) % 32]).join('');
  const a = createAccount(
    {
      params: { secret, algorithm: 'SHA1', digits: 6, period: 30, issuer: `https://portal${i % 50}.cloudmc.io/`, user: `user${i}@example.com` },
      origin: `https://portal${i % 50}.cloudmc.io`,
      state: 'active',
      label: i % 3 === 0 ? `Account ${i} — Café ☕` : undefined,
      backupCodes: Array.from({ length: 8 }, (_, j) => ({ code: String(10_000_000 + ((i * 8 + j) * 7919) % 89_999_999), used: (i + j) % 5 === 0 })),
    },
    1_700_000_000_000 + i,
  );
  if (!a.ok) throw new Error(a.error.message);
  return a.value;
}

const ms = (t0: number) => Math.round(performance.now() - t0);

describe('1,000 accounts with their backup codes', () => {
  it('are stored, listed back equal, read and updated; timings reported', { timeout: 120_000 }, async () => {
    let now = 1_800_000_000_000;
    const opened = await openVault({ dbName: DB, session: mapStorage(), now: () => now });
    if (!opened.ok) throw new Error(opened.error.message);
    vault = opened.value;
    expect((await vault.session.create('correct horse battery staple')).ok).toBe(true);
    const accounts = Array.from({ length: N }, (_, i) => account(i));
    expect(new Set(accounts.map((a) => a.secret)).size).toBe(N);

    const timings: Record<string, number> = {};
    let t0 = performance.now();
    const puts = await Promise.all(accounts.map((a) => vault!.accounts.put(a)));
    timings['put 1,000 (queued together)'] = ms(t0);
    expect(puts.every((r) => r.ok)).toBe(true);
    const stored = accounts.map((a) => ({ ...a, updatedAt: now }));

    t0 = performance.now();
    const list = await vault.accounts.list();
    timings['list 1,000'] = ms(t0);
    expect(list).toEqual({ ok: true, value: { accounts: stored, broken: [] } });
    expect(list.ok && list.value.accounts.reduce((n, a) => n + a.backupCodes.length, 0)).toBe(8 * N);

    t0 = performance.now();
    for (const i of [0, 1, 499, 998, 999]) expect(await vault.accounts.get(accounts[i]!.id)).toEqual({ ok: true, value: stored[i] });
    timings['get x5'] = ms(t0);

    now += 1_000;
    t0 = performance.now();
    const marked = await Promise.all(
      accounts.slice(0, 100).map((a) => vault!.accounts.update(a.id, (x) => ({ ...x, backupCodes: x.backupCodes.map((c, j) => (j === 7 ? { ...c, used: true } : c)) }))),
    );
    timings['update 100 (mark a code used)'] = ms(t0);
    expect(marked.every((r) => r.ok)).toBe(true);

    // A new life of the worker (same session storage is not needed: unlock again).
    vault.close();
    const again = await openVault({ dbName: DB, session: mapStorage() });
    if (!again.ok) throw new Error(again.error.message);
    vault = again.value;
    t0 = performance.now();
    expect((await vault.session.unlock('correct horse battery staple')).ok).toBe(true);
    const relisted = await vault.accounts.list();
    timings['unlock + list 1,000 (new instance)'] = ms(t0);
    expect(relisted.ok && relisted.value.accounts.length).toBe(N);
    expect(relisted.ok && relisted.value.accounts.slice(0, 100).every((a) => a.backupCodes[7]!.used && a.updatedAt === now)).toBe(true);
    expect(relisted.ok && relisted.value.accounts.slice(100)).toEqual(stored.slice(100));

    const db = await openDB(DB);
    const raw = await db.getAll('records');
    db.close();
    const bytes = raw.reduce((n, r: { iv: Uint8Array; ct: Uint8Array }) => n + r.iv.length + r.ct.length, 0);
    console.info(
      `[fault-scale] ${N} accounts x 8 backup codes, fake-indexeddb in Node ${process.version}:\n` +
        Object.entries(timings)
          .map(([k, v]) => `  ${k}: ${v} ms`)
          .join('\n') +
        `\n  stored: ${raw.length} records, ${Math.round(bytes / 1024)} KiB of iv+ct`,
    );
  });
});
