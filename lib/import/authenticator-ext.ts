/**
 * The Authenticator browser extension's plain JSON backup: an object keyed by entry hash,
 *
 *   { "<hash>": { "account": user, "issuer": ..., "secret": base32, "type": "totp" | "hotp" |
 *                 "battle" | "steam" | "hex" | "hhex", "encrypted": false,
 *                 "period"?, "digits"?, "algorithm"?: "SHA1" | 1 (1 SHA1, 2 SHA256, 3 SHA512) } }
 *
 * Encrypted entries (`encrypted: true`) are refused with a hint to export them unencrypted.
 */
import { emptyBatch, entryName, ImportError, isRecord, toParams, type ImportBatch } from './entry';

const entries = (json: unknown) => (isRecord(json) ? Object.values(json) : []);

export function isAuthenticatorExt(json: unknown): boolean {
  const list = entries(json);
  return list.length > 0 && list.every((e) => isRecord(e) && typeof e.secret === 'string' && ('account' in e || 'issuer' in e) && ('type' in e || 'encrypted' in e || 'hash' in e));
}

export function readAuthenticatorExt(json: unknown): ImportBatch {
  const batch = emptyBatch();
  entries(json).forEach((e, i) => {
    const entry = isRecord(e) ? e : {};
    const where = entryName('Authenticator', i, entry.issuer, entry.account);
    if (entry.encrypted === true) {
      throw new ImportError('unsupported-import', `${where} is encrypted: remove the extension's password, export again, then import. Nothing was imported.`);
    }
    const type = String(entry.type ?? 'totp').toLowerCase();
    if (type !== 'totp') {
      batch.skipped.push({ issuer: String(entry.issuer ?? ''), user: String(entry.account ?? ''), reason: `${type} codes are not supported` });
      return;
    }
    const algorithm = typeof entry.algorithm === 'number' ? ['', 'SHA1', 'SHA256', 'SHA512'][entry.algorithm] ?? String(entry.algorithm) : entry.algorithm;
    batch.entries.push(toParams({ secret: entry.secret, issuer: entry.issuer, user: entry.account, algorithm, digits: entry.digits, period: entry.period }, where));
  });
  return batch;
}
