/**
 * TOTP parameters and their validation. Everything that produces `OtpParams` goes through
 * these checks, so code generation can trust what it is given.
 */
import { fail, ok, type Failure, type Result } from '../result';

export type Algorithm = 'SHA1' | 'SHA256' | 'SHA512';
export type Digits = 6 | 7 | 8;

/** What code generation needs. */
export interface OtpParams {
  /** RFC 4648 base32: upper case, no padding, no separators; MIN_SECRET_BITS..MAX_SECRET_BITS. */
  readonly secret: string;
  readonly algorithm: Algorithm;
  readonly digits: Digits;
  /** Time step in seconds, an integer in MIN_PERIOD..MAX_PERIOD. */
  readonly period: number;
}

/** What an otpauth URI names besides the parameters. Empty strings when absent. */
export interface OtpAccountParams extends OtpParams {
  readonly issuer: string;
  readonly user: string;
}

/** The key URI format's defaults, which is also what CloudMC uses (it sends none). */
export const DEFAULT_ALGORITHM: Algorithm = 'SHA1';
export const DEFAULT_DIGITS: Digits = 6;
export const DEFAULT_PERIOD = 30;

/**
 * 80 bits: RFC 4226 asks for 128 and recommends 160, but CloudMC issues 80-bit secrets
 * (16 base32 characters, e.g. WMN2B6O54ADDPUHJ) and we must accept them. Below 80 bits a
 * typo (a dropped group of four) is more likely than a real secret, so we refuse it.
 */
export const MIN_SECRET_BITS = 80;
/** 2048 bits: four times the largest HMAC block (SHA-512); more is a paste error, not a key. */
export const MAX_SECRET_BITS = 2048;

/** No issuer uses less than 15 s or more than 120 s; outside 10..300 s it is a broken URI. */
export const MIN_PERIOD = 10;
export const MAX_PERIOD = 300;

export type ParamErrorCode =
  | 'invalid-base32'
  | 'secret-too-short'
  | 'secret-too-long'
  | 'invalid-algorithm'
  | 'invalid-digits'
  | 'invalid-period';

const BASE32 = /^[A-Z2-7]*$/;

/**
 * Normalises a base32 secret as people and issuers write it: spaces, dashes and `=` padding
 * are dropped, lower case is accepted. Returns the canonical form (upper case, unpadded).
 */
export function normalizeSecret(input: string): Result<string, Failure<ParamErrorCode>> {
  const s = input.replace(/[\s-]/g, '').replace(/=+$/, '').toUpperCase();
  if (!BASE32.test(s)) {
    // Base32 leaves out 0, 1 and 8 because they look like O, I and B: say so, it is the usual typo.
    const bad = [...s].find((c) => !/[A-Z2-7]/.test(c));
    const lookalike = bad === '0' ? 'O' : bad === '1' ? 'I' : bad === '8' ? 'B' : undefined;
    const hint = lookalike ? ` ("${bad}" is not base32; did you mean "${lookalike}"?)` : '';
    return fail('invalid-base32', `The secret is not valid base32: it may only hold the letters A-Z and the digits 2-7${hint}.`);
  }
  // 8 base32 characters carry 5 bytes; a group ending in 1, 3 or 6 characters cannot come
  // from whole bytes, so the secret was truncated or mistyped.
  if ([1, 3, 6].includes(s.length % 8)) {
    return fail('invalid-base32', 'The secret is not valid base32: its length is impossible (a character is missing or extra).');
  }
  const bits = Math.floor((s.length * 5) / 8) * 8;
  if (bits < MIN_SECRET_BITS) {
    return fail('secret-too-short', `The secret is too short: ${bits} bits, at least ${MIN_SECRET_BITS} (16 characters) are needed.`);
  }
  if (bits > MAX_SECRET_BITS) {
    return fail('secret-too-long', `The secret is too long: ${bits} bits, at most ${MAX_SECRET_BITS}.`);
  }
  return ok(s);
}

/** Accepts SHA1, SHA256, SHA512 in any case, with or without the dash (SHA-256). */
export function parseAlgorithm(input: string): Result<Algorithm, Failure<ParamErrorCode>> {
  const a = input.trim().toUpperCase().replace('-', '');
  if (a === 'SHA1' || a === 'SHA256' || a === 'SHA512') return ok(a);
  return fail('invalid-algorithm', `Unsupported algorithm "${clip(input)}": use SHA1, SHA256 or SHA512.`);
}

export function parseDigits(input: string): Result<Digits, Failure<ParamErrorCode>> {
  const d = /^\d$/.test(input.trim()) ? Number(input.trim()) : NaN;
  if (d === 6 || d === 7 || d === 8) return ok(d);
  return fail('invalid-digits', `Unsupported number of digits "${clip(input)}": use 6, 7 or 8.`);
}

export function parsePeriod(input: string): Result<number, Failure<ParamErrorCode>> {
  const p = /^\d{1,4}$/.test(input.trim()) ? Number(input.trim()) : NaN;
  if (p >= MIN_PERIOD && p <= MAX_PERIOD) return ok(p);
  return fail('invalid-period', `Unsupported period "${clip(input)}": use a whole number of seconds from ${MIN_PERIOD} to ${MAX_PERIOD}.`);
}

/** Keeps echoed input short in messages. */
function clip(s: string): string {
  return s.length > 20 ? `${s.slice(0, 20)}…` : s;
}
