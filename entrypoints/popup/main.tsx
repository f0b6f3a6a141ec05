import { render } from 'preact';
import { ApiContext } from '@/components/api';
import { lazy } from '@/components/lazy';
import { Popup, startPopup, type Boot } from '@/components/Popup';
import { createApi, setPageLang } from '@/lib/pages/platform';
import { indexInPopupUrl } from '@/lib/messages/popup-url';
import '@/components/styles/tokens.css';
import '@/components/styles/base.css';
import '@/components/styles/popup.css';
import '@/components/styles/print.css';

// popup.html#print=<account id> is the printable page of that account's backup codes;
// popup.html?unlock=1 is the window the background opens when a page needs the vault unlocked;
// popup.html?backup=<request id> is the one asking the user to confirm a backup-code fill.
const print = /^#print=(.+)$/.exec(location.hash);
const search = new URLSearchParams(location.search);
const closeOnUnlock = search.has('unlock');
const backupRequest = search.get('backup');
const api = createApi();
// The printable page is a rare visit: its code loads only then.
const PrintView = lazy(() => import('@/components/BackupCodes').then((m) => m.PrintView));
const ConfirmBackup = lazy(() => import('@/components/ConfirmBackup').then((m) => m.ConfirmBackup));
// Ask the background first: public/popup-prefetch.js already did, while this bundle loaded.
const prefetched = (globalThis as { __cmcPopupBoot?: Boot }).__cmcPopupBoot;
// The first screen's rows and codes come with the URL the toolbar opened (lib/messages/popup-url.ts).
const boot = print || backupRequest ? undefined : { ...(prefetched ?? startPopup(api.ask)), index: indexInPopupUrl(location.href) };
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
