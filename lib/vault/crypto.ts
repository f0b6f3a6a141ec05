/**
 * The vault's cryptography, WebCrypto only (globalThis.crypto.subtle: the same code in Node 20,
 * the service worker and extension pages; no JS crypto to audit or ship).
 *
 * - KEK = PBKDF2-HMAC-SHA256(UTF-8(NFC(passphrase)), salt, iterations, 32 bytes), as a
 *   non-extractable AES-256-GCM key.
 * - The data key is 32 random bytes, wrapped by the KEK with AES-256-GCM (its own IV, the
 *   header as associated data), and used as a non-extractable AES-256-GCM key. Its raw bytes
 *   exist only between unwrap and import, and in session storage (see session.ts).
 * - Records: AES-256-GCM under the data key, a fresh random 96-bit IV per write, associated
 *   data binding the ciphertext to its record id and the vault version.
 */
import { randomBytes, utf8, type Bytes } from './bytes';

const subtle = globalThis.crypto.subtle;

/** OWASP's 2023 figure for PBKDF2-HMAC-SHA256. Refusing less is what stops a downgrade. */
export const PBKDF2_MIN_ITERATIONS = 600_000;
/** Above this an unlock takes tens of seconds: a damaged or hostile header, not a choice. */
export const PBKDF2_MAX_ITERATIONS = 10_000_000;
export const SALT_BYTES = 16;
export const DATA_KEY_BYTES = 32;
export const IV_BYTES = 12;
const AES = { name: 'AES-GCM', length: 256 } as const;

/**
 * Raw PBKDF2-HMAC-SHA256, no floor: for test vectors. The vault goes through deriveKek.
 */
export async function pbkdf2Sha256(password: string | Bytes, salt: Bytes, iterations: number, lengthBytes: number): Promise<Bytes> {
  const base = await subtle.importKey('raw', typeof password === 'string' ? utf8(password) : password, 'PBKDF2', false, ['deriveBits']);
  const bits = await subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, base, lengthBytes * 8);
  return new Uint8Array(bits);
}

/**
 * The key-encryption key. The passphrase is NFC-normalised so that "é" typed as one code
 * point or as e + accent opens the same vault. Callers validate the parameters first (they
 * come from a checked header); getting here under the floor is a bug, hence a throw.
 */
export async function deriveKek(passphrase: string, salt: Bytes, iterations: number): Promise<CryptoKey> {
  if (!(iterations >= PBKDF2_MIN_ITERATIONS && iterations <= PBKDF2_MAX_ITERATIONS) || salt.length < SALT_BYTES) {
    throw new RangeError('KDF parameters outside the allowed range');
  }
  const base = await subtle.importKey('raw', utf8(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveKey']);
  return subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, base, AES, false, ['encrypt', 'decrypt']);
}

export const newDataKeyBytes = (): Bytes => randomBytes(DATA_KEY_BYTES);
export const newSalt = (): Bytes => randomBytes(SALT_BYTES);

/** The in-memory form of the data key: usable, never exportable. */
export function importDataKey(raw: Bytes): Promise<CryptoKey> {
  return subtle.importKey('raw', raw, AES, false, ['encrypt', 'decrypt']);
}

export interface Sealed {
  readonly iv: Bytes;
  readonly ct: Bytes;
}

/** AES-256-GCM with a fresh random 96-bit IV (random IVs are safe far beyond 2^32 writes per key). */
export async function seal(key: CryptoKey, plaintext: Bytes, aad: Bytes): Promise<Sealed> {
  const iv = randomBytes(IV_BYTES);
  const ct = new Uint8Array(await subtle.encrypt({ name: 'AES-GCM', iv, additionalData: aad }, key, plaintext));
  return { iv, ct };
}

/** null when the tag does not verify: wrong key, or any changed byte of iv, ct or aad. */
export async function unseal(key: CryptoKey, sealed: Sealed, aad: Bytes): Promise<Bytes | null> {
  try {
    return new Uint8Array(await subtle.decrypt({ name: 'AES-GCM', iv: sealed.iv, additionalData: aad }, key, sealed.ct));
  } catch {
    return null;
  }
}

/** Associated data of a record: its id and the vault version, so records cannot be swapped. */
export function recordAad(id: string, version: number): Bytes {
  return utf8(`cmc-vault:${version}:record:${id}`);
}
