/**
 * What extension pages are shown of accounts: views without secrets, and the popup's
 * non-secret first-screen index. Part of the protocol (re-exported by protocol.ts).
 */
import type { AccountState } from '../vault/accounts';

/** What the popup may know of an account: never its secret. */
export interface AccountView {
  id: string;
  /** The origin the account was enrolled on (scheme://host[:port]); null: not bound to a portal. */
  origin: string | null;
  issuer: string;
  user: string;
  /** A name the user gave it; shown instead of issuer/user when set. */
  label?: string;
  state: AccountState;
  digits: number;
  period: number;
  /** The current code and the next one, so the popup can roll over without asking again. */
  code: string;
  nextCode: string;
  /** Epoch ms at which `code` expires (clock offset already applied). */
  validUntil: number;
  backup: { total: number; remaining: number };
  /**
   * When the issuer is a URL naming another site than `origin` (CloudMC's login host on its
   * own domain): that origin, and whether the user allowed codes to be filled there.
   */
  issuerSite?: { origin: string; allowed: boolean };
}

/**
 * What the popup may paint before the background answers: an account's names and place in
 * the list, no code and no secret (see FirstScreenIndex).
 */
export type AccountLabel = Omit<AccountView, 'code' | 'nextCode' | 'validUntil'>;

/** The accounts the popup shows before its first paint (the rows that fit); the rest follow when it is idle. */
export const FIRST_SCREEN = 8;

/**
 * A row's codes for a bounded horizon: `codes[i]` is the code from `from + i * period` s to
 * the step after, on the local clock (the background's clock offset already applied). What
 * the popup shows anyway, never the secret; nothing past the last step is ever shown from it.
 */
export interface UpcomingCodes {
  /** Local epoch ms at which `codes[0]` became the current code (a step start). */
  from: number;
  codes: string[];
}

/** A first-screen row: its label, and (while the vault is unlocked) its upcoming codes. */
export type FirstScreenRow = AccountLabel & { upcoming?: UpcomingCodes };

/**
 * The popup's first screen: labels, hosts and order of the first FIRST_SCREEN accounts that
 * are not replaced, and their codes for the next minutes (no secret, no backup code). Kept
 * by the background, while the vault is unlocked, in the toolbar popup's URL (popup-url.ts;
 * browser memory only, read by our own extension contexts only), so that the popup paints its
 * codes in its first render, the worker awake or not; removed by every change to the
 * accounts and by lock. FIRST_SCREEN_INDEX_KEY names it in the background's store.
 */
export interface FirstScreenIndex {
  rows: FirstScreenRow[];
  /** More accounts exist than `rows` (replaced ones included). */
  more: boolean;
}

export const FIRST_SCREEN_INDEX_KEY = 'popup.firstScreenIndex';

const isUpcoming = (u: UpcomingCodes): boolean =>
  !!u && typeof u.from === 'number' && Array.isArray(u.codes) && u.codes.every((c) => typeof c === 'string' && /^\d+$/.test(c));

/**
 * The code a row's upcoming codes give for `now` (local epoch ms), with the next one: only
 * inside the horizon (the last step is never shown, it has no next code), else undefined.
 */
export function codeAt(row: FirstScreenRow, now: number): Pick<AccountView, 'code' | 'nextCode' | 'validUntil'> | undefined {
  const u = row.upcoming;
  if (!u) return undefined;
  const ms = row.period * 1000;
  const i = Math.floor((now - u.from) / ms);
  if (!(i >= 0 && i + 1 < u.codes.length)) return undefined;
  return { code: u.codes[i]!, nextCode: u.codes[i + 1]!, validUntil: u.from + (i + 1) * ms };
}

/** A stored index, checked for shape: a bad value is no index, never a broken popup. */
export function parseFirstScreenIndex(x: unknown): FirstScreenIndex | undefined {
  const v = x as Partial<FirstScreenIndex> | null | undefined;
  if (!v || typeof v !== 'object' || !Array.isArray(v.rows) || typeof v.more !== 'boolean') return undefined;
  const good = v.rows.every(
    (r) =>
      !!r &&
      typeof r.id === 'string' &&
      typeof r.user === 'string' &&
      typeof r.issuer === 'string' &&
      (r.origin === null || typeof r.origin === 'string') &&
      typeof r.period === 'number' &&
      typeof r.state === 'string' &&
      !!r.backup &&
      typeof r.backup.total === 'number' &&
      (r.upcoming === undefined || isUpcoming(r.upcoming)),
  );
  return good ? (v as FirstScreenIndex) : undefined;
}

/** `accounts.list` with `first`: the popup's first screen (see UiProtocol). */
export interface FirstScreenAnswer {
  accounts: AccountView[];
  broken: number;
  more?: boolean;
}

export interface BackupCodeView {
  code: string;
  used: boolean;
}
