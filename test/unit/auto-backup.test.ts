/**
 * Automatic backups and backup health (lib/background/auto-backup.ts) against a real vault
 * (fake-indexeddb) and a fake downloads API: writes are debounced into one save into the
 * Downloads sub-folder, the file opens with the vault passphrase, only the last N are kept,
 * a failed save is recorded (and cleared by the next good one), and health counts accounts in
 * no backup. Also the exports that need the vault passphrase typed again.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAutoBackup, BACKUP_FOLDER, type DownloadsLike } from '@/lib/background/auto-backup';
import { createUiHandlers, type UiDeps } from '@/lib/background/ui-handlers';
import { readAppExport } from '@/lib/import';
import { createAccount, openVault, readBackup, type Vault } from '@/lib/vault';
import { mapStorage } from './support/vault-storage';

vi.mock('@/lib/vault/crypto', async (real) => (await import('./support/memo-kdf')).memoizeKdf(await real()));

const PASS = 'vault passphrase';
let vault: Vault;

function account(i: number) {
  const a = createAccount({ params: { secret: 'WMN2B6O54ADDPUH' + 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'[i], algorithm: 'SHA1', digits: 6, period: 30, issuer: `p${i}.cloud.ca`, user: `u${i}` }, origin: `https://p${i}.cloud.ca`, state: 'active' });
  if (!a.ok) throw new Error(a.error.message);
  return a.value;
}

/** A downloads API that completes (or interrupts) each download, and remembers the files. */
function fakeDownloads(fail = false) {
  const files = new Map<number, { filename: string; text: string }>();
  const states = new Map<number, string>();
  const listeners = new Set<(d: { id: number; state?: { current?: string }; error?: { current?: string } }) => void>();
  let next = 1;
  const api: DownloadsLike = {
    async download({ url, filename }) {
      const id = next++;
      const text = Buffer.from(url.slice(url.indexOf(',') + 1), 'base64').toString('utf8');
      if (!fail) files.set(id, { filename, text });
      states.set(id, fail ? 'interrupted' : 'complete');
      // The browser may finish before the caller listens: search() then tells.
      queueMicrotask(() => listeners.forEach((l) => l({ id, state: { current: fail ? 'interrupted' : 'complete' }, ...(fail ? { error: { current: 'FILE_NO_SPACE' } } : {}) })));
      return id;
    },
    search: async ({ id }) => [{ id, state: states.get(id), ...(fail ? { error: 'FILE_NO_SPACE' } : {}) }],
    removeFile: async (id) => void files.delete(id),
    erase: async ({ id }) => [id],
    onChanged: { addListener: (l) => void listeners.add(l), removeListener: (l) => void listeners.delete(l) },
  };
  return { api, files };
}

let stored: unknown;
function setup(downloads: DownloadsLike | null) {
  stored = undefined;
  return createAutoBackup({
    load: async () => stored,
    save: async (v) => void (stored = structuredClone(v)),
    downloads: async () => downloads,
    vault: async () => vault,
    now: Date.now,
    // Long: flush() runs the pending save, so a burst is one save whatever the machine's speed.
    debounceMs: 60_000,
  });
}

beforeEach(async () => {
  const opened = await openVault({ dbName: `auto-backup-${Math.random()}`, session: mapStorage() });
  if (!opened.ok) throw new Error(opened.error.message);
  vault = opened.value;
  expect((await vault.session.create(PASS)).ok).toBe(true);
});
afterEach(() => vault.close());

describe('automatic backups', () => {
  it('off by default: writes save nothing; health counts every account', async () => {
    const dl = fakeDownloads();
    const backup = setup(dl.api);
    backup.watch(vault);
    await vault.accounts.put(account(0));
    await backup.flush();
    expect(dl.files.size).toBe(0);
    expect(await backup.status()).toMatchObject({ auto: false, last: null, notBackedUp: 1, folder: BACKUP_FOLDER });
  });

  it('on: one debounced save per burst of writes, into the sub-folder, opening with the vault passphrase', async () => {
    const dl = fakeDownloads();
    const backup = setup(dl.api);
    backup.watch(vault);
    await backup.setAuto({ enabled: true });
    expect(dl.files.size).toBe(1); // turning it on saves a first copy
    const a = account(1);
    await vault.accounts.put(a);
    await vault.accounts.update(a.id, (x) => ({ ...x, label: 'renamed' }));
    await vault.accounts.put(account(2));
    await backup.flush();
    expect(dl.files.size).toBe(2);
    const last = [...dl.files.values()].at(-1)!;
    expect(last.filename).toMatch(new RegExp(`^${BACKUP_FOLDER}/cloudmc-authenticator-backup-\\d{4}-\\d\\d-\\d\\d_\\d\\d-\\d\\d-\\d\\d\\.json$`));
    const opened = await readBackup(last.text, PASS);
    expect(opened.ok && opened.value.accounts.map((x) => x.label ?? x.user).sort()).toEqual(['renamed', 'u2']);
    expect(await backup.status()).toMatchObject({ auto: true, notBackedUp: 0, error: null, last: { count: 2 } });
  });

  it('keeps only the last N files', async () => {
    const dl = fakeDownloads();
    const backup = setup(dl.api);
    backup.watch(vault);
    await backup.setAuto({ enabled: true, keep: 2 });
    for (let i = 0; i < 4; i++) {
      await vault.accounts.put(account(i));
      await backup.flush();
    }
    expect([...dl.files.keys()]).toEqual([4, 5]);
  });

  it('a failed save is recorded and shown; the next good one clears it', async () => {
    const bad = fakeDownloads(true);
    const backup = setup(bad.api);
    backup.watch(vault);
    await backup.setAuto({ enabled: true });
    const s = await backup.status();
    expect(s.error?.message).toContain('FILE_NO_SPACE');
    expect(s.notBackedUp).toBe(0); // the snapshot was taken, but...
    const none = setup(null);
    await none.setAuto({ enabled: true });
    expect((await none.status()).error?.message).toContain('downloads permission');
  });

  it('the popup snapshot and an encrypted export count as backups; a new account does not', async () => {
    const backup = setup(null);
    await vault.accounts.put(account(0));
    expect((await backup.status()).notBackedUp).toBe(1);
    const snap = await backup.snapshot();
    expect(snap.name).toMatch(/^cloudmc-authenticator-backup-.*\.json$/);
    expect((await readBackup(snap.file, PASS)).ok).toBe(true);
    expect((await backup.status()).notBackedUp).toBe(0);
    await vault.accounts.put(account(1));
    expect((await backup.status()).notBackedUp).toBe(1);
    const handlers = createUiHandlers({ vault: async () => vault, now: Date.now, backup, onActivity: async () => {} } as unknown as UiDeps);
    const sender = { kind: 'extension-page', url: 'x' } as never;
    await handlers['export.encrypted']!({ type: 'export.encrypted', vaultPassphrase: PASS, passphrase: 'file passphrase 1' }, sender);
    expect((await backup.status()).notBackedUp).toBe(0);
  });
});

describe('exports behind the vault passphrase', () => {
  const sender = { kind: 'extension-page', url: 'x' } as never;
  const handlers = () => createUiHandlers({ vault: async () => vault, now: Date.now, onActivity: async () => {} } as unknown as UiDeps);

  it('Aegis export: refused without or with a wrong passphrase; with it, reads back through our Aegis reader', async () => {
    const a = { ...account(3), backupCodes: [{ code: '12345678', used: true }] };
    await vault.accounts.put(a);
    const h = handlers();
    await expect(h['export.aegis']!({ type: 'export.aegis', vaultPassphrase: '' }, sender)).rejects.toMatchObject({ code: 'passphrase-required' });
    await expect(h['export.aegis']!({ type: 'export.aegis', vaultPassphrase: 'wrong one' }, sender)).rejects.toMatchObject({ code: 'wrong-passphrase' });
    const { file } = (await h['export.aegis']!({ type: 'export.aegis', vaultPassphrase: PASS }, sender)) as { file: string };
    const { batch } = await readAppExport(file, undefined, 'aegis.json');
    expect(batch.entries).toEqual([{ secret: a.secret, issuer: a.issuer, user: a.user, algorithm: 'SHA1', digits: 6, period: 30 }]);
    await expect(h['export.printable']!({ type: 'export.printable', vaultPassphrase: 'wrong one' }, sender)).rejects.toMatchObject({ code: 'wrong-passphrase' });
    const p = (await h['export.printable']!({ type: 'export.printable', vaultPassphrase: PASS }, sender)) as { accounts: Array<{ uri: string; backupCodes: unknown[] }> };
    expect(p.accounts[0]!.uri).toContain(`secret=${a.secret}`);
    expect(p.accounts[0]!.backupCodes).toEqual([{ code: '12345678', used: true }]);
  });
});
