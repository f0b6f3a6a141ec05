/**
 * What the background keeps in storage.session besides the key (logins per tab, pending
 * enrollments, accounts last used, user names) lives no longer than the unlocked vault, and
 * no longer than its tab.
 */
import { browser } from 'wxt/browser';
import type { VaultSession } from '../vault';

export interface Forgetful {
  forget(): Promise<void>;
  forgetTab(tabId: number): Promise<void>;
}

const each = (holders: Forgetful[], fn: (h: Forgetful) => Promise<void>) =>
  Promise.all(holders.map(fn)).then(
    () => undefined,
    (err) => console.warn('[cloudmc-authenticator] forgetting failed', err),
  );

/** Lock (by the user or the alarm) forgets them all. Returns the latest forgetting, for tests. */
export function forgetOnLock(session: VaultSession, holders: Forgetful[]): () => Promise<void> {
  let latest = Promise.resolve();
  session.onLock(() => void (latest = each(holders, (h) => h.forget())));
  return () => latest;
}

/** Registered at the worker's top level, so a closed tab wakes it. */
export function forgetClosedTabs(holders: Forgetful[]): void {
  browser.tabs.onRemoved.addListener((tabId) => each(holders, (h) => h.forgetTab(tabId)));
}
