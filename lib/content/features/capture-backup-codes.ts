/**
 * Sends the 8 backup codes to the background when the page shows them: after an enrollment
 * (they confirm it) or after "Regenerate backup codes". This always-loaded side records the
 * last trusted click on a button (its section and the dialogs open then) and takes a cheap
 * first look; the page UI bundle looks properly, decides whether that click asked for the codes
 * and reports them (lib/page-ui/backup-report.ts), so numbers a page shows on its own (or after any click
 * elsewhere) never replace stored codes (issue 10, item 3).
 */
import { mayShowBackupCodes } from '../detect/may-show-backup-codes';
import { pageUi } from '../load-page-ui';

/** A click counts for codes shown at most this long after it. */
export const USER_ACTION_WINDOW_MS = 10_000;
const BUTTON = 'button,input[type=submit],input[type=button],[role=button]';
const SECTION = 'section,article,form,dialog,[role=dialog],.modal';
/** The same as lib/page-ui/backup-report.ts DIALOG (kept apart: that file is in the page UI bundle). */
const DIALOG = 'dialog,[role=dialog],.modal';

export interface Click {
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

  async function scan(): Promise<void> {
    const ui = mayShowBackupCodes(document) ? await pageUi() : null;
    const codes = ui?.findBackupCodes(document);
    const key = codes?.join(' ') ?? '';
    if (key === reported) return;
    reported = key;
    if (codes) await ui!.reportBackupCodes(codes, click && now() - click.at <= USER_ACTION_WINDOW_MS ? click : null);
  }

  return () => void scan().catch(() => undefined);
}
