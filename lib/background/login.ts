/**
 * Autofill at the login challenge, the background's half. Codes go only to the top frame of
 * the exact origin an account was enrolled on, or of the origin its issuer names when that
 * issuer is a URL (CloudMC may log in on one host and serve its app on another); the router
 * has already checked that the sender is an enabled CloudMC origin.
 */
import { browser } from 'wxt/browser';
import { secondsRemaining, stepEndsAt, totp } from '../otp';
import type { Account, Vault } from '../vault';
import { ReplyError } from '../messages/router';
import type { ChallengeAnswer, Settings, TabMessage } from '../messages/protocol';
import { backupRequests } from './backup-requests';
import { belongsTo, sameUser } from './login-match';
import { unwrap } from './unwrap';
import { sessionMap } from './session-map';

export interface LoginDeps {
  vault: () => Promise<Vault>;
  now: () => number;
  settings: () => Promise<Settings>;
  offsetFor: (origin: string | null) => number;
  measuredRecently: (origin: string) => boolean;
  measureOffset: (origin: string) => Promise<number | null>;
  openUnlock: () => Promise<void>;
  /** Opens the extension window that asks the user to confirm backup-code fill request `id`. */
  openBackupConfirm: (id: string) => Promise<void>;
  sendToTab: (tabId: number, origin: string, message: TabMessage, documentId?: string) => Promise<void>;
}

interface Sender {
  origin: string;
  tabId: number;
  /** The sending document (Chrome 106+): a backup code goes only to the document that asked. */
  documentId?: string;
}

/**
 * Per tab, ids and names only (no code, no secret); storage.session survives a worker restart
 * and is emptied by lock. A backup code handed out is kept as its index in the account's set.
 */
interface TabLogin {
  origin: string;
  user?: string;
  /** When a password step was submitted in this tab (epoch ms): only then fill by ourselves. */
  passwordAt?: number;
  accountId?: string;
  retried?: boolean;
  backup?: { accountId: string; index: number };
}

const TABS_KEY = 'loginTabs';
/** A challenge this long after the password step is no longer "reached from" it. */
export const PASSWORD_STEP_MS = 10 * 60_000;
const LAST_USED_KEY = 'lastUsedAccount';
/** A code with this little time left is not worth typing: wait for the next one. */
const MIN_SECONDS_LEFT = 2;

export function createLogin(deps: LoginDeps) {
  const waitingForUnlock = new Map<number, string>();
  const pendingBackups = backupRequests(deps.now);
  const tabs = sessionMap<TabLogin>(TABS_KEY);
  const lastUsed = sessionMap<string>(LAST_USED_KEY);

  async function accountsFor(origin: string): Promise<Account[]> {
    return unwrap(await (await deps.vault()).accounts.list()).accounts.filter((a) => belongsTo(a, origin));
  }

  async function fill(sender: Sender, account: Account, state: TabLogin): Promise<ChallengeAnswer> {
    if (!deps.measuredRecently(sender.origin)) await deps.measureOffset(sender.origin);
    const offset = deps.offsetFor(sender.origin);
    const now = deps.now();
    const late = secondsRemaining(account.period, now, offset) <= MIN_SECONDS_LEFT;
    const notBefore = late ? stepEndsAt(account.period, now, offset) : 0;
    await tabs.set(sender.tabId, { ...state, accountId: account.id });
    return {
      status: 'fill',
      code: totp(account, late ? notBefore : now, offset),
      notBefore,
      autoSubmit: (await deps.settings()).autoSubmit,
    };
  }

  /** The account for this challenge, or a reason there is none. */
  async function resolve(sender: Sender, state: TabLogin): Promise<Account | ChallengeAnswer> {
    const candidates = await accountsFor(sender.origin);
    if (candidates.length === 0) return { status: 'none' };
    if (candidates.length === 1) return candidates[0]!;
    const byUser = state.user ? candidates.filter((a) => sameUser(state.user!, a)) : [];
    if (byUser.length === 1) return byUser[0]!;
    const names = (byUser.length > 1 ? byUser : candidates).map((a) => ({ id: a.id, name: a.label ?? a.user }));
    return { status: 'choose', accounts: names };
  }

  /** The account a backup code is for: the one of this login, else the only one, else the user's. */
  async function backupAccount(sender: Sender, state: TabLogin): Promise<Account | undefined> {
    const candidates = await accountsFor(sender.origin);
    return (
      candidates.find((a) => a.id === state.accountId) ??
      (candidates.length === 1 ? candidates[0] : candidates.find((a) => state.user && sameUser(state.user, a)))
    );
  }

  async function locked(): Promise<boolean> {
    return !(await deps.vault()).session.isUnlocked();
  }

  return {
    async user(sender: Sender, user: string): Promise<void> {
      await tabs.set(sender.tabId, { origin: sender.origin, user: user.slice(0, 256), passwordAt: deps.now() });
    },

    async challenge(sender: Sender): Promise<ChallengeAnswer> {
      if (!(await deps.settings()).autofill) return { status: 'off' };
      if (await locked()) return { status: 'locked' };
      const prior = await tabs.get(sender.tabId);
      // A challenge shown again (re-rendered) in the same login keeps its one retry spent.
      const state: TabLogin = {
        origin: sender.origin,
        ...(prior?.origin === sender.origin ? { user: prior.user, ...(prior.retried ? { retried: true } : {}) } : {}),
        // The password step may be on another host of the portal (CloudMC's login host).
        ...(prior?.passwordAt !== undefined ? { passwordAt: prior.passwordAt } : {}),
      };
      const account = await resolve(sender, state);
      if ('status' in account) return account;
      // Filled (and submitted) by ourselves only on a challenge reached from a password step
      // in this tab; anywhere else a page could just show a code-like field, so the user gets
      // a button with the account's name and fills it with a click (issue 10, item 4).
      const fromPasswordStep = state.passwordAt !== undefined && deps.now() - state.passwordAt < PASSWORD_STEP_MS;
      if (!fromPasswordStep) return { status: 'choose', accounts: [{ id: account.id, name: account.label ?? account.user }] };
      return fill(sender, account, state);
    },

    async pick(sender: Sender, accountId: string): Promise<ChallengeAnswer> {
      if (await locked()) return { status: 'locked' };
      const account = (await accountsFor(sender.origin)).find((a) => a.id === accountId);
      // An id of another origin's account is refused like an unknown one.
      if (!account) throw new ReplyError('not-found', 'No such account for this site.');
      const prior = await tabs.get(sender.tabId);
      return fill(sender, account, { origin: sender.origin, ...(prior?.user ? { user: prior.user } : {}) });
    },

    async retry(sender: Sender): Promise<ChallengeAnswer> {
      const state = await tabs.get(sender.tabId);
      if (!state?.accountId || state.origin !== sender.origin) return { status: 'none' };
      if (state.retried) {
        throw new ReplyError('code-refused', "The portal refused the code again. Check this computer's clock, or use a backup code.");
      }
      const account = (await accountsFor(sender.origin)).find((a) => a.id === state.accountId);
      if (!account) return { status: 'none' };
      const before = deps.offsetFor(sender.origin);
      await deps.measureOffset(sender.origin);
      const next: TabLogin = { ...state, retried: true };
      if (deps.offsetFor(sender.origin) !== before) return fill(sender, account, next);
      // The clock was right: the code was probably used or expired in flight; take the next one.
      const offset = deps.offsetFor(sender.origin);
      const notBefore = stepEndsAt(account.period, deps.now(), offset);
      await tabs.set(sender.tabId, next);
      return { status: 'fill', code: totp(account, notBefore, offset), notBefore, autoSubmit: (await deps.settings()).autoSubmit };
    },

    async unlock(sender: Sender): Promise<void> {
      waitingForUnlock.set(sender.tabId, sender.origin);
      await deps.openUnlock();
    },

    /**
     * The page's "Fill a backup code": nothing goes to the page here. The user confirms in an
     * extension window (which account, which host); only its Fill (`backupConfirm`, a UI
     * message) sends the code to this tab's document.
     */
    async backup(sender: Sender): Promise<{ status: 'confirm' } | { status: 'none' } | { status: 'locked' }> {
      if (await locked()) return { status: 'locked' };
      const state = (await tabs.get(sender.tabId)) ?? { origin: sender.origin };
      const account = await backupAccount(sender, state);
      if (!account || account.backupCodes.every((c) => c.used)) return { status: 'none' };
      const id = pendingBackups.add(sender, account.id);
      await deps.openBackupConfirm(id);
      return { status: 'confirm' };
    },

    /** What the confirmation window shows: the account's name and the portal's host. */
    async backupPending(id: string): Promise<{ account: string; host: string; origin: string }> {
      const pending = pendingBackups.get(id);
      if (!pending) throw new ReplyError('backup-expired', 'This request to fill a backup code has expired. Click the button on the page again.');
      const account = unwrap(await (await deps.vault()).accounts.get(pending.accountId));
      return { account: account.label ?? account.user, host: new URL(pending.origin).host, origin: pending.origin };
    },

    /** The user's Fill in the extension window: the code goes to the tab and document that asked, once. */
    async backupConfirm(id: string): Promise<{ filled: boolean }> {
      const pending = pendingBackups.take(id);
      if (!pending) throw new ReplyError('backup-expired', 'This request to fill a backup code has expired. Click the button on the page again.');
      if (await locked()) return { filled: false };
      const account = (await accountsFor(pending.origin)).find((a) => a.id === pending.accountId);
      const index = account ? account.backupCodes.findIndex((c) => !c.used) : -1;
      if (!account || index < 0) return { filled: false };
      const state = (await tabs.get(pending.tabId)) ?? { origin: pending.origin };
      // The index, not the code, is kept; it is marked used once the login went through (settled).
      await tabs.set(pending.tabId, { ...state, origin: pending.origin, accountId: account.id, backup: { accountId: account.id, index } });
      try {
        await deps.sendToTab(pending.tabId, pending.origin, { type: 'cs.backupCode', code: account.backupCodes[index]!.code }, pending.documentId);
      } catch {
        return { filled: false }; // the tab was closed or went to another page
      }
      return { filled: true };
    },

    /** The user's Cancel: the request is dropped, nothing is sent. */
    async backupCancel(id: string): Promise<void> {
      pendingBackups.take(id);
    },

    /** A page without challenge or password after one: the login went through. */
    async settled(sender: Sender): Promise<void> {
      const state = await tabs.get(sender.tabId);
      if (!state?.accountId) return;
      const vault = await deps.vault();
      const account = unwrap(await vault.accounts.get(state.accountId));
      if (sender.origin !== state.origin && sender.origin !== account.origin) return;
      await tabs.set(sender.tabId, undefined);
      if (state.backup) {
        const { index } = state.backup;
        unwrap(await vault.accounts.update(account.id, (a) => ({ ...a, backupCodes: a.backupCodes.map((c, i) => (i === index ? { ...c, used: true } : c)) })));
      }
      await lastUsed.set(state.origin, account.id);
      if (account.origin !== null && account.origin !== state.origin) await lastUsed.set(account.origin, account.id);
    },

    async lastUsed(origin: string): Promise<string | undefined> {
      return lastUsed.get(origin);
    },

    /** Lock: forget every tab's login, the accounts last used and the tabs waiting for an unlock. */
    async forget(): Promise<void> {
      waitingForUnlock.clear();
      pendingBackups.clear();
      await Promise.all([tabs.clear(), lastUsed.clear()]);
    },

    /** A closed tab: nothing of its login is kept. */
    async forgetTab(tabId: number): Promise<void> {
      waitingForUnlock.delete(tabId);
      pendingBackups.forgetTab(tabId);
      await tabs.set(tabId, undefined);
    },

    /** After an unlock: pages that asked to unlock look for their challenge again. */
    async resume(): Promise<void> {
      const waiting = [...waitingForUnlock];
      waitingForUnlock.clear();
      await Promise.all(
        waiting.map(([tabId, origin]) => deps.sendToTab(tabId, origin, { type: 'cs.fillChallenge' }).catch(() => undefined)),
      );
    },

    /** From the popup or the keyboard shortcut: fill `accountId` (or whichever fits) in the active tab. */
    async fillActiveTab(accountId?: string): Promise<boolean> {
      const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
      if (tab?.id === undefined || !tab.url) return false;
      const origin = new URL(tab.url).origin;
      if (accountId) {
        const account = unwrap(await (await deps.vault()).accounts.get(accountId));
        if (!belongsTo(account, origin)) return false;
      }
      try {
        const reply = (await browser.tabs.sendMessage(tab.id, { type: 'cs.fillChallenge', accountId }, { frameId: 0 })) as
          | { filled?: boolean }
          | undefined;
        return reply?.filled === true;
      } catch {
        return false; // no content script there: not a CloudMC page
      }
    },
  };
}
