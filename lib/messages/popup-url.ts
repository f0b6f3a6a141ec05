/**
 * The first-screen index travels in the toolbar popup's own URL: the background sets it with
 * `action.setPopup` (lib/background/popup-url-index.ts) and the popup reads it from `location`
 * at its first script, synchronously, so its first render already holds the rows and their
 * codes. An extension page has no synchronous storage (storage.* and messages are one IPC
 * each, 15-30 ms on a loaded 2-core machine, as long as the popup's whole render); the URL of
 * the page being opened is the one thing it holds without asking.
 *
 * In the fragment (never sent anywhere, and apart from the `?unlock` / `?backup` routes and the
 * `#print=` view): `#first=` + the index as URI-encoded JSON.
 */
import { parseFirstScreenIndex, type FirstScreenIndex } from './account-views';

const KEY = 'first=';

/** `page` (the manifest's popup, e.g. "popup.html") carrying `index`; `page` alone without one. */
export function popupUrlWith(page: string, index: FirstScreenIndex | undefined): string {
  const bare = page.split('#')[0]!;
  return index ? `${bare}#${KEY}${encodeURIComponent(JSON.stringify(index))}` : bare;
}

/** The index a popup URL carries (absolute or relative), checked for shape; undefined when none or malformed. */
export function indexInPopupUrl(url: string): FirstScreenIndex | undefined {
  const hash = url.indexOf('#');
  if (hash < 0 || !url.startsWith(KEY, hash + 1)) return undefined;
  try {
    return parseFirstScreenIndex(JSON.parse(decodeURIComponent(url.slice(hash + 1 + KEY.length))));
  } catch {
    return undefined;
  }
}
