/**
 * Passphrase re-entry before an export that shows or saves secrets: the one check every such
 * handler calls with the request's `vaultPassphrase` field, so there is one place to change it.
 */
import type { Vault } from '../vault';
import { ReplyError } from '../messages/router';
import { unwrap } from './unwrap';

export async function requirePassphrase(vault: Vault, passphrase: unknown): Promise<void> {
  if (typeof passphrase !== 'string' || passphrase === '') {
    throw new ReplyError('passphrase-required', 'Type the vault passphrase again to export.');
  }
  unwrap(await vault.session.checkPassphrase(passphrase));
}
