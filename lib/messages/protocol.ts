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

export type { VaultState } from '../vault/session';
import type { VaultState } from '../vault/session';

export type { AccountState } from '../vault/accounts';
import type { Failure, Result } from '../result';

export * from './account-views';
import type { AccountView, BackupCodeView, FirstScreenAnswer } from './account-views';

/** Auto-lock choices, in the order the options page lists them. */
export const AUTO_LOCK_CHOICES = [1, 5, 15, 30, 60, 'browser-restart', 'never'] as const;
export type AutoLock = (typeof AUTO_LOCK_CHOICES)[number];

/** The shortest vault passphrase the background accepts and the forms ask for. */
export const MIN_PASSPHRASE = 10;

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
  add: Array<{ issuer: string; user: string; origin: string | null }>;
  /** Entries already in the vault (same secret and origin); they are skipped, never overwritten. */
  duplicates: Array<{ issuer: string; user: string; origin: string | null }>;
  /** Entries of the file that are not imported (HOTP, Steam...), with why. */
  skipped?: Array<{ issuer: string; user: string; reason: string }>;
  /** What the user should know, e.g. a QR code of a Google Authenticator transfer is missing. */
  warnings?: string[];
}

/** Automatic backups and what is in no backup yet. */
export interface BackupStatus {
  /** Automatic backups are on. */
  auto: boolean;
  /** How many automatic backup files are kept. */
  keep: number;
  /** The Downloads sub-folder they go to. */
  folder: string;
  /** The last backup (automatic, or an encrypted export): when, and of how many accounts. */
  last: { at: number; count: number } | null;
  /** The last automatic save that failed, until one succeeds. */
  error: { at: number; message: string } | null;
  /** Accounts added or changed since the last backup. */
  notBackedUp: number;
}

/** One file of an import: its text, or an image (data URL) holding a QR code. */
export interface ImportSource {
  name: string;
  text?: string;
  image?: string;
}

export interface UiProtocol {
  'vault.status': { req: {}; res: { state: VaultState } };
  'vault.create': { req: { passphrase: string }; res: { state: VaultState } };
  /** With `first`, the answer also holds the first screen of accounts (as `accounts.list` with `first`). */
  'vault.unlock': { req: { passphrase: string; first?: number }; res: { state: VaultState; first?: FirstScreenAnswer } };
  'vault.lock': { req: {}; res: { state: VaultState } };
  /** `reencrypt`: also a new data key, every record rewritten (one transaction); else the same key re-wrapped. */
  'vault.changePassphrase': { req: { current: string; next: string; reencrypt?: boolean }; res: {} };

  /**
   * `broken` counts stored entries that could not be read; they are kept untouched. With
   * `first`, only the first `first` accounts that are not replaced (the popup's first screen):
   * `more` then says the answer may not be the whole list (others exist, or were not read yet,
   * and `broken` may not be counted yet): ask without `first` once painted.
   */
  'accounts.list': { req: { first?: number }; res: FirstScreenAnswer };
  /**
   * `input` is an otpauth URI or a base32 secret; for a bare secret, issuer/user name it. The
   * account is bound to `origin`, else to the portal its issuer names, else stored unbound.
   */
  'accounts.add': {
    req: { input: string; issuer?: string; user?: string; origin?: string };
    res: { account: AccountView };
  };
  'accounts.rename': { req: { id: string; label: string }; res: { account: AccountView } };
  /** Binds an unbound account (added by hand with no portal) to a portal's http(s) origin. */
  'accounts.bind': { req: { id: string; origin: string }; res: { account: AccountView } };
  'accounts.delete': { req: { id: string }; res: {} };
  /** Fill this account's code into the active tab's challenge if the tab's origin is the account's. */
  'accounts.fillActiveTab': { req: { id: string }; res: { filled: boolean } };

  /**
   * The backup-code confirmation window (popup.html?backup=<id>, opened by the background on a
   * page's `login.backup`): what it asks about, and the user's answer. Only Fill sends the code
   * to the tab that asked; requests are single use and expire (issue 10, item 2).
   */
  'login.backupPending': { req: { id: string }; res: { account: string; host: string; origin: string } };
  'login.backupConfirm': { req: { id: string }; res: { filled: boolean } };
  'login.backupCancel': { req: { id: string }; res: {} };

  /** The user allows this account's codes on the other site its issuer URL names (`issuerSite`). */
  'accounts.allowIssuerSite': { req: { id: string }; res: { account: AccountView } };
  /** A replaced account (a later enrollment took its place) made active again. */
  'accounts.restore': { req: { id: string }; res: { account: AccountView } };

  'backup.list': { req: { id: string }; res: { codes: BackupCodeView[] } };
  /** The sets regenerations replaced, newest first (`replacedAt` epoch ms). */
  'backup.history': { req: { id: string }; res: { sets: Array<{ replacedAt: number; codes: BackupCodeView[] }> } };
  /** Makes history set `index` current again; the current set goes into the history. */
  'backup.restore': { req: { id: string; index: number }; res: { codes: BackupCodeView[] } };
  'backup.setUsed': { req: { id: string; code: string; used: boolean }; res: { codes: BackupCodeView[] } };

  'settings.get': { req: {}; res: { settings: Settings } };
  /** The clock offsets measured per portal (server minus this computer, ms) and when. */
  /** `tooLarge`: beyond the ±5 minutes we correct; codes stay on the local clock and the user is warned. */
  'clock.offsets': {
    req: {};
    res: { offsets: Array<{ origin: string; offsetMs: number; measuredAt: number; applied: boolean; tooLarge: boolean }> };
  };
  'settings.set': { req: { settings: Partial<Settings> }; res: { settings: Settings } };

  'sites.list': { req: {}; res: { builtIn: string[]; granted: string[] } };
  'sites.remove': { req: { pattern: string }; res: { granted: string[] } };
  /** "Scan this page": is there an enrollment QR on the active tab of a site we are not enabled on? */
  'sites.scan': {
    req: {};
    res:
      | { status: 'enabled'; origin: string }
      | { status: 'qr-found'; origin: string; pattern: string }
      | { status: 'no-qr'; origin: string }
      | { status: 'unsupported' };
  };
  /** After the page obtained the host permission for `pattern`: enable the site and the tab now. */
  'sites.enable': { req: { pattern: string }; res: { enabled: boolean } };

  /**
   * Every export needs the vault passphrase typed again (`vaultPassphrase`), as password
   * managers do. An encrypted backup file (JSON text) under its own `passphrase`:
   */
  'export.encrypted': { req: { vaultPassphrase: string; passphrase: string }; res: { file: string } };
  /** Aegis plain JSON (to move back to a phone). */
  'export.aegis': { req: { vaultPassphrase: string }; res: { file: string } };
  /** What the printable page of QR codes shows. */
  'export.printable': {
    req: { vaultPassphrase: string };
    res: { accounts: Array<{ name: string; uri: string; backupCodes: BackupCodeView[] }> };
  };
  'backup.status': { req: {}; res: BackupStatus };
  /** Turn automatic backups on or off (the page asked for the `downloads` permission first). */
  'backup.setAuto': { req: { enabled?: boolean; keep?: number }; res: BackupStatus };
  /**
   * A backup now, under the vault passphrase itself (the popup's one-click export): it opens
   * with the passphrase that opens the vault, so it hands out nothing the vault does not; no
   * re-entry asked.
   */
  'backup.snapshot': { req: {}; res: { file: string; name: string } };
  /** Plaintext otpauth URIs, one a line: the UI must have warned the user first. */
  'export.plain': { req: { vaultPassphrase: string }; res: { text: string } };
  /**
   * `files`: texts (our backups, Aegis, 2FAS, Bitwarden, Authenticator extension, otpauth lists)
   * and QR images (Google Authenticator transfer); `file` is the one-text form. `passphrase`
   * opens the encrypted ones (one passphrase for the batch), ignored otherwise.
   */
  'import.preview': { req: { file?: string; files?: ImportSource[]; passphrase?: string }; res: ImportPreview };
  /**
   * The popup's "import the transfer QR shown on this tab": the background captures the active
   * tab, checks that it shows an authenticator QR, keeps the image and opens the options page.
   */
  'import.captureTab': { req: {}; res: {} };
  /** The options page takes what 'import.captureTab' kept (once). */
  'import.pending': { req: {}; res: { files: ImportSource[] } };
  'import.apply': { req: { file?: string; files?: ImportSource[]; passphrase?: string }; res: ImportPreview };
}

/** What the content script is told to do with the enrollment code it asked for. */
export type EnrollAnswer =
  | { status: 'fill'; code: string; autoConfirm: boolean }
  /** The vault is locked: the unlock window is open; the code comes later as `cs.enrollCode`. */
  | { status: 'locked' };

export type BackupAnswer =
  | { status: 'stored'; count: number; replaced: boolean }
  | { status: 'locked' }
  | { status: 'ignored'; reason: 'no-account' | 'ambiguous' | 'unchanged' | 'no-user-action' };

export type ChallengeAnswer =
  /** Fill `code` once the local clock reaches `notBefore` (epoch ms; a code about to expire waits for the next). */
  | { status: 'fill'; code: string; notBefore: number; autoSubmit: boolean }
  /** Several accounts and no way to tell: the page shows a chooser of names. */
  | { status: 'choose'; accounts: Array<{ id: string; name: string }> }
  | { status: 'locked' }
  /** Autofill is switched off in the options. */
  | { status: 'off' }
  /** No account for this origin: the challenge is left alone. */
  | { status: 'none' };

/**
 * Content script -> background. The origin of every request is the sender's, as the browser
 * reports it; nothing in these bodies names an origin or an account.
 */
export interface PageProtocol {
  /**
   * Inject the page UI (enrollment button, status line, chooser, prompts) into the sender's
   * top frame. It is kept out of the always-loaded content script for size.
   */
  'ui.inject': { req: {}; res: {} };
  /** The user clicked Add: the QR as a PNG data URL, and the secret text shown beside it. */
  'enroll.begin': { req: { qr: string; secretText: string | null }; res: EnrollAnswer };
  /** The portal refused the code: one more try, after checking the clock. */
  'enroll.retry': { req: {}; res: EnrollAnswer };
  /** The page shows 8 backup codes (after enrollment or a regeneration). */
  'backup.shown': { req: { codes: string[]; userAction: boolean }; res: BackupAnswer };

  /** The user name typed at the login step before the challenge (never a password). */
  'login.user': { req: { user: string }; res: {} };
  /** The page shows the login challenge (TOTP input). */
  'login.challenge': { req: {}; res: ChallengeAnswer };
  /** The user picked an account in the chooser. */
  'login.pick': { req: { accountId: string }; res: ChallengeAnswer };
  /** The portal refused the code: one more try, after checking the clock. */
  'login.retry': { req: {}; res: ChallengeAnswer };
  /** The user asked to unlock from the page: open the unlock window. */
  'login.unlock': { req: {}; res: {} };
  /**
   * The user asked for a backup code at the backup-code input. No code in the answer: `confirm`
   * means the extension window asking the user is open; on its Fill the code comes as `cs.backupCode`.
   */
  'login.backup': { req: {}; res: { status: 'confirm' } | { status: 'none' } | { status: 'locked' } };
  /** A page of this origin without a challenge: the login went through. */
  'login.settled': { req: {}; res: {} };
  /** The user turned 2FA off on the portal's security page. */
  'twofactor.disabled': { req: {}; res: { status: 'marked' | 'ignored' } };
}

/** Background -> content script (top frame of the tab the request came from). */
export interface TabProtocol {
  'cs.ping': { req: {}; res: { alive: true } };
  /** After an unlock, the code for the enrollment the page asked for while locked. */
  'cs.enrollCode': { req: { code: string; autoConfirm: boolean }; res: {} };
  /** Ask the page to look for its challenge again (after an unlock, or from the popup / shortcut). */
  'cs.fillChallenge': { req: { accountId?: string }; res: { filled: boolean } };
  /** The backup code the user confirmed in the extension window, for this document's backup-code input. */
  'cs.backupCode': { req: { code: string }; res: { filled: boolean } };
}

/** A message the background sends to a content script. */
export type TabMessage = MessageOf<TabProtocol>;

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

/** An answer across the boundary: lib/'s Result, its error code from the protocol's set. */
export type Reply<T> = Result<T, Failure<ErrorCode>>;
