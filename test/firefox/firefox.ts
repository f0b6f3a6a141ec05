/**
 * Firefox with the built extension, driven over WebDriver BiDi by puppeteer-core: the Firefox
 * the finder picks (Debian's firefox-esr here; never a downloaded one), the sandbox build
 * installed with BiDi's webExtension.install, and a fixed moz-extension UUID so that the
 * extension's pages have a known address.
 *
 * Host permissions: Firefox MV3 treats host_permissions as optional and asks the user, but an
 * add-on installed through webExtension.install (a temporary install, as from about:debugging)
 * gets them at install. `hostPermissions()` reads them back so the suite can say which.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { ensureBrowser } from '../../scripts/browsers/find';

export const EXTENSION_PATH = path.resolve('.output/firefox-mv3-sandbox');
export const ADDON_ID = 'authenticator@cloudmc.example';
/** Any UUID will do; fixing it gives the popup a stable moz-extension:// address. */
export const EXTENSION_UUID = '6f0a4d5e-8c1b-4c3a-9d2e-0b1c2d3e4f50';
export const extensionUrl = (page: string) => `moz-extension://${EXTENSION_UUID}/${page}`;

export async function launchFirefox(): Promise<Browser> {
  if (!existsSync(path.join(EXTENSION_PATH, 'manifest.json'))) {
    throw new Error(`No build at ${EXTENSION_PATH}: run npm run build:firefox-sandbox first.`);
  }
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: ensureBrowser('firefox').path,
    headless: true,
    protocolTimeout: 60_000,
    // Firefox 153+ lets WebDriver navigate only to http(s)/file/blob/about:blank unless the
    // browser allows system access; the extension's own pages (moz-extension://) need it.
    // Older Firefox ignores the flag.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: EXTENSION_UUID }) },
  });
  try {
    const id = await browser.installExtension(EXTENSION_PATH);
    if (id !== ADDON_ID) throw new Error(`installed ${id}, expected ${ADDON_ID}`);
    return browser;
  } catch (err) {
    await browser.close();
    throw err;
  }
}

/**
 * A new tab on one of the extension's pages. page.goto never settles on a moz-extension://
 * page (puppeteer#14314, a Firefox BiDi bug), so the navigation is started and the page's own
 * address awaited instead.
 */
export async function openExtensionPage(browser: Browser, page: string): Promise<Page> {
  const tab = await browser.newPage();
  const url = extensionUrl(page);
  tab.goto(url, { timeout: 0 }).catch(() => undefined);
  // Neither page.url() nor waitForFunction follow that navigation either: ask the page itself.
  const deadline = Date.now() + 30_000;
  for (;;) {
    const at = await tab.evaluate(() => `${location.href} ${document.readyState}`).catch(() => '');
    if (at === `${url} complete`) return tab;
    if (Date.now() > deadline) throw new Error(`${url} did not load (at: ${at || 'nothing'})`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The host permissions the extension holds, read from one of its pages. */
export function hostPermissions(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const api = (globalThis as unknown as { browser: { permissions: { getAll(): Promise<{ origins?: string[] }> } } }).browser;
    return (await api.permissions.getAll()).origins ?? [];
  });
}

/** Waits until the tab's address satisfies `test` (navigations replace the document under us). */
export async function waitForUrl(page: Page, test: (url: URL) => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (test(new URL(page.url()))) return;
    if (Date.now() > deadline) throw new Error(`still at ${page.url()} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/*
 * Element moves by handle. puppeteer's Locator never settles on a moz-extension page in
 * Firefox (its stability check waits forever there), so the suite uses waitForSelector and
 * the handle, which send the same trusted input through BiDi.
 */
export async function click(page: Page, selector: string): Promise<void> {
  const handle = await page.waitForSelector(selector, { visible: true });
  await handle!.click();
}

/** Types into an empty field (every field the suite fills starts empty). */
export async function fill(page: Page, selector: string, value: string): Promise<void> {
  const handle = await page.waitForSelector(selector, { visible: true });
  await handle!.type(value);
}

/** Waits for an element, in the page or in an open shadow root of it, whose text matches. */
export async function waitForText(page: Page, selector: string, text: RegExp): Promise<void> {
  await page.waitForFunction(
    (sel, source) => {
      const roots = [document, ...[...document.querySelectorAll('*')].flatMap((el) => (el.shadowRoot ? [el.shadowRoot] : []))];
      return roots.some((root) => [...root.querySelectorAll(sel)].some((el) => new RegExp(source, 'i').test(el.textContent ?? '')));
    },
    {},
    selector,
    text.source,
  );
}
