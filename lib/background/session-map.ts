/**
 * A small keyed record in storage.session: what the background must remember across a
 * service-worker restart but never across a browser restart (ids and names, never a secret).
 *
 * One storage key per entry (`<name>:<key>`): writing an entry never rewrites the others, so
 * two overlapping worker lives writing different entries cannot lose each other's. Updates of
 * one entry within a worker life go through `update`, which runs them one at a time.
 *
 * Not a WXT storage item (settings and clock offsets are): an item is one fixed key, and this is
 * a set of keys that grows and shrinks per tab and origin, listed and cleared by prefix. Items
 * defined per key would still need browser.storage.session.get(null) for `entries` and `clear`,
 * and give neither the per-entry queue of `update` nor anything versioned worth having in a store
 * that a browser restart empties.
 */
import { browser } from 'wxt/browser';

export interface SessionMap<T> {
  get(key: string | number): Promise<T | undefined>;
  /** Sets `key` to `value`, or removes it when `value` is undefined. */
  set(key: string | number, value: T | undefined): Promise<void>;
  /** Read-modify-write of one entry, serialised with this map's other updates of that entry. */
  update(key: string | number, fn: (current: T | undefined) => T | undefined): Promise<T | undefined>;
  /** Every entry, by key. */
  entries(): Promise<Array<[string, T]>>;
  /** Removes every entry (lock). */
  clear(): Promise<void>;
}

export function sessionMap<T>(name: string): SessionMap<T> {
  const prefix = `${name}:`;
  const storageKey = (key: string | number) => prefix + String(key);
  const queues = new Map<string, Promise<unknown>>();

  async function get(key: string | number): Promise<T | undefined> {
    const k = storageKey(key);
    return (await browser.storage.session.get(k))[k] as T | undefined;
  }
  async function set(key: string | number, value: T | undefined): Promise<void> {
    if (value === undefined) await browser.storage.session.remove(storageKey(key));
    else await browser.storage.session.set({ [storageKey(key)]: value });
  }
  async function entries(): Promise<Array<[string, T]>> {
    const everything = await browser.storage.session.get(null);
    return Object.entries(everything)
      .filter(([k]) => k.startsWith(prefix))
      .map(([k, v]) => [k.slice(prefix.length), v as T]);
  }

  return {
    get,
    set,
    entries,
    update(key, fn) {
      const k = storageKey(key);
      const run = (queues.get(k) ?? Promise.resolve()).then(async () => {
        const next = fn(await get(key));
        await set(key, next);
        return next;
      });
      const tail = run.catch(() => {});
      queues.set(k, tail);
      void tail.then(() => queues.get(k) === tail && queues.delete(k));
      return run;
    },
    async clear() {
      // `name` alone is where builds before one-key-per-entry kept the whole map.
      const keys = (await entries()).map(([k]) => storageKey(k));
      await browser.storage.session.remove([...keys, name]);
    },
  };
}
