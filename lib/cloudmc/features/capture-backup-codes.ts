/**
 * Sends the 8 backup codes to the background when the page shows them: after an enrollment
 * (they confirm it) or after "Regenerate backup codes". Tells the background whether the
 * codes follow a person's click on a button of the 2FA section, so numbers a page shows on
 * its own (or after any click elsewhere) never replace stored codes (issue 10, item 3):
 * - the click was trusted, on a button, at most USER_ACTION_WINDOW_MS before the codes;
 * - the codes appear in that button's section (the card or dialog around it), or in a dialog
 *   that opened after the click (the 2015 UI shows them in a modal).
 */
import { pageRequest } from '../../messages/client';
import { mayShowBackupCodes } from '../detect/backup-codes';
import { t } from '../ui/i18n';
import { pageUi } from '../page-ui';

export const USER_ACTION_WINDOW_MS = 10_000;
const BUTTON = 'button,input[type=submit],input[type=button],[role=button]';
const SECTION = 'section,article,form,dialog,[role=dialog],.modal';
const DIALOG = 'dialog,[role=dialog],.modal';

interface Click {
  at: number;
  section: Element | null;
  dialogs: Set<Element>;
}

export function captureBackupCodes(signal: AbortSignal, now: () => number = () => performance.now()): () => void {
  let click: Click | null = null;
  let reported = '';
  document.addEventListener(
    'click',
    (e) => {
      const button = e.isTrusted ? (e.target as Element | null)?.closest?.(BUTTON) : null;
      if (!button) return;
      click = { at: now(), section: button.closest(SECTION), dialogs: new Set(document.querySelectorAll(DIALOG)) };
    },
    { capture: true, signal },
  );

  /** Did the last click ask for these codes? */
  function asked(codes: string[]): boolean {
    if (!click || now() - click.at > USER_ACTION_WINDOW_MS) return false;
    const shownIn = elementShowing(codes[0]!);
    if (!shownIn) return false;
    if (click.section?.isConnected && click.section.contains(shownIn)) return true;
    const dialog = shownIn.closest(DIALOG);
    return !!dialog && !click.dialogs.has(dialog);
  }

  // The full look lives in the page UI bundle (content-script size budget): loaded only when
  // the page shows enough code-shaped text.
  const find = async (): Promise<string[] | null> => (mayShowBackupCodes(document) ? (await pageUi()).findBackupCodes(document) : null);

  return () => void find().then(report, () => undefined);

  function report(codes: string[] | null): void {
    const key = codes?.join(' ') ?? '';
    if (key === reported) return;
    reported = key;
    if (!codes) return;
    void pageRequest({ type: 'backup.shown', codes, userAction: asked(codes) }).then(async (reply) => {
      const status = !reply.ok ? reply.error.message : reply.value.status === 'stored' ? t(reply.value.replaced ? 'backupReplaced' : 'backupSaved') : reply.value.status === 'locked' ? t('backupLocked') : '';
      if (status) (await pageUi()).showStatus(status, reply.ok && reply.value.status === 'stored' ? 'ok' : 'error');
    });
  }
}

/** The element whose own text shows `code`. */
function elementShowing(code: string): Element | null {
  const walker = document.createTreeWalker(document.body ?? document.documentElement, NodeFilter.SHOW_TEXT);
  for (let n: Node | null; (n = walker.nextNode()); ) if (n.nodeValue?.includes(code)) return n.parentElement;
  return null;
}
