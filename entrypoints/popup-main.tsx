import { render } from 'preact';
import { ApiContext } from '@/components/api';
import { lazy } from '@/components/lazy';
import { Popup, startPopup } from '@/components/Popup';
import { createApi, setPageLang } from '@/lib/pages/platform';
import { indexInPopupUrl } from '@/lib/messages/popup-url';

// popup.html's one script (classic, last in <body>; its CSS is inline in the page): built by
// WXT as an unlisted script, one self-contained IIFE, so the page loads nothing else before it
// runs (see entrypoints/popup/index.html).
// popup.html#print=<account id> is the printable page of that account's backup codes;
// popup.html?unlock=1 is the window the background opens when a page needs the vault unlocked;
// popup.html?backup=<request id> is the one asking the user to confirm a backup-code fill.
export default defineUnlistedScript(() => {
  // User Timing only (no data): the bench's "script evaluated" phase.
  performance.mark('cmc:popup-script');
  const print = /^#print=(.+)$/.exec(location.hash);
  const search = new URLSearchParams(location.search);
  const backupRequest = search.get('backup');
  const api = createApi();
  // The first screen's rows and codes when the URL the toolbar opened carries them
  // (lib/messages/popup-url.ts): painted first, the background asked after. Without them, ask
  // the background first: it answers while the first render runs.
  const index = print || backupRequest ? undefined : indexInPopupUrl(location.href);
  const boot = print || backupRequest ? undefined : index ? { index } : { asked: startPopup(api.ask) };
  const closeOnUnlock = search.has('unlock');
  // The printable page and the backup confirmation are rare visits (lazy: rendered on first use).
  const PrintView = lazy(() => import('@/components/BackupCodes').then((m) => m.PrintView));
  const ConfirmBackup = lazy(() => import('@/components/ConfirmBackup').then((m) => m.ConfirmBackup));
  render(
    <ApiContext.Provider value={api}>
      {print ? (
        <PrintView id={decodeURIComponent(print[1]!)} />
      ) : backupRequest ? (
        <ConfirmBackup id={backupRequest} />
      ) : (
        <Popup boot={boot} closeOnUnlock={closeOnUnlock} />
      )}
    </ApiContext.Provider>,
    document.getElementById('app')!,
  );
  setPageLang();
});
