/**
 * The account: the domain record one encrypted vault entry holds, its invariants, and how a
 * valid one is made. Every write and every read goes through validateAccount, so nothing
 * invalid is stored or handed out. (The repository that stores them is accounts.ts.)
 */
import { ok, type Result } from '../result';
import { backupCodeKey } from '../otp/backup-codes';
import { normalizeSecret, parseAlgorithm, parseDigits, parsePeriod, type Algorithm, type Digits, type OtpAccountParams } from '../otp/params';
import { vaultError, type VaultError } from './errors';

/**
 * pending: stored at enrollment, not yet confirmed by the site. replaced: a later enrollment
 * on the same origin and user took its place; kept (never deleted by a page) so that a
 * re-enrollment the user did not mean can be undone from the popup.
 */
export const ACCOUNT_STATES = ['pending', 'active', 'disabled', 'replaced'] as const;
export type AccountState = (typeof ACCOUNT_STATES)[number];

export interface BackupCode {
  /** As the portal showed it (separators kept); compare with sameBackupCode. */
  readonly code: string;
  readonly used: boolean;
}

/** A set of backup codes that a regeneration replaced, kept so it can be viewed or restored. */
export interface BackupCodeSet {
  readonly codes: readonly BackupCode[];
  readonly replacedAt: number;
}


export interface Account {
  readonly id: string;
  /**
   * The origin enrolled on (scheme://host[:port]), from the sender's URL, never the page.
   * null: unbound (added by hand or imported without a portal): its codes are shown in the
   * popup and copied, never filled into a page, until the user binds it to a portal.
   */
  readonly origin: string | null;
  readonly issuer: string;
  readonly user: string;
  /** The user's own name for it. */
  readonly label?: string;
  /**
   * The origin the account's URL issuer names, once the user confirmed in the popup that codes
   * may be filled there too (needed only when it is another site than `origin`).
   */
  readonly issuerOriginConfirmed?: string;
  /** Canonical base32 (see lib/otp normalizeSecret). */
  readonly secret: string;
  readonly algorithm: Algorithm;
  readonly digits: Digits;
  readonly period: number;
  readonly state: AccountState;
  readonly backupCodes: readonly BackupCode[];
  /** Sets that regenerations replaced, newest first, at most MAX_CODE_HISTORY. */
  readonly backupCodeHistory: readonly BackupCodeSet[];
  readonly createdAt: number;
  readonly updatedAt: number;
}

const MAX_TEXT = 1024;
const MAX_BACKUP_CODES = 100;
export const MAX_CODE_HISTORY = 10;

export interface NewAccount {
  readonly params: OtpAccountParams;
  /** An http(s) origin or URL; only its origin is kept. null: unbound (see Account.origin). */
  readonly origin: string | null;
  readonly state?: AccountState;
  readonly label?: string;
  readonly backupCodes?: readonly BackupCode[];
}

/** Builds a valid Account with a fresh random id. */
export function createAccount(input: NewAccount, now: number = Date.now()): Result<Account, VaultError> {
  const origin = input.origin === null ? null : toOrigin(input.origin);
  if (input.origin !== null && origin === null) return vaultError('invalid-account', '(the origin must be an http or https origin)');
  const { secret, algorithm, digits, period, issuer, user } = input.params;
  return validateAccount({
    id: globalThis.crypto.randomUUID(),
    origin,
    issuer,
    user,
    ...(input.label === undefined ? {} : { label: input.label }),
    secret,
    algorithm,
    digits,
    period,
    state: input.state ?? 'pending',
    backupCodes: input.backupCodes ?? [],
    backupCodeHistory: [],
    createdAt: now,
    updatedAt: now,
  });
}

/**
 * Checks every Account invariant and returns a clean copy (unknown fields dropped). Used on
 * every write and every read, so nothing invalid is stored or handed out.
 */
export function validateAccount(x: unknown): Result<Account, VaultError> {
  const bad = (what: string) => vaultError('invalid-account', `(${what})`);
  if (typeof x !== 'object' || x === null) return bad('not an object');
  const a = x as Record<string, unknown>;
  if (typeof a.id !== 'string' || a.id === '' || a.id.length > 128) return bad('id');
  if (a.origin !== null && (typeof a.origin !== 'string' || toOrigin(a.origin) !== a.origin)) return bad('origin');
  for (const f of ['issuer', 'user'] as const) {
    if (typeof a[f] !== 'string' || (a[f] as string).length > MAX_TEXT) return bad(f);
  }
  if (a.label !== undefined && (typeof a.label !== 'string' || a.label.length > MAX_TEXT)) return bad('label');
  const confirmed = a.issuerOriginConfirmed;
  if (confirmed !== undefined && (typeof confirmed !== 'string' || toOrigin(confirmed) !== confirmed)) return bad('issuer origin');
  if (typeof a.secret !== 'string') return bad('secret');
  const secret = normalizeSecret(a.secret);
  if (!secret.ok || secret.value !== a.secret) return bad('secret');
  const algorithm = typeof a.algorithm === 'string' ? parseAlgorithm(a.algorithm) : null;
  if (!algorithm?.ok || algorithm.value !== a.algorithm) return bad('algorithm');
  // typeof first: String() throws on an object such as {"toString":1} from a crafted record.
  const digits = typeof a.digits === 'number' ? parseDigits(String(a.digits)) : null;
  if (!digits?.ok || digits.value !== a.digits) return bad('digits');
  const period = typeof a.period === 'number' ? parsePeriod(String(a.period)) : null;
  if (!period?.ok || period.value !== a.period) return bad('period');
  if (!ACCOUNT_STATES.includes(a.state as AccountState)) return bad('state');
  const backupCodes = validateCodes(a.backupCodes);
  if (!backupCodes) return bad('backup codes');
  // Records written before the history existed have none.
  const rawHistory = a.backupCodeHistory ?? [];
  if (!Array.isArray(rawHistory) || rawHistory.length > MAX_CODE_HISTORY) return bad('backup code history');
  const backupCodeHistory: BackupCodeSet[] = [];
  for (const h of rawHistory as unknown[]) {
    const { codes, replacedAt } = (h ?? {}) as Record<string, unknown>;
    const valid = validateCodes(codes);
    if (!valid || !isTime(replacedAt)) return bad('backup code history');
    backupCodeHistory.push({ codes: valid, replacedAt });
  }
  if (!isTime(a.createdAt) || !isTime(a.updatedAt)) return bad('timestamps');
  return ok({
    id: a.id,
    origin: a.origin as string | null,
    issuer: a.issuer as string,
    user: a.user as string,
    ...(a.label === undefined ? {} : { label: a.label }),
    ...(confirmed === undefined ? {} : { issuerOriginConfirmed: confirmed as string }),
    secret: secret.value,
    algorithm: algorithm.value,
    digits: digits.value,
    period: period.value,
    state: a.state as AccountState,
    backupCodes,
    backupCodeHistory,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
  });
}

function toOrigin(s: string): string | null {
  try {
    const u = new URL(s);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.origin : null;
  } catch {
    return null;
  }
}

function validateCodes(x: unknown): BackupCode[] | null {
  if (!Array.isArray(x) || x.length > MAX_BACKUP_CODES) return null;
  const codes: BackupCode[] = [];
  for (const c of x as unknown[]) {
    const { code, used } = (c ?? {}) as Record<string, unknown>;
    if (typeof code !== 'string' || backupCodeKey(code) === '' || code.length > 64 || typeof used !== 'boolean') return null;
    codes.push({ code, used });
  }
  return codes;
}

function isTime(t: unknown): t is number {
  return typeof t === 'number' && Number.isFinite(t) && t >= 0;
}
