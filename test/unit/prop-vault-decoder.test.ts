/**
 * Property-based tests of the vault's decoders over a damaged store (DESIGN.md rule 6: a
 * tampered byte or a corrupted store gets a clear message, and nothing stored is overwritten).
 * Whatever a record or the header holds, list()/get()/update()/unlock() answer with a value
 * (never an exception), the stored bytes are exactly as they were, and the other records read.
 *
 * One vault and one unlocked key serve every run (a derivation at the PBKDF2 floor costs
 * ~130 ms or more); each run restores what it damaged.
 */
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { openDB } from 'idb';
import { createAccount, openVault, type Account, type Vault, type VaultErrorCode } from '@/lib/vault';
import { fromBase64, toBase64, utf8 } from '@/lib/vault/bytes';
import { recordAad } from '@/lib/vault/crypto';
import { headerToJson, parseHeader } from '@/lib/vault/format';
import { mapStorage, rawDump as rawDumpOf } from './support/vault-storage';

// The KDF is deterministic: memoised, it changes no answer and keeps the runs fast.
vi.mock('@/lib/vault/crypto', async (real) => (await import('./support/memo-kdf')).memoizeKdf(await real()));

const PASS = 'correct horse battery staple';
const DB = `prop-vault-decoder-${Math.random()}`;


type Raw = { id: string; iv: Uint8Array; ct: Uint8Array };
const rawDump = () => rawDumpOf(DB);
async function putRaw(store: 'records' | 'meta', value: unknown, key?: string) {
  const db = await openDB(DB);
  await (key === undefined ? db.put(store, value) : db.put(store, value, key));
  db.close();
}

let vault: Vault; // unlocked
let locked: Vault; // same database, its own (empty) session storage: locked
const session = mapStorage(); // holds the unlocked key: more instances restore from it
let dataKey: CryptoKey; // the vault's data key, to seal authentic records of any content
let accounts: Account[];
let original: { header: string; records: Raw[] };

function account(i: number): Account {
  const a = createAccount(
    {
      params: { secret: 'WMN2B6O54ADDPUHJ', algorithm: 'SHA1', digits: 6, period: 30, issuer: `https://h${i}.cloudmc.io/`, user: `u${i}@x.io` },
      origin: `https://h${i}.cloudmc.io`,
      state: 'active',
      backupCodes: Array.from({ length: 8 }, (_, j) => ({ code: String(10_000_000 + 1_111 * j + i), used: j % 2 === 0 })),
    },
    1_700_000_000_000 + i,
  );
  if (!a.ok) throw new Error(a.error.message);
  return a.value;
}

beforeAll(async () => {
  const opened = await openVault({ dbName: DB, session, now: () => 1_800_000_000_000 });
  if (!opened.ok) throw new Error(opened.error.message);
  vault = opened.value;
  expect(await vault.session.create(PASS)).toEqual({ ok: true, value: undefined });
  accounts = [];
  for (let i = 0; i < 3; i++) {
    const put = await vault.accounts.put(account(i));
    if (!put.ok) throw new Error(put.error.message);
    accounts.push(put.value);
  }
  const raw = fromBase64([...session.map.values()][0]);
  if (!raw) throw new Error('no key in session storage');
  dataKey = await crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt']);
  const l = await openVault({ dbName: DB, session: mapStorage() });
  if (!l.ok) throw new Error(l.error.message);
  locked = l.value;
  const dump = await rawDump();
  original = { header: dump.meta[0] as string, records: dump.records as Raw[] };
});
afterAll(() => {
  vault?.close();
  locked?.close();
});

/**
 * A new instance over the same database, unlocked from the same session storage (a new worker
 * life: no key derivation). Reads after storage was changed behind the repository's back go
 * through one: a repository may keep the list it decrypted until its own next write or lock.
 */
async function fresh(): Promise<Vault> {
  const r = await openVault({ dbName: DB, session });
  if (!r.ok) throw new Error(r.error.message);
  expect(r.value.session.isUnlocked()).toBe(true);
  return r.value;
}
async function withFresh<T>(fn: (v: Vault) => Promise<T>): Promise<T> {
  const v = await fresh();
  try {
    return await fn(v);
  } finally {
    v.close();
  }
}

const victim = () => accounts[0]!;
const others = () => accounts.slice(1);
const originalRecord = (id: string) => original.records.find((r) => r.id === id)!;

/** Every read path on the damaged record: record-corrupt; the others read; nothing written. */
async function checkDamagedRecord(expected: VaultErrorCode[] = ['record-corrupt']) {
  await withFresh((v) => checkDamagedRecordIn(v, expected));
}
async function checkDamagedRecordIn(vault: Vault, expected: VaultErrorCode[]) {
  const before = await rawDump();
  const got = await vault.accounts.get(victim().id);
  expect(got.ok).toBe(false);
  if (!got.ok) {
    expect(expected).toContain(got.error.code);
    expect(got.error.message).not.toBe('');
  }
  const list = await vault.accounts.list();
  expect(list.ok).toBe(true);
  if (list.ok) {
    expect(list.value.accounts).toEqual(others());
    expect(list.value.broken).toEqual([{ id: victim().id, error: expect.objectContaining({ code: 'record-corrupt' }) }]);
  }
  let called = false;
  const updated = await vault.accounts.update(victim().id, (a) => ((called = true), { ...a, label: 'overwritten' }));
  expect(updated).toMatchObject({ ok: false, error: { code: 'record-corrupt' } });
  expect(called).toBe(false);
  for (const a of others()) expect(await vault.accounts.get(a.id)).toEqual({ ok: true, value: a });
  expect(await rawDump()).toEqual(before);
}

// ---- generators -------------------------------------------------------------------------

const bytes = (min: number, max: number) => fc.uint8Array({ minLength: min, maxLength: max }).map((b) => new Uint8Array(b));
/** Something that is not a record's byte field: JSON values, other binary types, views. */
const notBytes = fc.oneof(
  fc.jsonValue(),
  fc.constantFrom<unknown>(undefined, null, new ArrayBuffer(12), new DataView(new ArrayBuffer(12)), new Int8Array(12), new Uint16Array(6), new Uint8ClampedArray(12), new Date(0), [1, 2, 3], new Map(), new Blob(['x'])),
  fc.string({ unit: 'binary', maxLength: 40 }),
);
/** A byte field damaged every way: flipped bits, cut, grown, random, another type. */
function damagedBytes(orig: Uint8Array) {
  return fc.oneof(
    fc.array(fc.tuple(fc.nat({ max: orig.length - 1 }), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 4 }).map((flips) => {
      const b = orig.slice();
      for (const [i] of flips) b[i] = 0;
      for (const [i, x] of flips) b[i]! ^= x || 1;
      return b.every((v, i) => v === orig[i]) ? b.map((v) => v ^ 1) : b; // at least one byte differs
    }),
    fc.nat({ max: orig.length - 1 }).map((n) => orig.slice(0, n)),
    bytes(1, 40).map((extra) => new Uint8Array([...orig, ...extra])),
    bytes(0, orig.length + 40).filter((b) => b.length !== orig.length || b.some((v, i) => v !== orig[i])),
    // The right bytes seen through a view with an offset: still not the stored record.
    bytes(1, 8).map((pad) => new Uint8Array([...pad, ...orig]).subarray(pad.length - 1, pad.length - 1 + orig.length)).filter((b) => b.some((v, i) => v !== orig[i])),
    notBytes,
  );
}

describe('a record holding anything: record-corrupt, untouched, the others read', () => {
  it('damaged iv, ct or both, random bytes of random length, random JSON values', async () => {
    const rec = originalRecord(victim().id);
    const damage = fc.oneof(
      damagedBytes(rec.iv).map((iv) => ({ iv, ct: rec.ct })),
      damagedBytes(rec.ct).map((ct) => ({ iv: rec.iv, ct })),
      fc.tuple(damagedBytes(rec.iv), damagedBytes(rec.ct)).map(([iv, ct]) => ({ iv, ct })),
      // The whole value replaced: only the key path (id) kept, anything else beside it.
      fc.dictionary(fc.string({ maxLength: 6 }), notBytes, { maxKeys: 4 }).map((d) => ({ ...d })),
      // Another record's (authentic) bytes moved under this id.
      fc.constantFrom(...others()).map((o) => ({ iv: originalRecord(o.id).iv, ct: originalRecord(o.id).ct })),
    );
    await fc.assert(
      fc.asyncProperty(damage, async (d) => {
        try {
          await putRaw('records', { ...d, id: victim().id });
          await checkDamagedRecord();
        } finally {
          await putRaw('records', rec);
        }
      }),
      { numRuns: 150 },
    );
    expect(await vault.accounts.get(victim().id)).toEqual({ ok: true, value: victim() });
  });

  it('authentic records (sealed with the real key and id) whose content is not an account', async () => {
    // What a bug in an older build, or a backup made by someone else's build, could hold.
    const tricky = fc.constantFrom<unknown>(
      JSON.parse('{"toString":1}'),
      JSON.parse('{"valueOf":1,"toString":{}}'),
      JSON.parse('{"__proto__":{"ok":true}}'),
      [6],
      ['SHA1'],
      { length: 8 },
      '6',
      6.5,
      -1,
      1e400,
      null,
    );
    const field = fc.constantFrom('id', 'origin', 'issuer', 'user', 'label', 'secret', 'algorithm', 'digits', 'period', 'state', 'backupCodes', 'createdAt', 'updatedAt');
    const plaintext = fc.oneof(
      bytes(0, 64), // not UTF-8, or not JSON
      fc.jsonValue().map((j) => utf8(JSON.stringify(j) ?? 'null')),
      fc.string({ unit: 'binary', maxLength: 40 }).map(utf8),
      // The account with one field (or a backup code) replaced by something else.
      fc.tuple(field, fc.oneof(tricky, fc.jsonValue())).map(([f, v]) => ({ ...victim(), [f]: v })),
      fc.tuple(fc.nat({ max: 7 }), fc.oneof(tricky, fc.jsonValue())).map(([i, v]) => ({
        ...victim(),
        backupCodes: victim().backupCodes.map((c, j) => (j === i ? v : c)),
      })),
      // A perfectly valid account, but another one's: sealed under the victim's id.
      fc.constant({ ...others()[0]! }),
    );
    const rec = originalRecord(victim().id);
    await fc.assert(
      fc.asyncProperty(plaintext, async (p) => {
        const bytesIn = p instanceof Uint8Array ? p : utf8(JSON.stringify(p));
        const iv = crypto.getRandomValues(new Uint8Array(12));
        const ct = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: recordAad(victim().id, 1) }, dataKey, bytesIn));
        try {
          await putRaw('records', { id: victim().id, iv, ct });
          // Still an account after all (a field replaced by an equal value, a valid label...):
          // then it must read back as that account.
          const read = await vault.accounts.get(victim().id);
          if (read.ok) {
            expect(read.value.id).toBe(victim().id);
            return;
          }
          await checkDamagedRecord();
        } finally {
          await putRaw('records', rec);
        }
      }),
      {
        numRuns: 200,
        examples: [[{ ...victim(), digits: JSON.parse('{"toString":1}') }], [{ ...victim(), period: JSON.parse('{"toString":1}') }]],
      },
    );
  });

  it('junk records under other ids (not accounts at all) never hide the good ones', async () => {
    const junk = fc.uniqueArray(
      fc.record({ id: fc.string({ minLength: 1, maxLength: 12 }).filter((id) => !accounts.some((a) => a.id === id)), iv: notBytes, ct: fc.oneof(notBytes, bytes(0, 60)) }),
      { minLength: 1, maxLength: 5, selector: (r) => r.id },
    );
    await fc.assert(
      fc.asyncProperty(junk, async (records) => {
        const db = await openDB(DB);
        try {
          for (const r of records) await db.put('records', r);
          const before = await rawDump();
          const list = await withFresh((v) => v.accounts.list());
          expect(list.ok && list.value.accounts).toEqual(accounts.slice().sort((a, b) => a.createdAt - b.createdAt));
          expect(list.ok && list.value.broken.map((b) => b.id).sort()).toEqual(records.map((r) => r.id).sort());
          expect(list.ok && list.value.broken.every((b) => b.error.code === 'record-corrupt')).toBe(true);
          await withFresh(async (v) => {
            for (const r of records) expect(await v.accounts.get(r.id)).toMatchObject({ ok: false, error: { code: 'record-corrupt' } });
          });
          expect(await rawDump()).toEqual(before);
        } finally {
          for (const r of records) await db.delete('records', r.id);
          db.close();
        }
      }),
      { numRuns: 60 },
    );
  });
});

const HEADER_ERRORS: VaultErrorCode[] = ['corrupt-header', 'unsupported-version', 'weak-kdf', 'wrong-passphrase'];

describe('a header holding anything: a clear error, untouched, records intact', () => {
  /** unlock/changePassphrase/create on the locked instance; the unlocked one still reads. */
  async function checkHeader(stored: unknown) {
    await putRaw('meta', stored, 'header');
    const before = await rawDump();
    expect(await locked.session.state()).toEqual({ ok: true, value: 'locked' });
    const parsed = await parseHeader(stored);
    const unlocked = await locked.session.unlock(PASS);
    if (unlocked.ok) {
      // Only a header that still says the same thing (e.g. JSON white space) may open.
      expect(parsed.ok).toBe(true);
      expect(await locked.accounts.list()).toEqual({ ok: true, value: { accounts, broken: [] } });
      await locked.session.lock();
    } else {
      expect(HEADER_ERRORS).toContain(unlocked.error.code);
      expect(unlocked.error.message).not.toBe('');
      expect(locked.session.isUnlocked()).toBe(false);
      // The cheap refusals only: a header that parses costs a derivation per call.
      if (!parsed.ok) {
        expect(await locked.session.changePassphrase(PASS, 'next')).toMatchObject({ ok: false, error: { code: unlocked.error.code } });
      }
    }
    expect(await rawDump()).toEqual(before);
    // A worker whose key is in session storage still reads every record.
    expect(await withFresh((v) => v.accounts.list())).toEqual({ ok: true, value: { accounts, broken: [] } });
  }

  async function run<T>(arb: fc.Arbitrary<T>, toStored: (x: T) => unknown, numRuns: number) {
    try {
      await fc.assert(
        fc.asyncProperty(arb, async (x) => checkHeader(toStored(x))),
        { numRuns },
      );
    } finally {
      await putRaw('meta', original.header, 'header');
    }
    expect((await locked.session.unlock(PASS)).ok).toBe(true);
    await locked.session.lock();
  }

  it('create() never writes over a damaged header', async () => {
    // Not in the properties: create derives a key (a fresh salt) before it looks.
    try {
      for (const stored of ['', '{}', original.header.slice(1), { v: 1 }]) {
        await putRaw('meta', stored, 'header');
        const before = await rawDump();
        expect(await locked.session.create('another')).toMatchObject({ ok: false, error: { code: 'vault-exists' } });
        expect(await rawDump()).toEqual(before);
      }
    } finally {
      await putRaw('meta', original.header, 'header');
    }
  });

  it('arbitrary strings and values', async () => {
    const stored = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc.jsonValue().map((j) => JSON.stringify(j) ?? ''),
      fc.jsonValue(),
      fc.constantFrom<unknown>(null, 0, true, new Uint8Array(10), [original.header], { header: original.header }),
    );
    await run(stored, (s) => s, 150);
  });

  it('mutations of the real header string (deleted, inserted, replaced characters; white space)', async () => {
    const h = original.header;
    const edit = fc.tuple(fc.constantFrom('delete', 'insert', 'replace', 'space'), fc.nat({ max: h.length }), fc.string({ unit: 'binary', minLength: 1, maxLength: 3 }));
    const mutated = fc.array(edit, { minLength: 1, maxLength: 3 }).map((edits) =>
      edits.reduce((s, [kind, at, text]) => {
        const i = at % (s.length + 1);
        if (kind === 'delete') return s.slice(0, i) + s.slice(i + 1);
        if (kind === 'insert') return s.slice(0, i) + text + s.slice(i);
        if (kind === 'replace') return s.slice(0, i) + text + s.slice(i + text.length);
        // White space after a structural character keeps the JSON meaning.
        const j = s.slice(i).search(/[{,:]/);
        return j < 0 ? s : s.slice(0, i + j + 1) + ' \n' + s.slice(i + j + 1);
      }, h),
    );
    await run(mutated.filter((s) => s !== h), (s) => s, 150);
  });

  it('consistent forgeries: one field changed and the checksum recomputed', async () => {
    const json = JSON.parse(original.header);
    const b64 = (n: number) => bytes(n, n).map(toBase64);
    const change = fc.oneof(
      fc.record({ v: fc.oneof(fc.integer({ min: 2, max: 99 }), fc.constantFrom<unknown>(0, '1', 1.5, null)) }),
      fc.record({ kdf: fc.record({ name: fc.constantFrom('PBKDF2-SHA256', 'PBKDF2-SHA1', 'argon2id', ''), iterations: fc.constantFrom(600_000), salt: fc.constant(json.kdf.salt) }) }),
      // Iterations out of range or not a number (a count in range would only cost time: it
      // is covered by the salt case, which also needs a derivation).
      fc.record({ kdf: fc.record({ name: fc.constant('PBKDF2-SHA256'), iterations: fc.oneof(fc.integer({ min: -1, max: 599_999 }), fc.integer({ min: 10_000_001 }), fc.constantFrom<unknown>(6e5 + 0.5, '600000', null, Infinity)), salt: fc.constant(json.kdf.salt) }) }),
      fc.record({ kdf: fc.record({ name: fc.constant('PBKDF2-SHA256'), iterations: fc.constant(600_000), salt: fc.oneof(b64(8), b64(15), b64(65), b64(16)) }) }),
      fc.record({ wrappedKey: fc.record({ iv: fc.oneof(b64(12), b64(11), b64(16)), ct: fc.constant(json.wrappedKey.ct) }) }),
      fc.record({ wrappedKey: fc.record({ iv: fc.constant(json.wrappedKey.iv), ct: fc.oneof(b64(48), b64(32), b64(64)) }) }),
    );
    try {
      await fc.assert(
        fc.asyncProperty(change, async (c) => {
          const forged = { ...json, ...c };
          // Recompute `check` the way the extension does, from the (possibly bad) fields.
          const canonical = JSON.stringify({
            v: forged.v,
            kdf: { name: forged.kdf.name, iterations: forged.kdf.iterations, salt: forged.kdf.salt },
            wrappedKey: { iv: forged.wrappedKey.iv, ct: forged.wrappedKey.ct },
          });
          forged.check = toBase64(new Uint8Array(await crypto.subtle.digest('SHA-256', utf8(canonical))));
          await checkHeader(JSON.stringify(forged));
        }),
        // Each salt, iv or ct change costs one derivation at the floor (a wrong passphrase).
        { numRuns: 12 },
      );
    } finally {
      await putRaw('meta', original.header, 'header');
    }
    // headerToJson is what writes `check`: the forgery above uses the real algorithm.
    const parsed = await parseHeader(original.header);
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(JSON.stringify(await headerToJson(parsed.value))).toBe(original.header);
  });
});
