/**
 * What extension pages (popup, options) may ask. Every handler runs only after the router
 * has checked that the sender is one of our own pages. One file per concern (ui-*.ts).
 */
import type { UiHandlers } from '../messages/router';
import { accountHandlers } from './ui-accounts';
import { backupCodeHandlers } from './ui-backup-codes';
import { createUiContext, type UiDeps } from './ui-context';
import { settingsHandlers } from './ui-settings';
import { transferHandlers } from './ui-transfer';
import { vaultHandlers } from './ui-vault';

export type { UiDeps } from './ui-context';

export function createUiHandlers(deps: UiDeps): UiHandlers {
  const ctx = createUiContext(deps);
  return {
    ...vaultHandlers(ctx),
    ...accountHandlers(ctx),
    ...backupCodeHandlers(ctx),
    ...settingsHandlers(ctx),
    ...transferHandlers(ctx),
  };
}
