/**
 * Where the first-screen index lives: in the toolbar popup's URL (lib/messages/popup-url.ts),
 * so the popup paints its rows and codes from its first script without asking anyone. The
 * first-screen store (first-screen.ts) keeps reading and writing a storage area; this area
 * sends the index's key to `action.setPopup` / `getPopup` and every other key (the record
 * order kept across a lock) to storage.session.
 *
 * Why the popup URL may hold it: it is what storage.session held before, labels and ten
 * minutes of codes, no secret; the browser keeps action state in memory only (it is reset by a
 * browser restart and an extension update, w3c/webextensions#249), only our own extension
 * contexts can read it (content scripts have no `action` API), and lock removes it like any
 * other removal of the index.
 */
import { FIRST_SCREEN_INDEX_KEY, type FirstScreenIndex } from '../messages/protocol';
import { indexInPopupUrl, popupUrlWith } from '../messages/popup-url';
import type { SessionArea } from './first-screen';

/** The part of `browser.action` this needs. */
export interface ActionPopup {
  getPopup(details: Record<string, never>): Promise<string>;
  setPopup(details: { popup: string }): Promise<void>;
}

/** `page`: the manifest's popup ("popup.html"), what the toolbar opens when no index is set. */
export function indexInPopup(session: SessionArea, action: ActionPopup, page: string): SessionArea {
  const setIndex = (index: FirstScreenIndex | undefined) => action.setPopup({ popup: popupUrlWith(page, index) });
  return {
    async get(key) {
      if (key !== FIRST_SCREEN_INDEX_KEY) return session.get(key);
      const index = indexInPopupUrl(await action.getPopup({}));
      return index ? { [key]: index } : {};
    },
    async set(items) {
      const { [FIRST_SCREEN_INDEX_KEY]: index, ...rest } = items;
      if (Object.keys(rest).length) await session.set(rest);
      if (FIRST_SCREEN_INDEX_KEY in items) await setIndex(index as FirstScreenIndex | undefined);
    },
    remove: (key) => (key === FIRST_SCREEN_INDEX_KEY ? setIndex(undefined) : session.remove(key)),
  };
}
