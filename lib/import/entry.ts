/**
 * What every import format turns into: TOTP parameters plus the names the app showed, checked
 * with lib/otp's own validation, or an ImportError that names the entry that is wrong.
 */
import { normalizeSecret, parseAlgorithm, parseDigits, parsePeriod, DEFAULT_ALGORITHM, DEFAULT_DIGITS, DEFAULT_PERIOD, type OtpAccountParams } from '../otp/params';

/** A problem in an import file; `message` names the line or entry, for the user. */
export class ImportError extends Error {
  constructor(
    readonly code: 'invalid-import' | 'passphrase-required' | 'wrong-passphrase' | 'unsupported-import',
    message: string,
  ) {
    super(message);
    this.name = 'ImportError';
  }
}

/** An entry the file holds that we do not import (HOTP, Steam...), shown in the preview. */
export interface SkippedEntry {
  issuer: string;
  user: string;
  reason: string;
}

export interface ImportBatch {
  entries: OtpAccountParams[];
  skipped: SkippedEntry[];
  /** Things the user should know, e.g. a Google Authenticator transfer missing one of its QR codes. */
  warnings: string[];
}

export const emptyBatch = (): ImportBatch => ({ entries: [], skipped: [], warnings: [] });

export interface RawEntry {
  secret: unknown;
  issuer?: unknown;
  user?: unknown;
  algorithm?: unknown;
  digits?: unknown;
  period?: unknown;
}

const text = (v: unknown) => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '');

/** "Aegis entry 3 (GitHub: alice)": how messages name an entry. */
export function entryName(app: string, index: number, issuer: unknown, user: unknown): string {
  const name = [text(issuer), text(user)].filter(Boolean).join(': ');
  return `${app} entry ${index + 1}${name ? ` (${name.slice(0, 60)})` : ''}`;
}

/** Validates one entry; throws an ImportError naming it (`where`) when a field is wrong. */
export function toParams(raw: RawEntry, where: string): OtpAccountParams {
  const bad = (why: string): never => {
    throw new ImportError('invalid-import', `${where}: ${why} Nothing was imported.`);
  };
  if (typeof raw.secret !== 'string' || raw.secret.trim() === '') bad('it has no secret.');
  const secret = normalizeSecret(raw.secret as string);
  if (!secret.ok) bad(secret.error.message);
  const opt = <T>(v: unknown, parse: (s: string) => { ok: true; value: T } | { ok: false; error: { message: string } }, dflt: T): T => {
    if (v === undefined || v === null || v === '' || v === 0) return dflt;
    const r = parse(text(v));
    return r.ok ? r.value : bad(r.error.message);
  };
  return {
    secret: secret.ok ? secret.value : '',
    algorithm: opt(raw.algorithm, parseAlgorithm, DEFAULT_ALGORITHM),
    digits: opt(raw.digits, parseDigits, DEFAULT_DIGITS),
    period: opt(raw.period, parsePeriod, DEFAULT_PERIOD),
    issuer: text(raw.issuer).slice(0, 1024),
    user: text(raw.user).slice(0, 1024),
  };
}

/** JSON.parse that answers undefined instead of throwing. */
export function parseJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return undefined;
  }
}

export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
