/**
 * lib/vault: the encrypted account store. What the background needs, and nothing more:
 *
 *   const opened = await openVault({ session: fromStorageArea(browser.storage.session) });
 *   if (!opened.ok) ...;                       // storage-error
 *   const { session, accounts } = opened.value; // already unlocked if the worker restarted
 *   await session.unlock(passphrase);           // Result: wrong-passphrase, corrupt-header, ...
 *   await accounts.update(id, (a) => ({ ...a, state: 'active' }));
 *   await session.lock();                       // from the auto-lock alarm too
 *
 * The data key never leaves this module except as raw bytes in the injected session storage.
 */
import { ok, type Result } from '../result';
import { AccountRepository, type Account } from './accounts';
import { snapshotBackup } from './backup';
import { vaultError, type VaultError } from './errors';
import { VaultSession, guard, type SessionStorageLike } from './session';
import { DEFAULT_DB_NAME, VaultStore } from './store';

export interface Vault {
  readonly session: VaultSession;
  readonly accounts: AccountRepository;
  /** These accounts as a backup file that opens with the vault passphrase (needs unlocked). */
  snapshot(accounts: readonly Account[]): Promise<Result<string, VaultError>>;
  /** Closes the database connection; the objects are unusable afterwards. */
  close(): void;
}

export interface OpenVaultOptions {
  /** `fromStorageArea(browser.storage.session)` in the extension; any Map-like store in tests. */
  readonly session: SessionStorageLike;
  /** IndexedDB database name. */
  readonly dbName?: string;
  /** Clock for the accounts' createdAt/updatedAt. */
  readonly now?: () => number;
}

/** Opens (or creates the schema of) the vault, and restores an unlocked session if one exists. */
export async function openVault(options: OpenVaultOptions): Promise<Result<Vault, VaultError>> {
  const dbName = options.dbName ?? DEFAULT_DB_NAME;
  const store = await guard(() => VaultStore.open(dbName));
  if (!store.ok) return vaultError('storage-error', store.error.message);
  const session = new VaultSession(store.value, options.session, { storageKey: `${dbName}:dataKey` });
  await session.restore();
  const accounts = new AccountRepository(store.value, session, options.now);
  return ok({
    session,
    accounts,
    snapshot: (list) => snapshotBackup(store.value, session, list),
    close: () => store.value.close(),
  });
}

export { fromStorageArea, type SessionStorageLike, type VaultState, type CreateOptions } from './session';
export type { VaultSession } from './session';
export type { AccountRepository } from './accounts';
export {
  createAccount,
  validateAccount,
  type Account,
  type AccountState,
  type AccountList,
  type BackupCode,
  type BrokenRecord,
  type NewAccount,
} from './accounts';
export { exportBackup, readBackup, BACKUP_FORMAT, isEncryptedBackup } from './backup';
export { PBKDF2_MIN_ITERATIONS } from './crypto';
export type { VaultError, VaultErrorCode } from './errors';
