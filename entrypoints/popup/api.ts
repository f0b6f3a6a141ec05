/**
 * Wiring only: the `Api` the popup and the options page hand to their components. The
 * browser's own API object (lib/native-browser.ts), not the polyfill: fewer bytes before the
 * first render.
 */
import type { Api, Ask } from '@/components/api';
import { copyText, downloadText } from '@/components/platform';
import { sendVia } from '@/lib/messages/reply';
import { makeT, type GetMessage } from '@/lib/i18n';
import { nativeBrowser as browser } from '@/lib/native-browser';

const askBackground: Ask = (message) => sendVia((m) => browser.runtime.sendMessage(m), message);

/** The page's language, for screen readers and hyphenation; call it after the first render. */
export const setPageLang = () => void (document.documentElement.lang = browser.i18n.getUILanguage());

export function createApi(): Api {
  return {
    ask: askBackground,
    // Keys are checked by test/unit/components-i18n.test.ts, not by the generated overloads.
    t: makeT(browser.i18n.getMessage.bind(browser.i18n) as GetMessage),
    copy: copyText,
    openOptions: () => void browser.runtime.openOptionsPage(),
    download: downloadText,
    // A tab of our own (window.open'ed pages may lack the extension APIs in Chromium).
    openPrint: (id) => void browser.tabs.create({ url: browser.runtime.getURL('/popup.html') + '#print=' + encodeURIComponent(id) }),
    print: () => window.print(),
    removeSite: async (pattern) => {
      const r = await askBackground({ type: 'sites.remove', pattern });
      // The background forgets the site; the browser forgets the host permission.
      if (r.ok) await browser.permissions.remove({ origins: [pattern] }).catch(() => false);
      return r;
    },
    requestSite: (pattern) => browser.permissions.request({ origins: [pattern] }).catch(() => false),
    close: () => window.close(),
    now: Date.now,
  };
}
