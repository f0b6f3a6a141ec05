/**
 * Codes as an authenticator app would compute them, for tests that drive the sandbox by hand.
 * Uses `otpauth` directly (not the sandbox's totp.ts), so a mistake in the sandbox's wrapper
 * cannot hide itself. `offsetSeconds` mirrors the sandbox's clockOffsetSeconds.
 */
import { Secret, TOTP } from 'otpauth';

const PARAMS = { algorithm: 'SHA1', digits: 6, period: 30 } as const;

export function totpAt(secret: string, timestampMs: number): string {
  return TOTP.generate({ secret: Secret.fromBase32(secret.replace(/\s/g, '')), ...PARAMS, timestamp: timestampMs });
}

export function totpNow(secret: string, offsetSeconds = 0): string {
  return totpAt(secret, Date.now() + offsetSeconds * 1000);
}

/**
 * A 6-digit code that is certainly wrong: not the code of any step within ±2 of now (the server
 * accepts ±1; the extra margin covers a step boundary passing while the test runs).
 */
export function wrongCode(secret: string, offsetSeconds = 0): string {
  const now = Date.now() + offsetSeconds * 1000;
  const valid = new Set([-2, -1, 0, 1, 2].map((d) => totpAt(secret, now + d * 30_000)));
  for (let i = 0; ; i += 111_111) {
    const c = String(i % 1_000_000).padStart(6, '0');
    if (!valid.has(c)) return c;
  }
}

/** The secret as printed by both UIs (`WMN2 B6O5 4ADD PUHJ`) back to base32. */
export function secretFromDisplay(text: string): string {
  return text.replace(/\s+/g, '').toUpperCase();
}
