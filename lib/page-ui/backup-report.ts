/**
 * Sends the backup codes a page shows to the background, saying whether they follow a
 * person's click on a button of the 2FA section, and shows what became of them. In the page UI
 * bundle; the always-loaded side (lib/content/features/capture-backup-codes.ts) records the click and takes
 * the first look. Codes count as asked for (issue 10, item 3) when the click was on a button,
 * recent (checked by the caller), and the codes appear in that button's section (the card or
 * dialog around it), or in a dialog that opened after the click (the 2015 UI's modal).
 */
import { pageRequest } from '../messages/client';
import type { Click } from '../content/features/capture-backup-codes';
import { t } from '../content/i18n';
import { showStatus } from './status';

export const DIALOG = 'dialog,[role=dialog],.modal';

/** Did `click` (recent enough, or null) ask for these codes? */
function asked(codes: string[], click: Click | null): boolean {
  const shownIn = click && elementShowing(codes[0]!);
  if (!shownIn) return false;
  if (click.section?.isConnected && click.section.contains(shownIn)) return true;
  const dialog = shownIn.closest(DIALOG);
  return !!dialog && !click.dialogs.has(dialog);
}

/** The element whose own text shows `code`. */
function elementShowing(code: string): Element | null {
  const walker = document.createTreeWalker(document.body ?? document.documentElement, NodeFilter.SHOW_TEXT);
  for (let n: Node | null; (n = walker.nextNode());) if (n.nodeValue?.includes(code)) return n.parentElement;
  return null;
}

export async function reportBackupCodes(codes: string[], click: Click | null): Promise<void> {
  const reply = await pageRequest({ type: 'backup.shown', codes, userAction: asked(codes, click) });
  if (!reply.ok) return showStatus(reply.error.message, 'error');
  const { value } = reply;
  if (value.status === 'stored') showStatus(t(value.replaced ? 'backupReplaced' : 'backupSaved'), 'ok');
  else if (value.status === 'locked') showStatus(t('backupLocked'), 'error');
}
