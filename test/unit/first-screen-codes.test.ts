/**
 * The first screen's upcoming codes in storage.session: what a popup opened on a stopped
 * worker shows at once. Right codes, a bounded horizon never overstepped, no secret, one write
 * per horizon rather than per opening, and removal (every write, every lock) never overtaken.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openVault, type Account, type AccountList, type Vault } from '@/lib/vault';
import { createFirstScreenStore, type SessionArea } from '@/lib/background/first-screen';
import { HORIZON_MS, leftOf, LOW_MS, upcomingOf } from '@/lib/background/upcoming-codes';
import { codeAt, FIRST_SCREEN_INDEX_KEY, parseFirstScreenIndex, type FirstScreenIndex } from '@/lib/messages/protocol';
import { previewOf } from '@/lib/pages/first-screen-preview';
import { totp } from '@/lib/otp';
import { mapStorage } from './support/vault-storage';
import { portalAccount } from './support/accounts';

vi.mock('@/lib/vault/crypto', async (real) => (await import('./support/memo-kdf')).memoizeKdf(await real()));

const T0 = 1_700_000_015_000; // 15 s into a 30 s step

/** Account 1 has 8 digits, account 2 SHA-256. */
const account = (i: number, period = 30): Account =>
  portalAccount(i, { algorithm: i === 2 ? 'SHA256' : 'SHA1', digits: i === 1 ? 8 : 6, period });
const list = (accounts: Account[]): AccountList => ({ accounts, broken: [] });

/** storage.session over a Map, counting writes; `hold` delays every operation until released. */
function sessionArea() {
  const map = new Map<string, unknown>();
  const ops: string[] = [];
  let gate: Promise<void> = Promise.resolve();
  let release = () => {};
  const area: SessionArea = {
    get: async (key) => (map.has(key) ? { [key]: structuredClone(map.get(key)) } : {}),
    set: async (items) => {
      await gate;
      ops.push('set');
      for (const [k, v] of Object.entries(items)) map.set(k, structuredClone(v));
    },
    remove: async (key) => {
      await gate;
      ops.push('remove');
      map.delete(key);
    },
  };
  const hold = () => {
    gate = new Promise((r) => (release = r));
    return () => release();
  };
  const stored = () => parseFirstScreenIndex(map.get(FIRST_SCREEN_INDEX_KEY));
  return { area, map, ops, hold, stored };
}

function clock(start = T0, offsets: Record<string, number> = {}) {
  const c = { t: start, offsets, now: () => c.t, clockOffset: (o: string | null) => (o ? (c.offsets[o] ?? 0) : 0) };
  return c;
}

describe('upcoming codes', () => {
  it('are the TOTP codes of the current step and the next ten minutes, for each account’s own parameters', () => {
    for (const [i, period] of [[0, 30], [1, 30], [2, 60]] as const) {
      const a = account(i, period);
      const u = upcomingOf(a, T0, 0);
      const ms = period * 1000;
      expect(u.from).toBe(Math.floor(T0 / ms) * ms);
      expect((u.codes.length - 1) * ms).toBeGreaterThanOrEqual(HORIZON_MS + (T0 - u.from));
      u.codes.forEach((c, k) => expect(c).toBe(totp(a, u.from + k * ms)));
      expect(u.codes[0]).toHaveLength(a.digits);
    }
  });

  it('apply the clock offset the background applies', () => {
    const a = account(0);
    const offset = 12_345;
    const u = upcomingOf(a, T0, offset);
    const row = { upcoming: u, period: 30 };
    for (const t of [T0, T0 + 29_000, T0 + 5 * 60_000]) {
      expect(codeAt(row as never, t)?.code).toBe(totp(a, t, offset));
    }
  });

  it('give the code of `now` and the next, and nothing outside the horizon', () => {
    const a = account(0);
    const u = upcomingOf(a, T0, 0);
    const row = { upcoming: u, period: 30 } as never;
    const last = u.from + (u.codes.length - 1) * 30_000; // start of the last step: a next code only
    expect(codeAt(row, u.from)).toEqual({ code: u.codes[0], nextCode: u.codes[1], validUntil: u.from + 30_000 });
    expect(codeAt(row, last - 1)).toEqual({ code: u.codes.at(-2), nextCode: u.codes.at(-1), validUntil: last });
    expect(codeAt(row, last)).toBeUndefined();
    expect(codeAt(row, last + 3_600_000)).toBeUndefined();
    expect(codeAt(row, u.from - 1)).toBeUndefined();
    expect(codeAt({ period: 30 } as never, T0)).toBeUndefined();
  });
});

describe('the first-screen store with codes', () => {
  it('stores each row’s codes and never a secret or a backup code', async () => {
    const s = sessionArea();
    const accounts = [account(0), account(1), account(2)];
    await createFirstScreenStore(s.area, clock()).write(list(accounts));
    const stored = s.stored()!;
    expect(stored.rows.map((r) => r.upcoming?.codes[0])).toEqual(accounts.map((a) => totp(a, T0)));
    const text = JSON.stringify(s.map.get(FIRST_SCREEN_INDEX_KEY));
    for (const a of accounts) {
      expect(text).not.toContain(a.secret);
      expect(text).not.toContain(a.backupCodes[0]!.code);
    }
    expect(text).not.toMatch(/"(secret|backupCodes|key)"/);
  });

  it('writes once per horizon, not per opening; again when the codes run low, the offset or the rows change', async () => {
    const s = sessionArea();
    const c = clock();
    const store = createFirstScreenStore(s.area, c);
    const accounts = [account(0), account(1)];
    await store.write(list(accounts));
    const left = leftOf(s.stored()!.rows[0]!.upcoming!, 30, c.t);
    expect(left).toBeGreaterThanOrEqual(HORIZON_MS);
    c.t += left - LOW_MS - 1_000; // still more than LOW_MS left
    await store.write(list(accounts));
    expect(s.ops).toEqual(['set']);
    c.t += 2_000;
    await store.write(list(accounts));
    expect(s.ops).toEqual(['set', 'set']);
    expect(s.stored()!.rows[0]!.upcoming!.codes[0]).toBe(totp(accounts[0]!, c.t));

    c.offsets['https://portal1.example.com'] = 20_000;
    await store.write(list(accounts));
    expect(s.ops).toHaveLength(3);
    expect(codeAt(s.stored()!.rows[1]!, c.t)?.code).toBe(totp(accounts[1]!, c.t, 20_000));

    await store.write(list([accounts[1]!, accounts[0]!]));
    expect(s.ops).toHaveLength(4);
    expect(s.stored()!.rows.map((r) => r.user)).toEqual(['user1', 'user0']);
  });

  it('after a worker restart, reads what is stored instead of writing it again', async () => {
    const s = sessionArea();
    const accounts = [account(0)];
    await createFirstScreenStore(s.area, clock()).write(list(accounts));
    await createFirstScreenStore(s.area, clock(T0 + 60_000)).write(list(accounts));
    expect(s.ops).toEqual(['set']);
  });

  it('never lets an older write overtake a removal', async () => {
    const s = sessionArea();
    const store = createFirstScreenStore(s.area, clock());
    const release = s.hold();
    const w = store.write(list([account(0)]));
    const c = store.clear();
    release();
    await Promise.all([w, c]);
    expect(s.ops).toEqual(['set', 'remove']);
    expect(s.map.has(FIRST_SCREEN_INDEX_KEY)).toBe(false);
    // A write after the removal lands (its list is newer), and the store knows it is gone.
    await store.write(list([account(0)]));
    expect(s.stored()?.rows).toHaveLength(1);
  });
});

describe('lock and writes to the vault', () => {
  const opened: Vault[] = [];
  afterEach(() => {
    for (const v of opened.splice(0)) v.close();
  });

  it('remove the codes; a popup then paints none of them', async () => {
    const r = await openVault({ dbName: `first-screen-codes-${Math.random()}`, session: mapStorage() });
    if (!r.ok) throw new Error(r.error.message);
    const vault = r.value;
    opened.push(vault);
    expect((await vault.session.create('correct horse battery staple')).ok).toBe(true);
    for (const i of [0, 1]) expect((await vault.accounts.put(account(i))).ok).toBe(true);
    const s = sessionArea();
    const store = createFirstScreenStore(s.area, { now: Date.now, clockOffset: () => 0 });
    store.follow(vault.accounts, () => vault.session.isUnlocked());

    expect((await vault.accounts.list()).ok).toBe(true);
    const before = (await store.read())!;
    expect(previewOf(s.map.get(FIRST_SCREEN_INDEX_KEY), Date.now())?.accounts.map((a) => a.code)).toEqual(
      before.rows.map((row) => codeAt(row, Date.now())?.code),
    );

    expect((await vault.accounts.put(account(2))).ok).toBe(true);
    expect(await store.read()).toBeUndefined();
    expect((await vault.accounts.list()).ok).toBe(true);
    expect((await store.read())?.rows).toHaveLength(3);

    expect((await vault.session.lock()).ok).toBe(true);
    expect(await store.read()).toBeUndefined();
    expect(previewOf(s.map.get(FIRST_SCREEN_INDEX_KEY), Date.now())).toBeNull();
  });
});

describe('the popup’s preview', () => {
  it('shows the cached code of now, and a placeholder once the horizon has passed', () => {
    const a = account(0);
    const index: FirstScreenIndex = {
      rows: [{ id: a.id, origin: a.origin, issuer: a.issuer, user: a.user, state: 'active', digits: 6, period: 30, backup: { total: 1, remaining: 1 }, upcoming: upcomingOf(a, T0, 0) }],
      more: false,
    };
    const raw = structuredClone(index);
    const now = previewOf(raw, T0 + 95_000)!.accounts[0]!;
    expect(now.code).toBe(totp(a, T0 + 95_000));
    expect(now.nextCode).toBe(totp(a, T0 + 125_000));
    expect(now).not.toHaveProperty('upcoming');
    const late = previewOf(raw, T0 + HORIZON_MS + 60_000)!.accounts[0]!;
    expect(late.code).toBe('');
    expect(late.user).toBe('user0');
  });
});
