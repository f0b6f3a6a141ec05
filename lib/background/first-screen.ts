/**
 * The popup's first screen (the rows that fit), answered without decrypting the whole vault.
 *
 * - Warm (the worker kept the decrypted list): a slice of it, codes for those rows only.
 * - Cold (the worker was stopped, so it lost the list), or just unlocked again: the first
 *   screen's ids (the index's, or the order kept in storage.session across a lock) name the
 *   records, and only those are decrypted.
 * - Otherwise (nothing stored: the browser's first unlock, or the accounts just changed): the
 *   whole list.
 *
 * The index holds labels, hosts and order, and each row's codes for the next ten minutes
 * (upcoming-codes.ts: no secret, no backup code). It follows the repository's kept list:
 * written when a fresh list is kept (or its codes run low), removed when that list is dropped
 * (every write, every lock), through one queue so that a removal can never be overtaken by
 * an older write. It lives in the toolbar popup's URL (popup-url-index.ts): the popup paints
 * its rows and codes from it in its first render, before any answer.
 */
import { ok, type Result } from '../result';
import { FIRST_SCREEN, FIRST_SCREEN_INDEX_KEY, parseFirstScreenIndex, type FirstScreenIndex } from '../messages/protocol';
import type { Account, AccountList, AccountRepository, VaultError } from '../vault';
import { labelOf } from './build-views';
import { stillGood, upcomingOf } from './upcoming-codes';

/**
 * The part of a `browser.storage` area the index and the order use: in the extension,
 * storage.session with the index's key sent to the popup's URL (popup-url-index.ts).
 */
export interface SessionArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

/** The accounts the popup lists (replaced ones are shown elsewhere), in order. */
export const listed = (accounts: readonly Account[]): Account[] => accounts.filter((a) => a.state !== 'replaced');

export function indexOf(accounts: readonly Account[], size = FIRST_SCREEN): FirstScreenIndex {
  const rows = listed(accounts).slice(0, size);
  return { rows: rows.map(labelOf), more: accounts.length > rows.length };
}

/**
 * The first screen's record ids in order, and whether there are more. Ids are in clear in the
 * record store already; unlike the index (names, codes) this outlives a lock, so that an
 * unlock decrypts those records first and answers before the rest. Removed by every write.
 */
export interface FirstScreenOrder {
  ids: string[];
  more: boolean;
}

/** Under this key in storage.session: the background's alone (the popup has no use for it). */
export const FIRST_SCREEN_ORDER_KEY = 'background.firstScreenOrder';

function parseOrder(x: unknown): FirstScreenOrder | undefined {
  const v = x as Partial<FirstScreenOrder> | null | undefined;
  return v && Array.isArray(v.ids) && v.ids.every((id) => typeof id === 'string') && typeof v.more === 'boolean' ? { ids: v.ids, more: v.more } : undefined;
}

export interface FirstScreenStore {
  /** The stored index, after every queued write or removal has landed. */
  read(): Promise<FirstScreenIndex | undefined>;
  /** The first screen's ids: from the index, or (after a lock) from the order kept for unlock. */
  order(): Promise<FirstScreenOrder | undefined>;
  /**
   * Keeps the index and its upcoming codes for `list`: a write only when they changed or the
   * codes run low (LOW_MS), so the popup's every opening may call it.
   */
  write(list: AccountList): Promise<void>;
  /** Removes the index (names, codes); with `order`, the ids' order too (a write, not a lock). */
  clear(opts?: { order: boolean }): Promise<void>;
  /**
   * Keeps the index in step with a repository's kept list. `unlocked` tells a drop by a write
   * (the vault is unlocked: the order goes too) from a drop by lock (the order stays).
   */
  follow(accounts: Pick<AccountRepository, 'onListChange'>, unlocked: () => boolean): void;
}

export interface FirstScreenClock {
  now: () => number;
  /** The clock offset the background applies to an origin's codes (lib/background/clock.ts). */
  clockOffset: (origin: string | null) => number;
}

export function createFirstScreenStore(area: SessionArea, clock: FirstScreenClock, size = FIRST_SCREEN): FirstScreenStore {
  let tail: Promise<void> = Promise.resolve();
  // What the area holds, as far as this worker life knows ('unknown' until read).
  let last: FirstScreenIndex | undefined | 'unknown' = 'unknown';
  const queue = (op: () => Promise<void>): Promise<void> =>
    (tail = tail.then(op).catch(() => {
      last = 'unknown';
    }));
  const stored = async () => {
    try {
      return parseFirstScreenIndex((await area.get(FIRST_SCREEN_INDEX_KEY))[FIRST_SCREEN_INDEX_KEY]);
    } catch {
      return undefined;
    }
  };
  const store: FirstScreenStore = {
    async read() {
      await tail;
      // This worker is the index's only writer: once known, no need to ask the browser again
      // (an unlock's first screen saves that round trip).
      if (last === 'unknown') last = await stored();
      return last;
    },
    async order() {
      const ix = await store.read();
      if (ix) return { ids: ix.rows.map((r) => r.id), more: ix.more };
      try {
        return parseOrder((await area.get(FIRST_SCREEN_ORDER_KEY))[FIRST_SCREEN_ORDER_KEY]);
      } catch {
        return undefined;
      }
    },
    write: (list) => {
      // Taken now, in the order the list changes came: the queue keeps that order.
      const rows = listed(list.accounts).slice(0, size);
      const labels = indexOf(list.accounts, size);
      const now = clock.now();
      return queue(async () => {
        if (last === 'unknown') last = await stored();
        if (stillGood(last, labels, rows, now, clock.clockOffset)) return;
        const entry: FirstScreenIndex = {
          rows: rows.map((a, i) => ({ ...labels.rows[i]!, upcoming: upcomingOf(a, now, clock.clockOffset(a.origin)) })),
          more: labels.more,
        };
        last = entry;
        const order: FirstScreenOrder = { ids: rows.map((a) => a.id), more: labels.more };
        await area.set({ [FIRST_SCREEN_INDEX_KEY]: entry, [FIRST_SCREEN_ORDER_KEY]: order });
      });
    },
    clear: (opts) =>
      queue(async () => {
        last = undefined;
        await area.remove(FIRST_SCREEN_INDEX_KEY);
        if (opts?.order) await area.remove(FIRST_SCREEN_ORDER_KEY);
      }),
    follow(accounts, unlocked) {
      accounts.onListChange(
        (list) => void store.write(list),
        () => void store.clear({ order: unlocked() }),
      );
    },
  };
  return store;
}

export interface FirstScreen {
  accounts: Account[];
  /** Records that could not be read (0 when only the first screen's records were read). */
  broken: number;
  /** The answer may not be the whole list: the popup asks for it once it has painted. */
  more: boolean;
}

/** The first `first` listed accounts, as cheaply as the worker's state allows (see the top of this file). */
export async function firstScreen(
  accounts: Pick<AccountRepository, 'cached' | 'getMany' | 'list'>,
  index: Pick<FirstScreenStore, 'order' | 'write'>,
  first: number,
): Promise<Result<FirstScreen, VaultError>> {
  const fromList = (list: AccountList): FirstScreen => {
    const rows = listed(list.accounts).slice(0, first);
    return { accounts: rows, broken: list.broken.length, more: list.accounts.length > rows.length };
  };
  const kept = accounts.cached();
  if (kept) {
    // The popup is open: top up the stored codes if they run low (a no-op mostly).
    void index.write(kept);
    return ok(fromList(kept));
  }
  const ix = await index.order();
  if (ix && (ix.ids.length >= first || !ix.more)) {
    const read = await accounts.getMany(ix.ids.slice(0, first));
    // Any surprise (a record gone or unreadable, a state that changed): the whole list decides.
    if (read.ok && read.value.every((a) => a.state !== 'replaced')) {
      // `more`: the rest, and any unreadable record, are not known until the whole list is read.
      return ok({ accounts: read.value, broken: 0, more: true });
    }
  }
  const list = await accounts.list();
  return list.ok ? ok(fromList(list.value)) : list;
}
