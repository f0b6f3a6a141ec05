/**
 * TOTP and backup-code primitives, as CloudMC uses them: SHA1, 6 digits, 30 s, a 16-character
 * base32 secret (80 bits), 8 backup codes of 8 digits. Verification goes through the `otpauth`
 * library so the sandbox is checked by an implementation independent from the extension's.
 */
import { randomInt } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';

export const PERIOD = 30;
export const DIGITS = 6;
/** ±1 step of drift is accepted, like most servers (RFC 6238 §5.2). */
export const WINDOW = 1;

/** A fresh 80-bit secret: exactly 16 base32 characters, no padding, like WMN2B6O54ADDPUHJ. */
export function newSecret(): string {
  return new Secret({ size: 10 }).base32;
}

/** `WMN2 B6O5 4ADD PUHJ`: how both UIs print the secret for manual entry. */
export function groupSecret(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}

/**
 * CloudMC's URI, byte for byte: the issuer goes unencoded into both the label and the parameter
 * (so the label of the current UI holds extra colons, `http://host:port/:user`), and there are no
 * algorithm/digits/period parameters. Deliberately not built with otpauth's URI serializer,
 * which would percent-encode it.
 */
export function otpauthUri(issuer: string, account: string, secret: string): string {
  return `otpauth://totp/${issuer}:${account}?secret=${secret}&issuer=${issuer}`;
}

function totpFor(secret: string): TOTP {
  return new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: DIGITS, period: PERIOD });
}

/** The code for a given time; used by the CLI banner and handy in tests. */
export function codeAt(secret: string, timestampMs: number): string {
  return totpFor(secret).generate({ timestamp: timestampMs });
}

export function counterAt(timestampMs: number): number {
  return Math.floor(timestampMs / 1000 / PERIOD);
}

/**
 * The time step a code belongs to, or null when it matches none within the window.
 * Callers enforce replay protection by comparing the step with the last one accepted.
 */
export function matchStep(secret: string, token: string, timestampMs: number): number | null {
  if (!/^\d{6}$/.test(token)) return null;
  const delta = totpFor(secret).validate({ token, timestamp: timestampMs, window: WINDOW });
  return delta === null ? null : counterAt(timestampMs) + delta;
}

/** 8 distinct codes of 8 digits; a leading zero is allowed, it is a string. */
export function newBackupCodes(count = 8): string[] {
  const codes = new Set<string>();
  while (codes.size < count) codes.add(String(randomInt(0, 100_000_000)).padStart(8, '0'));
  return [...codes];
}
