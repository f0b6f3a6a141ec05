/**
 * What the extension pages' handlers (ui-*.ts) share: their dependencies, and the helpers
 * every handler uses (the account views, the "vault in use" wrapper).
 */
import type { Account, Vault } from '../vault';
import type { AnswerOf, Settings, UiProtocol } from '../messages/protocol';
import { ReplyError } from '../messages/router';
import { unwrap } from './unwrap';
import type { AutoBackup } from './auto-backup';
import { accountView } from './build-views';
import type { DecodeQr } from './transfer';
import type { FirstScreenStore } from './first-screen';

export type UiAnswer<K extends keyof UiProtocol> = AnswerOf<UiProtocol, K>;

export interface UiDeps {
  vault: () => Promise<Vault>;
  now: () => number;
  /** Server clock minus ours for an origin, in ms (0 until measured, or when too small to matter). */
  clockOffset: (origin: string | null) => number;
  /** Every measured offset, for the options page. */
  measuredOffsets: () => Promise<Record<string, { offsetMs: number; measuredAt: number }>>;
  settings: { load: () => Promise<Settings>; save: (patch: unknown) => Promise<Settings> };
  sites: {
    granted: () => Promise<string[]>;
    remove: (pattern: string) => Promise<string[]>;
    scan: () => Promise<UiAnswer<'sites.scan'>>;
    enable: (pattern: string) => Promise<boolean>;
  };
  /** Called after unlock/create and on each use while unlocked. */
  onActivity: () => Promise<void>;
  onLocked: () => Promise<void>;
  /** Finishes what pages asked for while the vault was locked. */
  onUnlocked: () => Promise<void>;
  /** Fills an account's code into the active tab's challenge when that tab is its portal. */
  fillActiveTab: (id: string) => Promise<boolean>;
  /** The backup-code confirmation window's requests (lib/background/login.ts). */
  backupFill?: {
    backupPending: (id: string) => Promise<UiAnswer<'login.backupPending'>>;
    backupConfirm: (id: string) => Promise<UiAnswer<'login.backupConfirm'>>;
    backupCancel: (id: string) => Promise<void>;
  };
  /** The active tab's visible area as a PNG data URL (tabs.captureVisibleTab). */
  captureTab?: () => Promise<{ image: string; name: string }>;
  /** Opens the options page (after a tab capture, to preview the import there). */
  openOptions?: () => Promise<void>;
  /** Automatic backups and backup health (lib/background/auto-backup.ts). */
  backup?: AutoBackup;
  /** Reads the QR code in an image (data URL): Google Authenticator transfer images. */
  decodeQr?: DecodeQr;
  /** The popup's first-screen index in storage.session (first-screen.ts). */
  firstScreenIndex: Pick<FirstScreenStore, 'order' | 'write'>;
}

export interface UiContext {
  deps: UiDeps;
  /** An account as pages see it: no secret, codes for now (clock offset applied). */
  view: (a: Parameters<typeof accountView>[0]) => ReturnType<typeof accountView>;
  /** Every account, decrypted (for exports and imports). */
  accounts: () => Promise<readonly Account[]>;
  /** Runs `fn` on the vault and marks it as in use (every handler that reads or writes accounts). */
  active: <T>(fn: (vault: Vault) => Promise<T>) => Promise<T>;
  /** The automatic backups, or a reply saying they are not available here. */
  backup: () => AutoBackup;
}

/**
 * Runs `fn` once the current answer has gone: a task later, so its synchronous part (alarms,
 * icons, storage calls) does not sit between a handler's result and its reply.
 */
export const afterReply = (fn: () => Promise<unknown>): void => void setTimeout(() => void fn().catch(() => undefined), 0);

export function createUiContext(deps: UiDeps): UiContext {
  return {
    deps,
    view: (a) => accountView(a, deps.now(), deps.clockOffset(a.origin)),
    accounts: async () => unwrap(await (await deps.vault()).accounts.list()).accounts,
    async active(fn) {
      const vault = await deps.vault();
      const result = await fn(vault);
      // Re-arming the auto-lock alarm (and the toolbar icon) need not delay the answer: after it.
      if (vault.session.isUnlocked()) afterReply(deps.onActivity);
      return result;
    },
    backup() {
      if (!deps.backup) throw new ReplyError('unavailable', 'Backups are not available here.');
      return deps.backup;
    },
  };
}
