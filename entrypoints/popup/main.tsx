import { render } from 'preact';
import { ApiContext } from '@/components/api';
import { PrintView } from '@/components/BackupCodes';
import { Popup, startPopup } from '@/components/Popup';
import { createApi, setPageLang } from './api';
import '@/components/theme.css';

// popup.html#print=<account id> is the printable page of that account's backup codes;
// popup.html?unlock=1 is the window the background opens when a page needs the vault unlocked.
const print = /^#print=(.+)$/.exec(location.hash);
const closeOnUnlock = new URLSearchParams(location.search).has('unlock');
const api = createApi();
// Ask the background first: it answers while this page renders its first frame.
const boot = print ? undefined : startPopup(api.ask);
render(
  <ApiContext.Provider value={api}>
    {print ? <PrintView id={decodeURIComponent(print[1]!)} /> : <Popup boot={boot} closeOnUnlock={closeOnUnlock} />}
  </ApiContext.Provider>,
  document.getElementById('app')!,
);
setPageLang();
