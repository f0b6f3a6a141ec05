/**
 * The login challenge's prompts, in the page UI bundle (kept out of the always-loaded content
 * script for size): "Unlock to fill your code", the account chooser, "Fill a backup code" and
 * what each answers with. The content script (lib/content/features/autofill.ts) decides when to show them.
 */
import { pageRequest } from '../messages/client';
import { t } from '../content/i18n';
import { showPanel } from './panel';
import { showStatus } from './status';

const NAME = 'CloudMC Authenticator';

/** The vault is locked: one button that opens the unlock window. Returns what removes it. */
export function offerUnlock(anchor: Element, signal: AbortSignal): () => void {
  return showPanel(
    anchor,
    NAME,
    [{ label: t('unlockToFill'), testid: 'cmc-unlock', onClick: () => void pageRequest({ type: 'login.unlock' }) }],
    signal,
  );
}

/** Several accounts fit: one button per account name; `pick` gets the chosen id. */
export function offerChoice(
  anchor: Element,
  accounts: Array<{ id: string; name: string }>,
  pick: (id: string) => void,
  signal: AbortSignal,
): () => void {
  const buttons = accounts.map((a) => ({ label: a.name, testid: 'cmc-choose', onClick: () => pick(a.id) }));
  return showPanel(anchor, t('chooseAccount'), buttons, signal);
}

/**
 * At the backup-code input. No code comes back: the background asks the user in an extension
 * window which account and portal, and sends the code (cs.backupCode) only on its Fill (issue
 * 10, item 2).
 */
export function offerBackupCode(anchor: Element, signal: AbortSignal): () => void {
  const ask = async () => {
    const r = await pageRequest({ type: 'login.backup' });
    if (r.ok && r.value.status === 'confirm') showStatus(t('backupConfirmInWindow'));
    else if (r.ok && r.value.status === 'locked') showStatus(t('unlockToFill'), 'error');
    else showStatus(r.ok ? t('noBackupCode') : r.error.message, 'error');
  };
  return showPanel(anchor, NAME, [{ label: t('fillBackupCode'), testid: 'cmc-fill-backup', onClick: () => void ask() }], signal);
}
