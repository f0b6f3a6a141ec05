/**
 * Issue 10, item 11: "change passphrase and re-encrypt everything": a new data key, every
 * record rewritten, all in one transaction (a failure leaves the old vault whole).
 */
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { createAccount, openVault } from '@/lib/vault';
import { decryptRecord } from '@/lib/vault/accounts';
import { fromBase64 } from '@/lib/vault/bytes';
import { importDataKey } from '@/lib/vault/crypto';
import { VaultStore } from '@/lib/vault/store';
import { mapStorage, rawDump } from './support/vault-storage';

vi.mock('@/lib/vault/crypto', async (real) => (await import('./support/memo-kdf')).memoizeKdf(await real()));

const OLD = 'correct horse battery staple';
const NEW = 'a different passphrase 2';

async function vaultWithAccounts() {
  const dbName = `reencrypt-${Math.random()}`;
  const storage = mapStorage();
  const r = await openVault({ dbName, session: storage });
  if (!r.ok) throw new Error(r.error.message);
  const v = r.value;
  expect((await v.session.create(OLD)).ok).toBe(true);
  const account = createAccount({
    params: { secret: 'JBSWY3DPEHPK3PXP', algorithm: 'SHA1', digits: 6, period: 30, issuer: 'https://a.cloudmc.io/', user: 'alice' },
    origin: 'https://a.cloudmc.io',
    state: 'active',
  });
  if (!account.ok) throw new Error(account.error.message);
  const added = await v.accounts.put(account.value);
  expect(added.ok).toBe(true);
  return { v, dbName, storage };
}

describe('changePassphraseAndReencrypt', () => {
  it('new data key: every record rewritten, the old key opens nothing, the new passphrase opens all', async () => {
    const { v, dbName, storage } = await vaultWithAccounts();
    const before = await rawDump(dbName);
    const oldKey = [...storage.map.values()][0];
    expect((await v.session.changePassphraseAndReencrypt(OLD, NEW)).ok).toBe(true);
    const after = await rawDump(dbName);
    expect(after.records[0].ct).not.toEqual(before.records[0].ct);
    expect([...storage.map.values()][0]).not.toBe(oldKey);
    const old = await importDataKey(fromBase64(oldKey as string)!);
    expect(await decryptRecord(old, after.records[0])).toMatchObject({ ok: false, error: { code: 'record-corrupt' } });
    // Still unlocked, under the new key.
    const unlocked = await v.accounts.list();
    expect(unlocked.ok && unlocked.value.accounts).toHaveLength(1);
    // A fresh instance: the old passphrase fails, the new one opens the records.
    await v.session.lock();
    expect((await v.session.unlock(OLD)).ok).toBe(false);
    expect((await v.session.unlock(NEW)).ok).toBe(true);
    const list = await v.accounts.list();
    expect(list.ok && list.value.accounts.length === 1 && list.value.broken.length === 0).toBe(true);
  });

  it('a failure inside the transaction leaves the old vault exactly as it was', async () => {
    const { v, dbName } = await vaultWithAccounts();
    const before = await rawDump(dbName);
    const spy = vi.spyOn(VaultStore.prototype, 'rekey').mockRejectedValueOnce(new DOMException('quota', 'QuotaExceededError'));
    expect(await v.session.changePassphraseAndReencrypt(OLD, NEW)).toMatchObject({ ok: false, error: { code: 'storage-error' } });
    spy.mockRestore();
    expect(await rawDump(dbName)).toEqual(before);
    const list = await v.accounts.list();
    expect(list.ok && list.value.accounts.length).toBe(1);
  });

  it('a record written meanwhile: conflict, nothing written', async () => {
    const { v, dbName } = await vaultWithAccounts();
    const real = VaultStore.prototype.rekey;
    const spy = vi.spyOn(VaultStore.prototype, 'rekey').mockImplementationOnce(async function (this: VaultStore, ...args) {
      const list = await v.accounts.list();
      if (list.ok) await v.accounts.update(list.value.accounts[0]!.id, (a) => ({ ...a, label: 'renamed meanwhile' }));
      return real.apply(this, args);
    });
    const before = await v.accounts.list();
    expect(await v.session.changePassphraseAndReencrypt(OLD, NEW)).toMatchObject({ ok: false, error: { code: 'conflict' } });
    spy.mockRestore();
    expect(before.ok).toBe(true);
    const list = await v.accounts.list();
    expect(list.ok && list.value.accounts[0]!.label).toBe('renamed meanwhile');
    expect((await rawDump(dbName)).records).toHaveLength(1);
  });
});
