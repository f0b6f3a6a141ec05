/**
 * A backup code the page asked for, waiting for the user's Fill in the extension window
 * (issue 10, item 2): a page can trick a user into clicking our button on the page, not into
 * confirming in our own window. In memory only, one per tab and origin, single use, short-lived.
 */
export interface PendingBackup {
  id: string;
  tabId: number;
  origin: string;
  documentId?: string;
  accountId: string;
  expiresAt: number;
}

/** How long the confirmation window's Fill stays good. */
export const BACKUP_CONFIRM_MS = 2 * 60_000;

/**
 * The backup codes waiting for the user's confirmation. Keyed by `${tabId} ${origin}`: a later
 * request of the same tab and origin replaces the earlier one.
 */
export function backupRequests(now: () => number) {
  const pending = new Map<string, PendingBackup>();

  /** The live request `id` (not expired), taken out when `take`. */
  function byId(id: string, take: boolean): PendingBackup | undefined {
    for (const [key, p] of pending) {
      if (p.id !== id) continue;
      if (take || now() >= p.expiresAt) pending.delete(key);
      return now() < p.expiresAt ? p : undefined;
    }
    return undefined;
  }

  return {
    /** A new request from this tab and document for `accountId`'s code; its id. */
    add(sender: { tabId: number; origin: string; documentId?: string }, accountId: string): string {
      const id = crypto.randomUUID();
      pending.set(`${sender.tabId} ${sender.origin}`, {
        id,
        tabId: sender.tabId,
        origin: sender.origin,
        ...(sender.documentId !== undefined ? { documentId: sender.documentId } : {}),
        accountId,
        expiresAt: now() + BACKUP_CONFIRM_MS,
      });
      return id;
    },
    /** The live request, left in place (the window shows it). */
    get: (id: string) => byId(id, false),
    /** The live request, taken out: single use. */
    take: (id: string) => byId(id, true),
    forgetTab(tabId: number): void {
      for (const [key, p] of pending) if (p.tabId === tabId) pending.delete(key);
    },
    clear: () => pending.clear(),
  };
}
