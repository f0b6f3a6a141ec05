/**
 * Bitwarden's unencrypted JSON export: `{ "encrypted": false, "items": [ { "type": 1, "name",
 * "login": { "username", "totp": otpauth URI | base32 secret | "steam://..." } } ] }`.
 * Items without a `totp` are not authenticator entries and are left out silently.
 */
import { parseOtpInput } from '../otp';
import { emptyBatch, entryName, ImportError, isRecord, toParams, type ImportBatch } from './entry';

export function isBitwarden(json: unknown): json is { items: unknown[]; encrypted?: unknown } {
  return isRecord(json) && Array.isArray(json.items) && 'encrypted' in json;
}

export function readBitwarden(json: unknown): ImportBatch {
  if (!isBitwarden(json)) throw new ImportError('invalid-import', 'This is not a Bitwarden export.');
  if (json.encrypted === true) {
    throw new ImportError('unsupported-import', 'This Bitwarden export is encrypted: export it again as "JSON" (not "JSON (Encrypted)"). Nothing was imported.');
  }
  const batch = emptyBatch();
  json.items.forEach((it, i) => {
    const item = isRecord(it) ? it : {};
    const login = isRecord(item.login) ? item.login : {};
    const totp = typeof login.totp === 'string' ? login.totp.trim() : '';
    if (!totp) return;
    const where = entryName('Bitwarden', i, item.name, login.username);
    if (/^steam:\/\//i.test(totp)) {
      batch.skipped.push({ issuer: String(item.name ?? ''), user: String(login.username ?? ''), reason: 'Steam codes are not supported' });
      return;
    }
    if (/^otpauth:/i.test(totp)) {
      const parsed = parseOtpInput(totp);
      if (!parsed.ok) throw new ImportError('invalid-import', `${where}: ${parsed.error.message} Nothing was imported.`);
      const { source: _source, ...v } = parsed.value;
      batch.entries.push({ ...v, issuer: v.issuer || String(item.name ?? ''), user: v.user || String(login.username ?? '') });
      return;
    }
    batch.entries.push(toParams({ secret: totp, issuer: item.name, user: login.username }, where));
  });
  return batch;
}
