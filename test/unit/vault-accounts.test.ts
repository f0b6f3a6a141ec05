import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { openDB } from 'idb';
import { parseOtpInput } from '@/lib/otp/uri';
import { createAccount, openVault, validateAccount, type Account, type Vault } from '@/lib/vault';

const PASS = 'correct horse battery staple';
const CLOUDMC = 'otpauth://totp/https://charter.dev.cloudmc.io/:rwalker@cloudops.com?secret=WMN2B6O54ADDPUHJ&issuer=https://charter.dev.cloudmc.io/';

const opened: Vault[] = [];
afterEach(() => {
  for (const v of opened.splice(0)) v.close();
});

let n = 0;
async function unlockedVault(now?: () => number) {
  const dbName = `vault-accounts-${++n}-${Math.random()}`;
  const map = new Map<string, unknown>();
  const r = await openVault({
    dbName,
    now,
    session: { get: async (k) => map.get(k), set: async (k, v) => void map.set(k, v), remove: async (k) => void map.delete(k) },
  });
  if (!r.ok) throw new Error(r.error.message);
  opened.push(r.value);
  expect((await r.value.session.create(PASS)).ok).toBe(true);
  return { vault: r.value, dbName };
}

function cloudmcAccount(overrides: Partial<Account> = {}): Account {
  const params = parseOtpInput(CLOUDMC);
  if (!params.ok) throw new Error();
  const codes = Array.from({ length: 8 }, (_, i) => ({ code: String(10_000_000 + i * 1111), used: false }));
  const a = createAccount({ params: params.value, origin: 'https://charter.dev.cloudmc.io/app/profile?x=1', backupCodes: codes }, 1_700_000_000_000);
  if (!a.ok) throw new Error(a.error.message);
  return { ...a.value, ...overrides };
}

async function rawRecords(dbName: string) {
  const db = await openDB(dbName);
  const out = { meta: await db.getAll('meta'), records: await db.getAll('records') };
  db.close();
  return out;
}
async function writeRawRecord(dbName: string, record: unknown) {
  const db = await openDB(dbName);
  await db.put('records', record);
  db.close();
}

describe('Account', () => {
  it('createAccount keeps only the origin, starts pending, with a random id', () => {
    const a = cloudmcAccount();
    expect(a).toMatchObject({
      origin: 'https://charter.dev.cloudmc.io',
      issuer: 'https://charter.dev.cloudmc.io/',
      user: 'rwalker@cloudops.com',
      secret: 'WMN2B6O54ADDPUHJ',
      algorithm: 'SHA1',
      digits: 6,
      period: 30,
      state: 'pending',
      createdAt: 1_700_000_000_000,
    });
    expect(a.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(cloudmcAccount().id).not.toBe(a.id);
  });

  it.each<[string, Record<string, unknown>]>([
    ['origin with a path', { origin: 'https://a.example/x' }],
    ['non-http origin', { origin: 'chrome-extension://abc' }],
    ['upper-case host', { origin: 'https://A.example' }],
    ['lower-case secret', { secret: 'wmn2b6o54addpuhj' }],
    ['short secret', { secret: 'WMN2B6O5' }],
    ['algorithm', { algorithm: 'MD5' }],
    ['digits', { digits: 9 }],
    ['digits as text', { digits: '6' }],
    ['period', { period: 0 }],
    ['state', { state: 'enabled' }],
    ['backup code', { backupCodes: [{ code: 12345678, used: false }] }],
    ['backup used flag', { backupCodes: [{ code: '12345678', used: 'no' }] }],
    ['empty id', { id: '' }],
    ['label type', { label: 42 }],
    ['timestamp', { updatedAt: Number.NaN }],
  ])('validateAccount refuses a bad %s', (_, change) => {
    expect(validateAccount({ ...cloudmcAccount(), ...change })).toMatchObject({ ok: false, error: { code: 'invalid-account' } });
  });

  it('validateAccount drops unknown fields', () => {
    const r = validateAccount({ ...cloudmcAccount(), evil: true });
    expect(r.ok && 'evil' in r.value).toBe(false);
  });
});

describe('AccountRepository', () => {
  it('put / get / list / update / delete round trip; the secret is never stored in clear', async () => {
    let now = 2_000;
    const { vault, dbName } = await unlockedVault(() => now);
    const a = cloudmcAccount();
    const put = await vault.accounts.put(a);
    expect(put).toEqual({ ok: true, value: { ...a, updatedAt: 2_000 } });
    expect(await vault.accounts.get(a.id)).toEqual(put);

    const raw = JSON.stringify(await rawRecords(dbName), (_, v) => (v instanceof Uint8Array ? Array.from(v) : v));
    expect(raw).not.toContain('WMN2B6O54ADDPUHJ');
    expect(raw).not.toContain('rwalker');
    expect(raw).not.toContain('10000000');

    now = 3_000;
    const b = cloudmcAccount({ id: 'second', createdAt: 0 });
    await vault.accounts.put(b);
    const list = await vault.accounts.list();
    expect(list.ok && list.value.accounts.map((x) => x.id)).toEqual(['second', a.id]);
    expect(list.ok && list.value.broken).toEqual([]);

    now = 4_000;
    const renamed = await vault.accounts.update(a.id, (x) => ({ ...x, label: 'Charter dev', state: 'active' }));
    expect(renamed).toMatchObject({ ok: true, value: { label: 'Charter dev', state: 'active', updatedAt: 4_000 } });
    expect(await vault.accounts.get(a.id)).toEqual(renamed);

    expect(await vault.accounts.update(a.id, (x) => x)).toEqual(renamed);
    expect(await vault.accounts.update(a.id, (x) => ({ ...x, id: 'other' }))).toMatchObject({ ok: false, error: { code: 'invalid-account' } });
    expect(await vault.accounts.update('missing', (x) => x)).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await vault.accounts.get('missing')).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await vault.accounts.put({ ...a, digits: 5 as 6 })).toMatchObject({ ok: false, error: { code: 'invalid-account' } });

    expect(await vault.accounts.delete(a.id)).toEqual({ ok: true, value: undefined });
    expect(await vault.accounts.get(a.id)).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('refuses everything while locked', async () => {
    const { vault } = await unlockedVault();
    const a = cloudmcAccount();
    await vault.accounts.put(a);
    await vault.session.lock();
    for (const r of [
      await vault.accounts.list(),
      await vault.accounts.get(a.id),
      await vault.accounts.getMany([a.id]),
      await vault.accounts.put(a),
      await vault.accounts.update(a.id, (x) => x),
      await vault.accounts.delete(a.id),
    ]) {
      expect(r).toMatchObject({ ok: false, error: { code: 'locked' } });
    }
  });

  it('every flipped byte of a record IV or ciphertext: record-corrupt, the other records still listed, bytes untouched', async () => {
    const { vault, dbName } = await unlockedVault();
    const a = cloudmcAccount();
    const b = cloudmcAccount();
    await vault.accounts.put(a);
    await vault.accounts.put(b);
    const { records } = await rawRecords(dbName);
    const original = records.find((r) => r.id === a.id) as { id: string; iv: Uint8Array; ct: Uint8Array };
    for (const field of ['iv', 'ct'] as const) {
      for (let i = 0; i < original[field].length; i++) {
        const bytes = original[field].slice();
        bytes[i]! ^= 0x01;
        await writeRawRecord(dbName, { ...original, [field]: bytes });
        const before = await rawRecords(dbName);
        expect(await vault.accounts.get(a.id), `${field}[${i}]`).toMatchObject({ ok: false, error: { code: 'record-corrupt' } });
        const list = await vault.accounts.list();
        expect(list.ok && list.value.accounts.map((x) => x.id)).toEqual([b.id]);
        expect(list.ok && list.value.broken).toEqual([{ id: a.id, error: expect.objectContaining({ code: 'record-corrupt' }) }]);
        expect(await vault.accounts.update(a.id, (x) => ({ ...x, label: 'x' }))).toMatchObject({ ok: false, error: { code: 'record-corrupt' } });
        expect(await rawRecords(dbName)).toEqual(before);
      }
    }
    await writeRawRecord(dbName, original);
    expect(await vault.accounts.get(a.id)).toMatchObject({ ok: true, value: { id: a.id } });
    // Exhaustive over every byte (~400 IndexedDB round trips): more than vitest's 5 s default.
  }, 60_000);

  it('a record moved under another id, or not a record at all, is record-corrupt', async () => {
    const { vault, dbName } = await unlockedVault();
    const a = cloudmcAccount();
    await vault.accounts.put(a);
    const { records } = await rawRecords(dbName);
    await writeRawRecord(dbName, { ...(records[0] as object), id: 'swapped' });
    await writeRawRecord(dbName, { id: 'junk', iv: 'x', ct: null });
    expect(await vault.accounts.get('swapped')).toMatchObject({ ok: false, error: { code: 'record-corrupt' } });
    expect(await vault.accounts.get('junk')).toMatchObject({ ok: false, error: { code: 'record-corrupt' } });
    const list = await vault.accounts.list();
    expect(list.ok && list.value.accounts.map((x) => x.id)).toEqual([a.id]);
    expect(list.ok && list.value.broken.map((x) => x.id).sort()).toEqual(['junk', 'swapped']);
  });

  it('getMany reads several accounts in the order asked; one missing or unreadable record fails it all', async () => {
    const { vault, dbName } = await unlockedVault();
    const [a, b, c] = [cloudmcAccount(), cloudmcAccount(), cloudmcAccount()];
    for (const x of [a, b, c]) await vault.accounts.put(x);
    const many = await vault.accounts.getMany([c.id, a.id]);
    expect(many.ok && many.value.map((x) => x.id)).toEqual([c.id, a.id]);
    const one = await vault.accounts.get(c.id);
    expect(many.ok && many.value[0]).toEqual(one.ok && one.value);
    expect(await vault.accounts.getMany([])).toEqual({ ok: true, value: [] });
    expect(await vault.accounts.getMany([a.id, 'missing'])).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const { records } = await rawRecords(dbName);
    const stored = records.find((r) => r.id === b.id) as { ct: Uint8Array };
    const ct = stored.ct.slice();
    ct[0]! ^= 0x01;
    await writeRawRecord(dbName, { ...stored, ct });
    expect(await vault.accounts.getMany([a.id, b.id])).toMatchObject({ ok: false, error: { code: 'record-corrupt' } });
  });

  it('concurrent read-modify-writes lose nothing', async () => {
    const { vault } = await unlockedVault();
    const a = cloudmcAccount();
    await vault.accounts.put(a);
    // The popup marks backup codes used while a content script activates the account and the
    // user renames it, all at once.
    const writes = [
      ...a.backupCodes.map((c) =>
        vault.accounts.update(a.id, (x) => ({ ...x, backupCodes: x.backupCodes.map((y) => (y.code === c.code ? { ...y, used: true } : y)) })),
      ),
      vault.accounts.update(a.id, (x) => ({ ...x, state: 'active' })),
      vault.accounts.update(a.id, (x) => ({ ...x, label: 'renamed' })),
      ...Array.from({ length: 20 }, () => vault.accounts.update(a.id, (x) => ({ ...x, user: `${x.user}+` }))),
    ];
    const results = await Promise.all(writes);
    expect(results.every((r) => r.ok)).toBe(true);
    const final = await vault.accounts.get(a.id);
    expect(final).toMatchObject({ ok: true, value: { state: 'active', label: 'renamed', user: `rwalker@cloudops.com${'+'.repeat(20)}` } });
    expect(final.ok && final.value.backupCodes.every((c) => c.used)).toBe(true);
  });

  it('a throwing update does not block the queue', async () => {
    const { vault } = await unlockedVault();
    const a = cloudmcAccount();
    await vault.accounts.put(a);
    const failing = vault.accounts.update(a.id, () => {
      throw new Error('bug');
    });
    const next = vault.accounts.update(a.id, (x) => ({ ...x, label: 'after' }));
    await expect(failing).rejects.toThrow('bug');
    expect(await next).toMatchObject({ ok: true, value: { label: 'after' } });
  });
});
