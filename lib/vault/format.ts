/**
 * The vault header, version 1 (FORMAT.md is the reference; keep the two in step):
 *
 *   {"v":1,"kdf":{"name":"PBKDF2-SHA256","iterations":600000,"salt":"<b64>"},
 *    "wrappedKey":{"iv":"<b64>","ct":"<b64>"},"check":"<b64>"}
 *
 * Two protections, for two threats:
 * - Authenticity: v and kdf are the associated data of the key wrap, so a header whose
 *   parameters were changed cannot unwrap the data key. This is the security property.
 * - Integrity: `check` is an unkeyed SHA-256 over all fields. It cannot stop a deliberate
 *   forger (who can recompute it, and then only gets "wrong passphrase"), but it lets an
 *   accidentally damaged header say "damaged" instead of "wrong passphrase", without paying
 *   for a key derivation first.
 * A downgrade (fewer iterations, shorter salt) is refused whatever the checksum says.
 */
import { ok, type Result } from '../result';
import { fromBase64, toBase64, utf8, type Bytes } from './bytes';
import {
  DATA_KEY_BYTES,
  IV_BYTES,
  PBKDF2_MAX_ITERATIONS,
  PBKDF2_MIN_ITERATIONS,
  SALT_BYTES,
  deriveKek,
  newSalt,
  seal,
  unseal,
  type Sealed,
} from './crypto';
import { vaultError, type VaultError } from './errors';

export const VAULT_VERSION = 1;
export const KDF_NAME = 'PBKDF2-SHA256';
/** Longer salts are fine but pointless; past this the header is damaged. */
const MAX_SALT_BYTES = 64;
/** AES-GCM of the 32-byte data key: 32 bytes of ciphertext and a 16-byte tag. */
const WRAPPED_KEY_BYTES = DATA_KEY_BYTES + 16;

export interface KdfParams {
  readonly name: typeof KDF_NAME;
  readonly iterations: number;
  readonly salt: Bytes;
}

export interface VaultHeader {
  readonly v: typeof VAULT_VERSION;
  readonly kdf: KdfParams;
  readonly wrappedKey: Sealed;
}

/** The JSON shape of a header, as stored and as embedded in backup files. */
export interface HeaderJson {
  readonly v: number;
  readonly kdf: { readonly name: string; readonly iterations: number; readonly salt: string };
  readonly wrappedKey: { readonly iv: string; readonly ct: string };
  readonly check: string;
}

/** Refuses KDF parameters under the floor: the one check no header may skip. */
export function checkKdf(iterations: number, saltBytes: number): Result<void, VaultError> {
  if (!Number.isSafeInteger(iterations) || iterations > PBKDF2_MAX_ITERATIONS) {
    return vaultError('corrupt-header', `(implausible iteration count ${iterations})`);
  }
  if (iterations < PBKDF2_MIN_ITERATIONS) {
    return vaultError('weak-kdf', `(${iterations} iterations, at least ${PBKDF2_MIN_ITERATIONS} are required)`);
  }
  if (saltBytes < SALT_BYTES) return vaultError('weak-kdf', `(a ${saltBytes}-byte salt, at least ${SALT_BYTES} are required)`);
  if (saltBytes > MAX_SALT_BYTES) return vaultError('corrupt-header', `(a ${saltBytes}-byte salt)`);
  return ok(undefined);
}

/** Associated data of the key wrap: the UTF-8 of the compact JSON of v and kdf, in this order. */
export function headerAad(kdf: KdfParams): Bytes {
  return utf8(JSON.stringify({ v: VAULT_VERSION, kdf: { name: kdf.name, iterations: kdf.iterations, salt: toBase64(kdf.salt) } }));
}

async function checksum(v: number, kdf: HeaderJson['kdf'], wrappedKey: HeaderJson['wrappedKey']): Promise<string> {
  const canonical = JSON.stringify({
    v,
    kdf: { name: kdf.name, iterations: kdf.iterations, salt: kdf.salt },
    wrappedKey: { iv: wrappedKey.iv, ct: wrappedKey.ct },
  });
  return toBase64(new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', utf8(canonical))));
}

/** A header wrapping `dataKey` under `passphrase`, with a fresh salt. */
export async function newHeader(dataKey: Bytes, passphrase: string, iterations: number): Promise<VaultHeader> {
  const kdf: KdfParams = { name: KDF_NAME, iterations, salt: newSalt() };
  const kek = await deriveKek(passphrase, kdf.salt, iterations);
  return { v: VAULT_VERSION, kdf, wrappedKey: await seal(kek, dataKey, headerAad(kdf)) };
}

/** The raw data key, or `wrong-passphrase`. The caller wipes the bytes once imported. */
export async function openHeader(header: VaultHeader, passphrase: string): Promise<Result<Bytes, VaultError>> {
  const kek = await deriveKek(passphrase, header.kdf.salt, header.kdf.iterations);
  const raw = await unseal(kek, header.wrappedKey, headerAad(header.kdf));
  if (!raw) return vaultError('wrong-passphrase');
  if (raw.length !== DATA_KEY_BYTES) return vaultError('corrupt-header', '(bad data key length)');
  return ok(raw);
}

export async function headerToJson(h: VaultHeader): Promise<HeaderJson> {
  const kdf = { name: h.kdf.name, iterations: h.kdf.iterations, salt: toBase64(h.kdf.salt) };
  const wrappedKey = { iv: toBase64(h.wrappedKey.iv), ct: toBase64(h.wrappedKey.ct) };
  return { v: h.v, kdf, wrappedKey, check: await checksum(h.v, kdf, wrappedKey) };
}

export async function serializeHeader(h: VaultHeader): Promise<string> {
  return JSON.stringify(await headerToJson(h));
}

/** Parses a stored header. Never throws: whatever is in storage yields a header or an error. */
export async function parseHeader(stored: unknown): Promise<Result<VaultHeader, VaultError>> {
  if (typeof stored !== 'string') return vaultError('corrupt-header', '(not text)');
  let json: unknown;
  try {
    json = JSON.parse(stored);
  } catch {
    return vaultError('corrupt-header', '(not JSON)');
  }
  return headerFromJson(json);
}

/** Validates a header already parsed from JSON (the stored one, or a backup file's). */
export async function headerFromJson(json: unknown): Promise<Result<VaultHeader, VaultError>> {
  if (!isRecord(json)) return vaultError('corrupt-header', '(not an object)');
  const { v } = json;
  if (typeof v === 'number' && Number.isInteger(v) && v > VAULT_VERSION) {
    return vaultError('unsupported-version', `(version ${v})`);
  }
  if (v !== VAULT_VERSION) return vaultError('corrupt-header', '(bad version field)');
  const { kdf, wrappedKey, check } = json;
  if (!hasExactly(json, ['v', 'kdf', 'wrappedKey', 'check']) || !isRecord(kdf) || !isRecord(wrappedKey)) {
    return vaultError('corrupt-header', '(missing or unknown fields)');
  }
  if (!hasExactly(kdf, ['name', 'iterations', 'salt']) || !hasExactly(wrappedKey, ['iv', 'ct'])) {
    return vaultError('corrupt-header', '(missing or unknown fields)');
  }
  if (kdf.name !== KDF_NAME) return vaultError('corrupt-header', '(unknown key derivation)');
  if (typeof kdf.iterations !== 'number') return vaultError('corrupt-header', '(bad iteration count)');
  const salt = fromBase64(kdf.salt);
  const iv = fromBase64(wrappedKey.iv);
  const ct = fromBase64(wrappedKey.ct);
  if (!salt || !iv || !ct || typeof check !== 'string') return vaultError('corrupt-header', '(bad base64)');
  if (iv.length !== IV_BYTES || ct.length !== WRAPPED_KEY_BYTES) return vaultError('corrupt-header', '(bad wrapped key length)');
  const sum = await checksum(v, { name: kdf.name, iterations: kdf.iterations, salt: kdf.salt as string }, { iv: wrappedKey.iv as string, ct: wrappedKey.ct as string });
  if (sum !== check) return vaultError('corrupt-header', '(checksum mismatch)');
  const params = checkKdf(kdf.iterations, salt.length);
  if (!params.ok) return params;
  return ok({ v: VAULT_VERSION, kdf: { name: KDF_NAME, iterations: kdf.iterations, salt }, wrappedKey: { iv, ct } });
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function hasExactly(o: Record<string, unknown>, keys: readonly string[]): boolean {
  const own = Object.keys(o);
  return own.length === keys.length && keys.every((k) => Object.hasOwn(o, k));
}
