/**
 * 2FAS Authenticator backup (`.2fas`, JSON), plain or encrypted:
 *
 *   { "services": [ { "name", "secret", "otp": { "account", "label", "issuer", "digits",
 *                     "period", "algorithm", "tokenType": "TOTP" | "HOTP" | "STEAM" } } ],
 *     "schemaVersion": 4, ...,
 *     "servicesEncrypted": "<b64 ciphertext‖tag>:<b64 salt>:<b64 iv>" }   // encrypted only
 *
 * Encrypted: key = PBKDF2-HMAC-SHA256(password, salt, 10,000 iterations, 32 bytes), AES-256-GCM
 * with a 16-byte tag at the end of the ciphertext; the plaintext is the JSON services array.
 */
import { base64Bytes, gcmOpen } from './aes-gcm';
import { emptyBatch, entryName, ImportError, isRecord, parseJson, toParams, type ImportBatch } from './entry';

export const TWOFAS_ITERATIONS = 10_000;

export function isTwoFas(json: unknown): json is Record<string, unknown> {
  return isRecord(json) && Array.isArray(json.services) && ('schemaVersion' in json || 'servicesEncrypted' in json);
}

export const twoFasEncrypted = (json: unknown) => isTwoFas(json) && typeof json.servicesEncrypted === 'string';

export async function readTwoFas(json: unknown, passphrase: string | undefined): Promise<ImportBatch> {
  if (!isTwoFas(json)) throw new ImportError('invalid-import', 'This is not a 2FAS backup.');
  const services = typeof json.servicesEncrypted === 'string' ? await decrypt(json.servicesEncrypted, passphrase) : json.services;
  if (!Array.isArray(services)) throw new ImportError('invalid-import', 'This 2FAS backup has no list of services.');
  const batch = emptyBatch();
  services.forEach((s: unknown, i: number) => {
    const service = isRecord(s) ? s : {};
    const otp = isRecord(service.otp) ? service.otp : {};
    const issuer = otp.issuer || service.name;
    const user = otp.account || otp.label;
    const type = String(otp.tokenType ?? 'TOTP').toUpperCase();
    if (type !== 'TOTP') {
      batch.skipped.push({ issuer: String(issuer ?? ''), user: String(user ?? ''), reason: `${type} codes are not supported` });
      return;
    }
    batch.entries.push(
      toParams({ secret: service.secret, issuer, user, algorithm: otp.algorithm, digits: otp.digits, period: otp.period }, entryName('2FAS', i, issuer, user)),
    );
  });
  return batch;
}

async function decrypt(field: string, passphrase: string | undefined): Promise<unknown> {
  if (!passphrase) throw new ImportError('passphrase-required', 'This 2FAS backup is encrypted: enter its password.');
  const [ct, salt, iv] = field.split(':').map(base64Bytes);
  if (!ct || !salt || !iv || field.split(':').length !== 3 || ct.length <= 16) {
    throw new ImportError('invalid-import', 'This 2FAS backup is damaged (servicesEncrypted is not ciphertext:salt:iv). Nothing was imported.');
  }
  const base = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase), 'PBKDF2', false, ['deriveBits']);
  const key = new Uint8Array(
    await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: Uint8Array.from(salt), iterations: TWOFAS_ITERATIONS }, base, 256),
  );
  const plain = await gcmOpen(key, iv, ct);
  key.fill(0);
  if (!plain) throw new ImportError('wrong-passphrase', 'Wrong password for this 2FAS backup.');
  const parsed = parseJson(new TextDecoder().decode(plain));
  if (parsed === undefined) throw new ImportError('invalid-import', 'This 2FAS backup decrypted to something that is not JSON. Nothing was imported.');
  return parsed;
}
