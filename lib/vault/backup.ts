/**
 * Encrypted backup files: the vault format in one JSON document, under a passphrase of the
 * user's choosing and a data key of its own (a backup never carries the vault's key).
 *
 *   {"format":"cmc-authenticator-backup","header":<header JSON>,"records":[{"id","iv","ct"}]}
 *
 * with iv and ct in base64. FORMAT.md explains how to decrypt one without this code.
 */
import { ok, type Result } from '../result';
import { fromBase64, toBase64, utf8 } from './bytes';
import { PBKDF2_MIN_ITERATIONS, SALT_BYTES, importDataKey, newDataKeyBytes, recordAad, seal } from './crypto';
import { vaultError, type VaultError } from './errors';
import { VAULT_VERSION, checkKdf, headerFromJson, headerToJson, newHeader, openHeader, parseHeader } from './format';
import { dataKeyOf, guard, type VaultSession } from './session';
import type { VaultStore } from './store';
import { decryptRecord, type Account, type AccountList, type BrokenRecord } from './accounts';
import { BACKUP_FORMAT } from './backup-format';

export { BACKUP_FORMAT, isEncryptedBackup } from './backup-format';

export async function exportBackup(
  accounts: readonly Account[],
  passphrase: string,
  options: { readonly iterations?: number } = {},
): Promise<Result<string, VaultError>> {
  if (passphrase === '') return vaultError('empty-passphrase');
  const iterations = options.iterations ?? PBKDF2_MIN_ITERATIONS;
  const kdfCheck = checkKdf(iterations, SALT_BYTES);
  if (!kdfCheck.ok) return kdfCheck;
  const raw = newDataKeyBytes();
  try {
    const header = await newHeader(raw, passphrase, iterations);
    const key = await importDataKey(raw);
    const records = await Promise.all(
      accounts.map(async (a) => {
        const { iv, ct } = await seal(key, utf8(JSON.stringify(a)), recordAad(a.id, VAULT_VERSION));
        return { id: a.id, iv: toBase64(iv), ct: toBase64(ct) };
      }),
    );
    return ok(JSON.stringify({ format: BACKUP_FORMAT, header: await headerToJson(header), records }, null, 1));
  } finally {
    raw.fill(0);
  }
}

/**
 * Opens a backup file. Records that do not decrypt are listed in `broken` rather than
 * failing the whole file, like the vault itself.
 */
export async function readBackup(file: string, passphrase: string): Promise<Result<AccountList, VaultError>> {
  let json: unknown;
  try {
    json = JSON.parse(file);
  } catch {
    return vaultError('invalid-backup', '(not JSON)');
  }
  const doc = (typeof json === 'object' && json !== null ? json : {}) as Record<string, unknown>;
  if (doc.format !== BACKUP_FORMAT || !Array.isArray(doc.records)) return vaultError('invalid-backup');
  const header = await headerFromJson(doc.header);
  if (!header.ok) return header;
  const raw = await openHeader(header.value, passphrase);
  if (!raw.ok) return raw;
  const key = await importDataKey(raw.value);
  raw.value.fill(0);

  const accounts: Account[] = [];
  const broken: BrokenRecord[] = [];
  for (const r of doc.records as unknown[]) {
    const { id, iv, ct } = (r ?? {}) as Record<string, unknown>;
    const account = await decryptRecord(key, { id, iv: fromBase64(iv), ct: fromBase64(ct) });
    if (account.ok) accounts.push(account.value);
    else broken.push({ id: typeof id === 'string' ? id : '', error: account.error });
  }
  return ok({ accounts, broken });
}

/**
 * The vault itself as a backup file: the stored header (so it opens with the vault passphrase,
 * as it stood when the file was written) and every account sealed afresh under the vault's
 * data key. Automatic backups and the popup's one-click export write this: no passphrase to
 * type, nothing weaker than the vault in the profile. Needs the vault unlocked.
 */
export async function snapshotBackup(store: VaultStore, session: VaultSession, accounts: readonly Account[]): Promise<Result<string, VaultError>> {
  const key = dataKeyOf(session);
  if (!key) return vaultError('locked');
  const stored = await guard(() => store.readHeader());
  if (!stored.ok) return stored;
  const header = await parseHeader(stored.value);
  if (!header.ok) return header;
  const records = await Promise.all(
    accounts.map(async (a) => {
      const { iv, ct } = await seal(key, utf8(JSON.stringify(a)), recordAad(a.id, VAULT_VERSION));
      return { id: a.id, iv: toBase64(iv), ct: toBase64(ct) };
    }),
  );
  return ok(JSON.stringify({ format: BACKUP_FORMAT, header: await headerToJson(header.value), records }, null, 1));
}

