/** The background's reach into tabs: always the top frame, and only while it shows `origin`. */
import { browser } from 'wxt/browser';
import { originOf } from '../origin';

export async function sendToTab(tabId: number, origin: string, message: object): Promise<void> {
  const tab = await browser.tabs.get(tabId).catch(() => undefined);
  // The tab may have navigated elsewhere since it asked: then it gets nothing.
  if (!tab || originOf(tab.url) !== origin) return;
  await browser.tabs.sendMessage(tabId, message, { frameId: 0 });
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
