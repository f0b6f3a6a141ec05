/**
 * What the UI may do, handed in by the entrypoint (popup/options main.tsx) so that components
 * never call `browser.*` themselves and can be driven by a fake in tests.
 */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { AnswerOf, MessageOf, Reply, UiProtocol } from '@/lib/messages/protocol';
import type { MessageKey } from '@/lib/i18n';

export type Ask = <K extends keyof UiProtocol>(
  message: Extract<MessageOf<UiProtocol>, { type: K }>,
) => Promise<Reply<AnswerOf<UiProtocol, K>>>;

/** Localised string for `key`, with `$1`… substitutions. */
export type T = (key: MessageKey, subs?: string | number | Array<string | number>) => string;

export interface Api {
  ask: Ask;
  t: T;
  /** Writes to the clipboard; false when the browser refused. */
  copy(text: string): Promise<boolean>;
  openOptions(): void;
  /** Saves `text` as a file through the browser's download flow. */
  download(filename: string, text: string, mime: string): void;
  /** Opens the printable page of an account's backup codes (a new tab). */
  openPrint(accountId: string): void;
  /** Prints the current page. */
  print(): void;
  /** Forgets a granted CloudMC site: the background's list and the host permission. */
  removeSite(pattern: string): Promise<Reply<{ granted: string[] }>>;
  /** Asks the browser for the host permission of `pattern` (needs the click's user gesture). */
  requestSite(pattern: string): Promise<boolean>;
  /** Asks the browser for an optional API permission (e.g. 'downloads'); needs a user gesture. */
  requestPermission(permission: 'downloads'): Promise<boolean>;
  /** Closes this window (the unlock window the background opened). */
  close(): void;
  now(): number;
}

export const ApiContext = createContext<Api>(null as unknown as Api);
export const useApi = (): Api => useContext(ApiContext);
export const useT = (): T => useContext(ApiContext).t;

type Err = { code: string; message: string };

/** Codes the UI words itself; any other code shows the background's own message. */
const WORDED: Readonly<Record<string, MessageKey>> = {
  'wrong-passphrase': 'err_wrong_passphrase',
  unreachable: 'err_unreachable',
  forbidden: 'err_forbidden',
  internal: 'err_internal',
  locked: 'err_locked',
};

export function errorText(t: T, error: Err): string {
  const key = Object.hasOwn(WORDED, error.code) ? WORDED[error.code] : undefined;
  if (key) return t(key);
  return error.message || t('err_internal');
}

/** Does this error mean the vault locked under us (auto-lock, another window)? */
export const isLockedError = (error: Err) => error.code === 'locked';
