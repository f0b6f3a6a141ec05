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
 * the list, no code and no secret (it lives in storage.session, see FirstScreenIndex).
 */
export type AccountLabel = Omit<AccountView, 'code' | 'nextCode' | 'validUntil'>;

/** The accounts the popup shows before its first paint (the rows that fit); the rest follow when it is idle. */
export const FIRST_SCREEN = 8;

/**
 * The popup's first screen, non-secret: labels, hosts and order of the first FIRST_SCREEN
 * accounts that are not replaced. Kept by the background in storage.session under
 * FIRST_SCREEN_INDEX_KEY while the vault is unlocked, so that a popup opened while the worker
 * sleeps paints its rows at once; removed by every change to the accounts and by lock.
 */
export interface FirstScreenIndex {
  rows: AccountLabel[];
  /** More accounts exist than `rows` (replaced ones included). */
  more: boolean;
}

export const FIRST_SCREEN_INDEX_KEY = 'popup.firstScreenIndex';

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
      typeof r.backup.total === 'number',
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
