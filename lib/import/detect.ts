/**
 * Which format a file is, from its text alone (no crypto): the options page uses it to ask
 * for a passphrase, the background to pick a reader. One function for both, so they agree.
 */
import { isEncryptedBackup } from '../vault/backup-format';
import { aegisEncrypted, isAegis } from './aegis';
import { isAuthenticatorExt } from './authenticator-ext';
import { isBitwarden } from './bitwarden';
import { parseJson } from './entry';
import { isTwoFas, twoFasEncrypted } from './twofas';

export type ImportFormat = 'cmc-backup' | 'aegis' | '2fas' | 'bitwarden' | 'authenticator-ext' | 'otpauth-list' | 'unknown-json';

export interface Detected {
  format: ImportFormat;
  /** The file is encrypted and needs its passphrase (ours, Aegis's or 2FAS's password). */
  encrypted: boolean;
  /** The parsed JSON, when it is JSON. */
  json?: unknown;
}

export function detectFormat(text: string): Detected {
  const trimmed = text.trimStart();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return { format: 'otpauth-list', encrypted: false };
  const json = parseJson(text);
  if (json === undefined) return { format: 'otpauth-list', encrypted: false };
  if (isEncryptedBackup(text)) return { format: 'cmc-backup', encrypted: true, json };
  if (isAegis(json)) return { format: 'aegis', encrypted: aegisEncrypted(json), json };
  if (isTwoFas(json)) return { format: '2fas', encrypted: twoFasEncrypted(json), json };
  if (isBitwarden(json)) return { format: 'bitwarden', encrypted: false, json };
  if (isAuthenticatorExt(json)) return { format: 'authenticator-ext', encrypted: false, json };
  return { format: 'unknown-json', encrypted: false, json };
}

/** Does this file need a passphrase before it can be previewed? */
export const needsPassphrase = (text: string): boolean => detectFormat(text).encrypted;
