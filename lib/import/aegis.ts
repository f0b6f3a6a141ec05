/**
 * Aegis Authenticator vault export (docs/vault.md of the Aegis repository), plain or encrypted:
 *
 *   { "version": 1,
 *     "header": { "slots": null | [slot...], "params": null | { "nonce": hex, "tag": hex } },
 *     "db": { "version": n, "entries": [...] }          // plain
 *           | "<base64 AES-256-GCM ciphertext of that JSON>" }   // encrypted
 *
 * A password slot (`type` 1) holds scrypt parameters (`n`, `r`, `p`, hex `salt`) and the
 * master key encrypted with AES-256-GCM under scrypt(password) (`key` hex, `key_params`
 * nonce/tag hex). The master key opens `db` with `header.params`. Entries:
 *   { "type": "totp", "name": user, "issuer": ..., "info": { "secret", "algo", "digits", "period" } }
 */
import { scryptAsync } from '@noble/hashes/scrypt.js';
import { base64Bytes, concat, gcmOpen, hexBytes } from './aes-gcm';
import { emptyBatch, entryName, ImportError, isRecord, parseJson, toParams, type ImportBatch } from './entry';

/** Caps on the file's scrypt parameters: a hostile file must not make us allocate gigabytes. */
const MAX_SCRYPT_N = 1 << 20;
const MAX_SCRYPT_MEMORY = 256 * 1024 * 1024;

export function isAegis(json: unknown): json is { header: Record<string, unknown>; db: unknown } {
  return isRecord(json) && isRecord(json.header) && 'slots' in json.header && 'db' in json;
}

export const aegisEncrypted = (json: unknown) => isAegis(json) && typeof json.db === 'string';

export async function readAegis(json: unknown, passphrase: string | undefined): Promise<ImportBatch> {
  if (!isAegis(json)) throw new ImportError('invalid-import', 'This is not an Aegis vault.');
  let db = json.db;
  if (typeof db === 'string') db = await decryptDb(json.header, db, passphrase);
  if (!isRecord(db) || !Array.isArray(db.entries)) throw new ImportError('invalid-import', 'This Aegis vault has no list of entries.');
  const batch = emptyBatch();
  db.entries.forEach((e: unknown, i: number) => {
    const entry = isRecord(e) ? e : {};
    const where = entryName('Aegis', i, entry.issuer, entry.name);
    const type = String(entry.type ?? '').toLowerCase();
    if (type !== 'totp') {
      batch.skipped.push({ issuer: String(entry.issuer ?? ''), user: String(entry.name ?? ''), reason: `${type || 'unknown'} codes are not supported` });
      return;
    }
    const info = isRecord(entry.info) ? entry.info : {};
    batch.entries.push(
      toParams({ secret: info.secret, issuer: entry.issuer, user: entry.name, algorithm: info.algo, digits: info.digits, period: info.period }, where),
    );
  });
  return batch;
}

async function decryptDb(header: Record<string, unknown>, db: string, passphrase: string | undefined): Promise<unknown> {
  if (!passphrase) throw new ImportError('passphrase-required', 'This Aegis vault is encrypted: enter its password.');
  const params = isRecord(header.params) ? header.params : {};
  const slots = (Array.isArray(header.slots) ? header.slots : []).filter((s): s is Record<string, unknown> => isRecord(s) && s.type === 1);
  if (slots.length === 0) throw new ImportError('unsupported-import', 'This Aegis vault has no password slot (only biometric or raw keys): export it again with a password.');
  const damaged = () => new ImportError('invalid-import', 'This Aegis vault is damaged (its encryption header is incomplete). Nothing was imported.');
  for (const slot of slots) {
    const salt = hexBytes(slot.salt);
    const key = hexBytes(slot.key);
    const kp = isRecord(slot.key_params) ? slot.key_params : {};
    const nonce = hexBytes(kp.nonce);
    const tag = hexBytes(kp.tag);
    const { n, r, p } = slot;
    if (!salt || !key || !nonce || !tag || typeof n !== 'number' || typeof r !== 'number' || typeof p !== 'number') throw damaged();
    if (!(Number.isInteger(n) && n > 1 && (n & (n - 1)) === 0 && n <= MAX_SCRYPT_N && Number.isInteger(r) && r >= 1 && Number.isInteger(p) && p >= 1 && p <= 16 && 128 * n * r <= MAX_SCRYPT_MEMORY)) {
      throw new ImportError('unsupported-import', 'This Aegis vault asks for scrypt parameters beyond what we allow. Nothing was imported.');
    }
    const kek = await scryptAsync(new TextEncoder().encode(passphrase), salt, { N: n, r, p, dkLen: 32, maxmem: MAX_SCRYPT_MEMORY + 1024 * 1024 });
    const master = await gcmOpen(kek, nonce, concat(key, tag));
    if (!master) continue;
    const dbNonce = hexBytes(params.nonce);
    const dbTag = hexBytes(params.tag);
    const ct = base64Bytes(db);
    if (!dbNonce || !dbTag || !ct) throw damaged();
    const plain = await gcmOpen(master, dbNonce, concat(ct, dbTag));
    master.fill(0);
    if (!plain) throw new ImportError('invalid-import', 'This Aegis vault is damaged: its entries do not decrypt. Nothing was imported.');
    const parsed = parseJson(new TextDecoder().decode(plain));
    if (parsed === undefined) throw new ImportError('invalid-import', 'This Aegis vault decrypted to something that is not JSON. Nothing was imported.');
    return parsed;
  }
  throw new ImportError('wrong-passphrase', 'Wrong password for this Aegis vault.');
}
