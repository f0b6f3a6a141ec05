/** The vault's error codes, one per thing a user can be told. */
import type { Failure } from '../result';

export type VaultErrorCode =
  /** unlock/change before any vault was created */
  | 'no-vault'
  /** create when a vault already exists: it is never overwritten */
  | 'vault-exists'
  /** the passphrase does not unwrap the data key */
  | 'wrong-passphrase'
  | 'empty-passphrase'
  /** the stored header (or a backup file's) is unreadable, inconsistent or fails its checksum */
  | 'corrupt-header'
  /** a header version this build does not know (written by a newer one) */
  | 'unsupported-version'
  /** KDF parameters under the floor: refused as a downgrade */
  | 'weak-kdf'
  /** an account operation while locked */
  | 'locked'
  | 'not-found'
  /** one record does not decrypt or does not hold a valid account; it is left as it is */
  | 'record-corrupt'
  /** an account that breaks the Account invariants was refused before being stored */
  | 'invalid-account'
  /** the header changed under a passphrase change (another change won): nothing was written */
  | 'conflict'
  /** a backup file that is not one */
  | 'invalid-backup'
  /** IndexedDB or session storage failed (quota, blocked, aborted transaction) */
  | 'storage-error';

export type VaultError = Failure<VaultErrorCode>;

export const MESSAGES: { readonly [C in VaultErrorCode]: string } = {
  'no-vault': 'There is no vault yet: create one first.',
  'vault-exists': 'A vault already exists; it was left unchanged.',
  'wrong-passphrase': 'Wrong passphrase.',
  'empty-passphrase': 'The passphrase must not be empty.',
  'corrupt-header': 'The vault header is damaged: it cannot be opened. Nothing was changed.',
  'unsupported-version': 'The vault was written by a newer version of this extension.',
  'weak-kdf': 'The vault asks for a key derivation weaker than allowed; refusing to use it.',
  locked: 'The vault is locked.',
  'not-found': 'No such account.',
  'record-corrupt': 'This entry is damaged and cannot be read. It was left as it is.',
  'invalid-account': 'This account is not valid.',
  conflict: 'The vault changed at the same time; nothing was written. Try again.',
  'invalid-backup': 'This is not a backup file of this extension.',
  'storage-error': 'The browser storage failed.',
};

export function vaultError(code: VaultErrorCode, detail?: string): { readonly ok: false; readonly error: VaultError } {
  return { ok: false, error: { code, message: detail ? `${MESSAGES[code]} ${detail}` : MESSAGES[code] } };
}
