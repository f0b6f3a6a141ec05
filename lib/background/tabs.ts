/** The background's reach into tabs: always the top frame, and only while it shows `origin`. */
import type { TabMessage } from '../messages/protocol';
import { browser } from 'wxt/browser';
import { originOf } from '../origin';

/** With `documentId` (Chrome 106+), only that document gets it: a reload or navigation gets nothing. */
export async function sendToTab(tabId: number, origin: string, message: TabMessage, documentId?: string): Promise<void> {
  const tab = await browser.tabs.get(tabId).catch(() => undefined);
  // The tab may have navigated elsewhere since it asked: then it gets nothing.
  if (!tab || originOf(tab.url) !== origin) return;
  await browser.tabs.sendMessage(tabId, message, documentId !== undefined ? { documentId } : { frameId: 0 });
}

export async function injectPageUi(tabId: number): Promise<void> {
  await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: ['/page-ui.js' as const] });
}

/** The passphrase is typed only in an extension page (security rule 4): open the popup as a window. */
export async function openUnlockWindow(): Promise<void> {
  await browser.windows.create({
    url: browser.runtime.getURL('/popup.html?unlock=1'),
    type: 'popup',
    width: 380,
    height: 560,
  });
}

/**
 * A backup code is filled only after the user confirms in an extension window (issue 10, item
 * 2): a page can trick a click on its own surface, not in ours. `id` names the pending request.
 */
export async function openBackupConfirmWindow(id: string): Promise<void> {
  await browser.windows.create({
    url: browser.runtime.getURL(`/popup.html?backup=${encodeURIComponent(id)}`),
    type: 'popup',
    width: 380,
    height: 320,
  });
}
