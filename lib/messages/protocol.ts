/**
 * The typed message protocol. Three channels, each a map from message type to its request
 * fields and its answer, so that a sender and a handler cannot disagree on a shape:
 *
 * - `UiProtocol`: extension pages (popup, options) -> background. May drive the vault.
 * - `PageProtocol`: content script -> background. Reports page facts; gets the least it can.
 * - `TabProtocol`: background -> content script.
 *
 * Answers cross the boundary as `Reply<T>` so that errors arrive as data with a code a UI can
 * translate, never as a rejected promise with a stack.
 */

export type VaultState = 'absent' | 'locked' | 'unlocked';

export type AccountState = 'pending' | 'active' | 'disabled';

/** What the popup may know of an account: never its secret. */
export interface AccountView {
  id: string;
  /** The origin the account was enrolled on (scheme://host[:port]). */
  origin: string;
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
}

export interface BackupCodeView {
  code: string;
  used: boolean;
}

export type AutoLock = 1 | 5 | 15 | 30 | 60 | 'browser-restart' | 'never';

export interface Settings {
  /** Minutes of inactivity before the vault locks, or only on browser restart, or never. */
  autoLock: AutoLock;
  /** Fill the code at the login challenge. */
  autofill: boolean;
  /** Submit the challenge after filling it. */
  autoSubmit: boolean;
  /** Click Enable / Verify and Save after filling the enrollment code. */
  autoConfirmEnroll: boolean;
}

export interface ImportPreview {
  /** Entries that will be added. */
  add: Array<{ issuer: string; user: string; origin: string }>;
  /** Entries already in the vault (same secret and origin); they are skipped, never overwritten. */
  duplicates: Array<{ issuer: string; user: string; origin: string }>;
}

export interface UiProtocol {
  'vault.status': { req: {}; res: { state: VaultState } };
  'vault.create': { req: { passphrase: string }; res: { state: VaultState } };
  'vault.unlock': { req: { passphrase: string }; res: { state: VaultState } };
  'vault.lock': { req: {}; res: { state: VaultState } };
  'vault.changePassphrase': { req: { current: string; next: string }; res: {} };

  /** `broken` counts stored entries that could not be read; they are kept untouched. */
  'accounts.list': { req: {}; res: { accounts: AccountView[]; broken: number } };
  /** `input` is an otpauth URI or a base32 secret; for a bare secret, issuer/user/origin name it. */
  'accounts.add': {
    req: { input: string; issuer?: string; user?: string; origin?: string };
    res: { account: AccountView };
  };
  'accounts.rename': { req: { id: string; label: string }; res: { account: AccountView } };
  'accounts.delete': { req: { id: string }; res: {} };

  'backup.list': { req: { id: string }; res: { codes: BackupCodeView[] } };
  'backup.setUsed': { req: { id: string; code: string; used: boolean }; res: { codes: BackupCodeView[] } };

  'settings.get': { req: {}; res: { settings: Settings } };
  'settings.set': { req: { settings: Partial<Settings> }; res: { settings: Settings } };

  'sites.list': { req: {}; res: { builtIn: string[]; granted: string[] } };
  'sites.remove': { req: { pattern: string }; res: { granted: string[] } };

  /** An encrypted backup file (JSON text) under its own passphrase. */
  'export.encrypted': { req: { passphrase: string }; res: { file: string } };
  /** Plaintext otpauth URIs, one a line: the UI must have warned the user first. */
  'export.plain': { req: {}; res: { text: string } };
  /** `passphrase` is needed for an encrypted file, ignored for a URI list. */
  'import.preview': { req: { file: string; passphrase?: string }; res: ImportPreview };
  'import.apply': { req: { file: string; passphrase?: string }; res: ImportPreview };
}

export interface PageProtocol {
  /** A content script announces itself; the background answers whether it may act here. */
  'page.hello': { req: {}; res: { enabled: boolean } };
}

export interface TabProtocol {
  'cs.ping': { req: {}; res: { alive: true } };
}

/** A channel maps each message type to its request fields and its answer. */
type Channel<P> = { [K in keyof P]: { req: object; res: unknown } };

export type MessageOf<P extends Channel<P>> = {
  [K in keyof P & string]: { type: K } & P[K]['req'];
}[keyof P & string];

export type AnswerOf<P extends Channel<P>, K extends keyof P> = P[K]['res'];

export type ErrorCode =
  | 'forbidden'
  | 'unknown-message'
  | 'internal'
  | (string & {}); // feature modules add their own codes

export type Reply<T> = { ok: true; value: T } | { ok: false; error: { code: ErrorCode; message: string } };
