import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createAccount, fromStorageArea, openVault, type Account, type SessionStorageLike, type Vault } from '@/lib/vault';
import { fromBase64 } from '@/lib/vault/bytes';
import { headerToJson } from '@/lib/vault/format';
import { mapStorage, rawDump, writeRawHeader } from './support/vault-storage';

const PASS = 'correct horse battery staple';


const opened: Vault[] = [];
afterEach(() => {
  for (const v of opened.splice(0)) v.close();
});

async function open(dbName: string, storage: SessionStorageLike = mapStorage()) {
  const r = await openVault({ dbName, session: storage });
  if (!r.ok) throw new Error(r.error.message);
  opened.push(r.value);
  return r.value;
}

let n = 0;
const freshName = () => `vault-session-${++n}-${Math.random()}`;


describe('create / unlock / lock', () => {
  it('goes absent -> unlocked -> locked -> unlocked', async () => {
    const storage = mapStorage();
    const v = await open(freshName(), storage);
    expect(await v.session.state()).toEqual({ ok: true, value: 'absent' });
    expect(await v.session.unlock(PASS)).toMatchObject({ ok: false, error: { code: 'no-vault' } });
    expect(await v.session.create(PASS)).toEqual({ ok: true, value: undefined });
    expect(v.session.isUnlocked()).toBe(true);
    expect(storage.map.size).toBe(1);
    expect(await v.session.lock()).toEqual({ ok: true, value: undefined });
    expect(v.session.isUnlocked()).toBe(false);
    expect(storage.map.size).toBe(0);
    expect(await v.session.state()).toEqual({ ok: true, value: 'locked' });
    expect(await v.session.unlock(PASS)).toEqual({ ok: true, value: undefined });
    expect(await v.session.state()).toEqual({ ok: true, value: 'unlocked' });
  });

  it('a wrong passphrase is a clear error and changes nothing', async () => {
    const name = freshName();
    const v = await open(name);
    await v.session.create(PASS);
    await v.session.lock();
    const before = await rawDump(name);
    const r = await v.session.unlock('correct horse battery stapler');
    expect(r).toMatchObject({ ok: false, error: { code: 'wrong-passphrase', message: 'Wrong passphrase.' } });
    expect(v.session.isUnlocked()).toBe(false);
    expect(await rawDump(name)).toEqual(before);
  });

  it('never creates over an existing vault; refuses empty passphrases and weak parameters', async () => {
    const name = freshName();
    const v = await open(name);
    expect(await v.session.create('')).toMatchObject({ ok: false, error: { code: 'empty-passphrase' } });
    expect(await v.session.create(PASS, { iterations: 599_999 })).toMatchObject({ ok: false, error: { code: 'weak-kdf' } });
    expect(await rawDump(name)).toEqual({ meta: [], records: [] });
    await v.session.create(PASS);
    const before = await rawDump(name);
    expect(await v.session.create('other')).toMatchObject({ ok: false, error: { code: 'vault-exists' } });
    expect(await rawDump(name)).toEqual(before);
  });

  it('a lock that lands during an unlock wins', async () => {
    const v = await open(freshName());
    await v.session.create(PASS);
    await v.session.lock();
    const unlocking = v.session.unlock(PASS);
    await v.session.lock();
    expect(await unlocking).toMatchObject({ ok: false, error: { code: 'locked' } });
    expect(v.session.isUnlocked()).toBe(false);
  });
});

describe('stored header problems: clear errors, stored bytes untouched', () => {
  it('every flipped byte of the stored header', async () => {
    const name = freshName();
    const v = await open(name);
    await v.session.create(PASS);
    await v.session.lock();
    const { meta } = await rawDump(name);
    const original = meta[0] as string;
    for (let i = 0; i < original.length; i++) {
      const flipped = original.slice(0, i) + String.fromCharCode(original.charCodeAt(i) ^ 0x01) + original.slice(i + 1);
      await writeRawHeader(name, flipped);
      const before = await rawDump(name);
      const r = await v.session.unlock(PASS);
      expect(r.ok, `byte ${i}`).toBe(false);
      if (!r.ok) expect(['corrupt-header', 'unsupported-version'], `byte ${i}`).toContain(r.error.code);
      expect(await rawDump(name)).toEqual(before);
    }
    await writeRawHeader(name, original);
    expect((await v.session.unlock(PASS)).ok).toBe(true);
  });

  it('a downgraded header with a valid checksum is refused as weak-kdf', async () => {
    const name = freshName();
    const v = await open(name);
    await v.session.create(PASS);
    await v.session.lock();
    const weak = JSON.parse((await rawDump(name)).meta[0] as string);
    // Rebuild a consistent header at 100,000 iterations, as an attacker with storage access could.
    const rebuilt = await headerToJson({
      v: 1,
      kdf: { name: 'PBKDF2-SHA256', iterations: 100_000, salt: fromBase64(weak.kdf.salt)! },
      wrappedKey: { iv: fromBase64(weak.wrappedKey.iv)!, ct: fromBase64(weak.wrappedKey.ct)! },
    });
    await writeRawHeader(name, JSON.stringify(rebuilt));
    const before = await rawDump(name);
    expect(await v.session.unlock(PASS)).toMatchObject({ ok: false, error: { code: 'weak-kdf' } });
    expect(await v.session.changePassphrase(PASS, 'new')).toMatchObject({ ok: false, error: { code: 'weak-kdf' } });
    expect(await rawDump(name)).toEqual(before);
  });

  it('a header that is not even text', async () => {
    const name = freshName();
    const v = await open(name);
    await writeRawHeader(name, { v: 1 });
    expect(await v.session.unlock(PASS)).toMatchObject({ ok: false, error: { code: 'corrupt-header' } });
    expect(await v.session.create(PASS)).toMatchObject({ ok: false, error: { code: 'vault-exists' } });
    expect(await rawDump(name)).toEqual({ meta: [{ v: 1 }], records: [] });
  });
});

describe('session storage (service worker restart)', () => {
  it('a new instance restores the unlocked state from session storage; lock wipes it', async () => {
    const name = freshName();
    const storage = mapStorage();
    const first = await open(name, storage);
    await first.session.create(PASS);
    const created = createAccount({
      params: { secret: 'WMN2B6O54ADDPUHJ', algorithm: 'SHA1', digits: 6, period: 30, issuer: 'i', user: 'u' },
      origin: 'https://charter.dev.cloudmc.io',
    });
    if (!created.ok) throw new Error(created.error.message);
    const account: Account = created.value;
    await first.accounts.put(account);
    first.close();
    opened.splice(opened.indexOf(first), 1);

    // The worker restarts: memory is gone, session storage is not.
    const second = await open(name, storage);
    expect(second.session.isUnlocked()).toBe(true);
    expect((await second.accounts.get(account.id)).ok).toBe(true);
    // Only the raw key is there: 32 bytes in base64.
    expect([...storage.map.values()]).toEqual([expect.stringMatching(/^[A-Za-z0-9+/]{43}=$/)]);

    await second.session.lock();
    expect(storage.map.size).toBe(0);
    const third = await open(name, storage);
    expect(third.session.isUnlocked()).toBe(false);
    expect(await third.accounts.get(account.id)).toMatchObject({ ok: false, error: { code: 'locked' } });
  });

  it('ignores and drops a malformed stored key, or one without a vault', async () => {
    const name = freshName();
    const storage = mapStorage(new Map([[`${name}:dataKey`, 'not base64!']]));
    const v = await open(name, storage);
    expect(v.session.isUnlocked()).toBe(false);
    expect(storage.map.size).toBe(0);

    const orphan = mapStorage(new Map([[`${name}-2:dataKey`, btoa('x'.repeat(32))]]));
    const w = await open(`${name}-2`, orphan);
    expect(w.session.isUnlocked()).toBe(false);
    expect(orphan.map.size).toBe(0);
  });

  it('works over a WebExtension StorageArea (browser.storage.session)', async () => {
    fakeBrowser.reset();
    const storage = fromStorageArea(fakeBrowser.storage.session);
    const name = freshName();
    const v = await open(name, storage);
    await v.session.create(PASS);
    expect(Object.keys(await fakeBrowser.storage.session.get(null))).toEqual([`${name}:dataKey`]);
    const w = await open(name, storage);
    expect(w.session.isUnlocked()).toBe(true);
    await w.session.lock();
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
  });
});

describe('changing the passphrase', () => {
  it('re-wraps the key: the new passphrase opens, the old does not, records are unchanged', async () => {
    const name = freshName();
    const v = await open(name);
    await v.session.create(PASS);
    const before = await rawDump(name);
    expect(await v.session.changePassphrase('wrong', 'new passphrase')).toMatchObject({ ok: false, error: { code: 'wrong-passphrase' } });
    expect(await v.session.changePassphrase(PASS, '')).toMatchObject({ ok: false, error: { code: 'empty-passphrase' } });
    expect(await rawDump(name)).toEqual(before);
    expect(await v.session.changePassphrase(PASS, 'new passphrase')).toEqual({ ok: true, value: undefined });
    expect(v.session.isUnlocked()).toBe(true);
    const after = await rawDump(name);
    expect(after.records).toEqual(before.records);
    expect(after.meta).not.toEqual(before.meta);
    await v.session.lock();
    expect(await v.session.unlock(PASS)).toMatchObject({ ok: false, error: { code: 'wrong-passphrase' } });
    expect((await v.session.unlock('new passphrase')).ok).toBe(true);
  });

  it('a failure half-way (the transaction aborts after the new header was put) keeps the old passphrase', async () => {
    const name = freshName();
    const v = await open(name);
    await v.session.create(PASS);
    const before = await rawDump(name);
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      const request = put.apply(this, args);
      if (this.name === 'meta') this.transaction.abort();
      return request;
    };
    try {
      const r = await v.session.changePassphrase(PASS, 'new passphrase');
      expect(r).toMatchObject({ ok: false, error: { code: 'storage-error' } });
    } finally {
      IDBObjectStore.prototype.put = put;
    }
    expect(await rawDump(name)).toEqual(before);
    await v.session.lock();
    expect(await v.session.unlock('new passphrase')).toMatchObject({ ok: false, error: { code: 'wrong-passphrase' } });
    expect((await v.session.unlock(PASS)).ok).toBe(true);
  });

  it('two concurrent changes: one wins, the other is a conflict, and exactly one passphrase opens', async () => {
    const name = freshName();
    const v = await open(name);
    await v.session.create(PASS);
    const [a, b] = await Promise.all([v.session.changePassphrase(PASS, 'alpha'), v.session.changePassphrase(PASS, 'bravo')]);
    expect([a.ok, b.ok].sort()).toEqual([false, true]);
    expect((a.ok ? b : a).ok === false && (a.ok ? b : a)).toMatchObject({ error: { code: 'conflict' } });
    await v.session.lock();
    const winner = a.ok ? 'alpha' : 'bravo';
    const loser = a.ok ? 'bravo' : 'alpha';
    expect((await v.session.unlock(loser)).ok).toBe(false);
    expect((await v.session.unlock(PASS)).ok).toBe(false);
    expect((await v.session.unlock(winner)).ok).toBe(true);
  });
});
