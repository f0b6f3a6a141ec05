/**
 * The extension API as the browser provides it, without the webextension polyfill, for the
 * extension pages (popup, options): the polyfill (~10 KB minified, the largest module before
 * the popup's first render) adapts callback-style APIs, and Chromium's MV3 `chrome.*` and
 * Firefox's `browser.*` already return promises for every call these pages make. The
 * background and the content script keep `wxt/browser` (the polyfill).
 */
import type { browser as Browser } from 'wxt/browser';

type Api = typeof Browser;
const g = globalThis as unknown as { browser?: Api; chrome?: Api };

export const nativeBrowser: Api = g.browser?.runtime?.id ? g.browser : g.chrome!;
