/**
 * Export and import. An encrypted backup is the vault's own format under a passphrase of its
 * own (lib/vault/backup.ts); the plaintext form is one otpauth URI a line. Import never
 * overwrites: an entry with the same secret and origin as a stored one is a duplicate and is
 * skipped, and a file with any unreadable line is refused whole, so nothing half-imports.
 */
import { formatOtpauthUri, parseOtpInput } from '../otp';
import { BACKUP_FORMAT, createAccount, readBackup, type Account } from '../vault';
import { originFromIssuer } from '../cloudmc/issuer';
import { ReplyError } from '../messages/router';
import type { ImportPreview } from '../messages/protocol';
import { unwrap } from './errors';

export function plainExport(accounts: readonly Account[]): string {
  return accounts.map((a) => formatOtpauthUri(a)).join('\n') + '\n';
}

function isEncryptedBackup(file: string): boolean {
  try {
    return (JSON.parse(file) as { format?: unknown } | null)?.format === BACKUP_FORMAT;
  } catch {
    return false;
  }
}

/** Reads a file into accounts ready to store (fresh ids for plaintext lines). */
export async function readImportFile(file: string, passphrase: string | undefined): Promise<Account[]> {
  if (isEncryptedBackup(file)) {
    if (!passphrase) throw new ReplyError('passphrase-required', 'This backup is encrypted: enter its passphrase.');
    const list = unwrap(await readBackup(file, passphrase));
    if (list.broken.length > 0) {
      throw new ReplyError('invalid-backup', `${list.broken.length} entries of this backup are damaged; nothing was imported.`);
    }
    return [...list.accounts];
  }
  const lines = file.split(/\r?\n/).map((l) => l.trim());
  const accounts: Account[] = [];
  lines.forEach((line, i) => {
    if (line === '' || line.startsWith('#')) return;
    const parsed = parseOtpInput(line);
    const where = `Line ${i + 1}`;
    if (!parsed.ok || parsed.value.source !== 'uri') {
      throw new ReplyError('invalid-import', `${where} is not an otpauth URI${parsed.ok ? '' : `: ${parsed.error.message}`}. Nothing was imported.`);
    }
    const origin = originFromIssuer(parsed.value.issuer);
    if (!origin) {
      throw new ReplyError('invalid-import', `${where} names no portal address in its issuer. Nothing was imported; add it by hand instead.`);
    }
    accounts.push(unwrap(createAccount({ params: parsed.value, origin, state: 'active' })));
  });
  if (accounts.length === 0) throw new ReplyError('invalid-import', 'This file holds no accounts.');
  return accounts;
}

const sameKey = (a: Account, b: Account) => a.secret === b.secret && a.origin === b.origin;

/**
 * What an import adds and what it skips. Every added account gets a fresh id: ids are ours,
 * and one taken from a file could otherwise land on a stored record (another account, or a
 * damaged one that list() leaves out) and replace it.
 */
export function planImport(existing: readonly Account[], incoming: readonly Account[]): { add: Account[]; duplicates: Account[] } {
  const add: Account[] = [];
  const duplicates: Account[] = [];
  for (const a of incoming) {
    if (existing.some((e) => sameKey(e, a)) || add.some((e) => sameKey(e, a))) duplicates.push(a);
    else add.push({ ...a, id: globalThis.crypto.randomUUID() });
  }
  return { add, duplicates };
}

export function previewOf(plan: { add: Account[]; duplicates: Account[] }): ImportPreview {
  const brief = ({ issuer, user, origin }: Account) => ({ issuer, user, origin });
  return { add: plan.add.map(brief), duplicates: plan.duplicates.map(brief) };
}
