/**
 * Export and import. An encrypted backup is the vault's own format under a passphrase of its
 * own (lib/vault/backup.ts); the plaintext form is one otpauth URI a line. Other apps' exports
 * are read by lib/import, Google Authenticator transfer QR images are decoded first (lib/qr).
 * Import never overwrites: an entry with the same secret and origin as a stored one is a
 * duplicate and is skipped, and a file with any unreadable line or entry is refused whole.
 * Entries whose issuer names no portal are stored unbound (origin null): their codes are shown
 * in the popup, never filled into a page.
 */
import { formatOtpauthUri } from '../otp';
import type { OtpAccountParams } from '../otp/params';
import { createAccount, isEncryptedBackup, readBackup, type Account } from '../vault';
import { originFromIssuer } from '../cloudmc/issuer';
import { ImportError, readAppExport, readQrText, warningsFor, type ImportBatch, type SkippedEntry } from '../import';
import { ReplyError } from '../messages/router';
import type { ImportPreview, ImportSource } from '../messages/protocol';
import type { Result } from '../result';
import { unwrap } from './unwrap';

export function plainExport(accounts: readonly Account[]): string {
  return accounts.map((a) => formatOtpauthUri(a)).join('\n') + '\n';
}

/** Decodes a QR image (data URL) into its text. */
export type DecodeQr = (dataUrl: string) => Promise<Result<string, { code: string; message: string }>>;

export const MAX_SOURCES = 30;
const MAX_TEXT = 5 * 1024 * 1024;

export interface ReadImport {
  accounts: Account[];
  skipped: SkippedEntry[];
  warnings: string[];
}

const fromParams = (params: OtpAccountParams): Account =>
  unwrap(createAccount({ params, origin: originFromIssuer(params.issuer), state: 'active' }));

/** Reads every file and image of one import; any bad one refuses the whole import. */
export async function readImport(sources: readonly ImportSource[], passphrase: string | undefined, decodeQr?: DecodeQr): Promise<ReadImport> {
  if (sources.length === 0) throw new ReplyError('invalid-import', 'Choose a file to import.');
  if (sources.length > MAX_SOURCES) throw new ReplyError('invalid-import', `Import at most ${MAX_SOURCES} files at once.`);
  const out: ReadImport = { accounts: [], skipped: [], warnings: [] };
  const parts: Parameters<typeof warningsFor>[0] = [];
  const take = (r: { batch: ImportBatch; parts: typeof parts }) => {
    out.accounts.push(...r.batch.entries.map(fromParams));
    out.skipped.push(...r.batch.skipped);
    out.warnings.push(...r.batch.warnings);
    parts.push(...r.parts);
  };
  try {
    for (const source of sources) {
      const name = String(source.name || 'This file').slice(0, 100);
      if (typeof source.image === 'string') {
        if (!decodeQr) throw new ReplyError('invalid-import', `${name}: images cannot be read here.`);
        const text = await decodeQr(source.image);
        if (!text.ok) throw new ReplyError('invalid-import', `${name}: ${text.error.message} Nothing was imported.`);
        take(readQrText(text.value, name));
      } else if (typeof source.text === 'string') {
        if (source.text.length > MAX_TEXT) throw new ReplyError('invalid-import', `${name} is larger than 5 MB.`);
        if (isEncryptedBackup(source.text)) out.accounts.push(...(await readOwnBackup(source.text, passphrase, name)));
        else take(await readAppExport(source.text, passphrase, name));
      } else throw new ReplyError('invalid-import', `${name} is empty.`);
    }
  } catch (e) {
    if (e instanceof ImportError) throw new ReplyError(e.code, e.message);
    throw e;
  }
  out.warnings.push(...warningsFor(parts));
  if (out.accounts.length === 0 && out.skipped.length === 0) throw new ReplyError('invalid-import', 'This file holds no accounts.');
  return out;
}

async function readOwnBackup(file: string, passphrase: string | undefined, name: string): Promise<Account[]> {
  if (!passphrase) throw new ReplyError('passphrase-required', `${name} is encrypted: enter its passphrase.`);
  const list = unwrap(await readBackup(file, passphrase));
  if (list.broken.length > 0) {
    throw new ReplyError('invalid-backup', `${list.broken.length} entries of ${name} are damaged; nothing was imported.`);
  }
  return [...list.accounts];
}

/** One file's text into accounts ready to store (the single-file form of readImport). */
export async function readImportFile(file: string, passphrase: string | undefined): Promise<Account[]> {
  const r = await readImport([{ name: 'This file', text: file }], passphrase);
  if (r.accounts.length === 0) throw new ReplyError('invalid-import', 'This file holds no accounts we can import.');
  return r.accounts;
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

export function previewOf(plan: { add: Account[]; duplicates: Account[] }, read?: Pick<ReadImport, 'skipped' | 'warnings'>): ImportPreview {
  const brief = ({ issuer, user, origin }: Account) => ({ issuer, user, origin });
  return {
    add: plan.add.map(brief),
    duplicates: plan.duplicates.map(brief),
    ...(read ? { skipped: read.skipped, warnings: read.warnings } : {}),
  };
}
