/**
 * A small keyed record in storage.session: what the background must remember across a
 * service-worker restart but never across a browser restart (ids and names, never a secret).
 */
import { browser } from 'wxt/browser';

export function sessionMap<T>(storageKey: string) {
  async function all(): Promise<Record<string, T>> {
    return ((await browser.storage.session.get(storageKey))[storageKey] as Record<string, T> | undefined) ?? {};
  }
  return {
    async get(key: string | number): Promise<T | undefined> {
      return (await all())[key];
    },
    /** Sets `key` to `value`, or removes it when `value` is undefined. */
    async set(key: string | number, value: T | undefined): Promise<void> {
      const entries = await all();
      if (value === undefined) delete entries[key];
      else entries[key] = value;
      await browser.storage.session.set({ [storageKey]: entries });
    },
  };
}
