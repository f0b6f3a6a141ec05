/**
 * The `Api` the extension pages (popup, options, unlock window, print view) hand to their
 * components: the one place those pages touch `browser.*`, the clipboard and downloads, so
 * that components stay plain and can be driven by a fake in tests.
 */
import type { Api, Ask } from '@/components/api';
import { sendVia } from '@/lib/messages/reply';
import { makeT, type GetMessage } from '@/lib/i18n';
// The browser's own API object, not the polyfill: fewer bytes before the first render.
import { nativeBrowser as browser } from '@/lib/native-browser';

const uiRequest: Ask = (message) => sendVia((m) => browser.runtime.sendMessage(m), message);

/** The page's language (that of its messages), for screen readers and hyphenation; call it after the first render. */
// `messagesLocale` is written in each locale file (its folder name): the locale the browser
// actually picked for our messages, which getUILanguage() is not (en-US under --lang=fr).
export const setPageLang = () => void (document.documentElement.lang = browser.i18n.getMessage('messagesLocale') || 'en');

export function createApi(): Api {
  return {
    ask: uiRequest,
    // makeT takes any getMessage; its keys are typed by MessageKey (lib/i18n.ts).
    t: makeT(browser.i18n.getMessage.bind(browser.i18n) as GetMessage),
    copy: copyText,
    openOptions: () => void browser.runtime.openOptionsPage(),
    download: downloadText,
    // A tab of our own (window.open'ed pages may lack the extension APIs in Chromium).
    openPrint: (id) => void browser.tabs.create({ url: browser.runtime.getURL('/popup.html') + '#print=' + encodeURIComponent(id) }),
    print: () => window.print(),
    removeSite: async (pattern) => {
      const r = await uiRequest({ type: 'sites.remove', pattern });
      // The background forgets the site; the browser forgets the host permission.
      if (r.ok) await browser.permissions.remove({ origins: [pattern] }).catch(() => false);
      return r;
    },
    requestSite: (pattern) => browser.permissions.request({ origins: [pattern] }).catch(() => false),
    requestPermission: (permission) => browser.permissions.request({ permissions: [permission] }).catch(() => false),
    close: () => window.close(),
    now: Date.now,
  };
}


export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Some contexts refuse the async clipboard (no focus); a selected textarea still works.
    const before = document.activeElement as HTMLElement | null;
    const ta = document.createElement('textarea');
    ta.value = text;
    ta.setAttribute('readonly', '');
    ta.style.cssText = 'position:fixed;opacity:0;top:0;left:0';
    document.body.append(ta);
    ta.select();
    let ok = false;
    try {
      ok = document.execCommand('copy');
    } catch {
      ok = false;
    }
    ta.remove();
    before?.focus();
    return ok;
  }
}

/** Saves text through an <a download> on a blob URL (no `downloads` permission needed). */
export function downloadText(filename: string, text: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${mime};charset=utf-8` }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
