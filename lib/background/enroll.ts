/**
 * One-click enrollment, the background's half. The content script sends the QR's pixels and
 * the secret text it saw; everything else is decided here: the account is bound to the
 * sender's origin, stored as pending, and only the 6-digit code goes back to the page.
 * The account becomes active when the portal shows its backup codes (its confirmation);
 * until then it stays pending, and an older account for the same user is kept.
 */
import { parseOtpInput, stepEndsAt, totp, type OtpAccountParams } from '../otp';
import { createAccount, type Account, type Vault } from '../vault';
import { ReplyError } from '../messages/router';
import type { BackupAnswer, EnrollAnswer, Settings, TabMessage } from '../messages/protocol';
import { backupCodeKey, isBackupCodeSet } from '../otp/backup-codes';
import { withNewCodes } from '../vault/code-history';
import { unwrap } from './unwrap';
import { pickAccount } from './pick-account';
import { sessionMap } from './session-map';

export interface EnrollDeps {
  vault: () => Promise<Vault>;
  now: () => number;
  settings: () => Promise<Settings>;
  decodeQr: (dataUrl: string) => Promise<{ ok: true; value: string } | { ok: false; error: { code: string; message: string } }>;
  offsetFor: (origin: string | null) => number;
  measureOffset: (origin: string) => Promise<number | null>;
  openUnlock: () => Promise<void>;
  sendToTab: (tabId: number, origin: string, message: TabMessage) => Promise<void>;
  /** The account last used to log in on an origin (set by autofill), to tell users apart. */
  lastUsed: (origin: string) => Promise<string | undefined>;
  /** Resolves once the clock reaches `time` (epoch ms); a timer in the extension. */
  waitUntil?: (time: number) => Promise<void>;
}

const waitFor = (time: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, time - Date.now())));

interface Sender {
  origin: string;
  tabId: number;
  /** The page load that asked (Chrome); absent in Firefox, where tab and origin bind alone. */
  documentId?: string;
}

/**
 * Ids only (no secret): kept in storage.session so a restarted worker still confirms. Bound
 * to the document where the user clicked our button (enroll.begin comes only from that
 * click) and to a time limit: backup codes shown by another page load, or later, confirm
 * nothing.
 */
interface Pending {
  accountId: string;
  origin: string;
  documentId?: string;
  startedAt: number;
  replaces: string[];
  retried: boolean;
}

export const PENDING_LIFETIME_MS = 10 * 60_000;

const PENDING_KEY = 'pendingEnrollments';
const keyOf = (s: Sender) => `${s.tabId} ${s.origin}`;

export function createEnrollment(deps: EnrollDeps) {
  /** Requests that arrived while the vault was locked; they hold a secret, so memory only. */
  const waitingForUnlock = new Map<string, { sender: Sender; params: OtpAccountParams }>();

  const enrollments = sessionMap<Pending>(PENDING_KEY);

  function code(account: Pick<Account, 'secret' | 'algorithm' | 'digits' | 'period' | 'origin'>): string {
    return totp(account, deps.now(), deps.offsetFor(account.origin));
  }

  /** Stores the new account as pending and answers with its first code. */
  async function start(sender: Sender, params: OtpAccountParams): Promise<EnrollAnswer> {
    const vault = await deps.vault();
    const account = unwrap(createAccount({ params, origin: sender.origin, state: 'pending' }));
    const existing = unwrap(await vault.accounts.list()).accounts;
    const replaces = existing
      .filter((a) => a.origin === sender.origin && a.user === params.user && a.issuer === params.issuer)
      .map((a) => a.id);
    // The same secret shown again (page re-rendered, second click): reuse, never duplicate.
    const same = existing.find((a) => a.origin === sender.origin && a.secret === params.secret);
    const stored = same ?? unwrap(await vault.accounts.put(account));
    await enrollments.set(keyOf(sender), {
      accountId: stored.id,
      origin: sender.origin,
      ...(sender.documentId === undefined ? {} : { documentId: sender.documentId }),
      startedAt: deps.now(),
      replaces: replaces.filter((id) => id !== stored.id),
      retried: false,
    });
    return { status: 'fill', code: code(stored), autoConfirm: (await deps.settings()).autoConfirmEnroll };
  }

  /** The pending enrollment of this tab, if it is still valid for this document. */
  async function pendingFor(sender: Sender): Promise<Pending | undefined> {
    const pending = await enrollments.get(keyOf(sender));
    if (!pending) return undefined;
    const expired = !(deps.now() - pending.startedAt < PENDING_LIFETIME_MS);
    if (expired) await enrollments.set(keyOf(sender), undefined);
    if (expired || pending.documentId !== sender.documentId) return undefined;
    return pending;
  }

  return {
    async begin(sender: Sender, qr: string, secretText: string | null): Promise<EnrollAnswer> {
      const uri = await deps.decodeQr(qr);
      if (!uri.ok) throw new ReplyError(uri.error.code, uri.error.message);
      const parsed = parseOtpInput(uri.value);
      if (!parsed.ok || parsed.value.source !== 'uri') {
        throw new ReplyError('qr-not-otpauth', 'This QR code is not a two-factor authentication key.');
      }
      if (secretText && secretText.toUpperCase().replace(/[\s-]/g, '') !== parsed.value.secret) {
        throw new ReplyError('qr-mismatch', 'The QR code and the key written beside it differ. Nothing was saved.');
      }
      const vault = await deps.vault();
      if (!vault.session.isUnlocked()) {
        waitingForUnlock.set(keyOf(sender), { sender, params: parsed.value });
        await deps.openUnlock();
        return { status: 'locked' };
      }
      return start(sender, parsed.value);
    },

    /** The portal refused the code: fix the clock if it is off, else take the next step's code. */
    async retry(sender: Sender): Promise<EnrollAnswer> {
      const pending = await pendingFor(sender);
      if (!pending) throw new ReplyError('no-enrollment', 'There is no enrollment in progress on this page.');
      if (pending.retried) {
        throw new ReplyError(
          'code-refused',
          "The portal refused the code twice. Check that this computer's clock is right, then try again. The account is kept as pending.",
        );
      }
      await enrollments.set(keyOf(sender), { ...pending, retried: true });
      const account = unwrap(await (await deps.vault()).accounts.get(pending.accountId));
      const before = deps.offsetFor(sender.origin);
      await deps.measureOffset(sender.origin);
      // The clock was right: the code was probably used or expired in flight. The next step's
      // code is handed out only once that step has begun, never early.
      if (deps.offsetFor(sender.origin) === before) await (deps.waitUntil ?? waitFor)(stepEndsAt(account.period, deps.now(), before));
      return {
        status: 'fill',
        code: code(account),
        autoConfirm: (await deps.settings()).autoConfirmEnroll,
      };
    },

    /** Backup codes on the page: they confirm a pending enrollment, or replace a regenerated set. */
    async backupShown(sender: Sender, codes: string[], userAction: boolean): Promise<BackupAnswer> {
      if (!isBackupCodeSet(codes)) {
        throw new ReplyError('invalid-backup-codes', 'These are not a set of backup codes.');
      }
      const vault = await deps.vault();
      if (!vault.session.isUnlocked()) return { status: 'locked' };
      const backupCodes = codes.map((code) => ({ code, used: false }));
      const pending = await pendingFor(sender);
      if (pending) {
        unwrap(await vault.accounts.update(pending.accountId, (a) => ({ ...a, state: 'active', backupCodes })));
        // Never deleted: a re-enrollment the user did not mean must be undoable from the popup.
        for (const id of pending.replaces) await vault.accounts.update(id, (a) => ({ ...a, state: 'replaced' }));
        await enrollments.set(keyOf(sender), undefined);
        return { status: 'stored', count: codes.length, replaced: pending.replaces.length > 0 };
      }
      // A regeneration: only right after the user did something on the page, so that numbers a
      // page shows by itself can never overwrite the codes we keep.
      if (!userAction) return { status: 'ignored', reason: 'no-user-action' };
      const candidates = unwrap(await vault.accounts.list()).accounts.filter(
        (a) => a.origin === sender.origin && (a.state === 'active' || a.state === 'disabled'),
      );
      const target = pickAccount(candidates, await deps.lastUsed(sender.origin));
      if (!target) return { status: 'ignored', reason: candidates.length === 0 ? 'no-account' : 'ambiguous' };
      const keys = (cs: readonly string[]) => cs.map(backupCodeKey).join();
      if (keys(target.backupCodes.map((c) => c.code)) === keys(codes)) return { status: 'ignored', reason: 'unchanged' };
      unwrap(await vault.accounts.update(target.id, (a) => withNewCodes(a, backupCodes, deps.now())));
      return { status: 'stored', count: codes.length, replaced: true };
    },

    /**
     * The user turned 2FA off on the portal: mark the account (never delete it; the popup
     * offers to). Which one: the only account of this origin, or the one last used to log in.
     */
    async disabled(sender: Sender): Promise<{ status: 'marked' | 'ignored' }> {
      const vault = await deps.vault();
      if (!vault.session.isUnlocked()) return { status: 'ignored' };
      const candidates = unwrap(await vault.accounts.list()).accounts.filter(
        (a) => a.origin === sender.origin && a.state === 'active',
      );
      const target = pickAccount(candidates, await deps.lastUsed(sender.origin));
      if (!target) return { status: 'ignored' };
      unwrap(await vault.accounts.update(target.id, (a) => ({ ...a, state: 'disabled' })));
      return { status: 'marked' };
    },

    /** Lock: pending enrollments and requests waiting for an unlock (they hold a secret) are dropped. */
    async forget(): Promise<void> {
      waitingForUnlock.clear();
      await enrollments.clear();
    },

    /** A closed tab: its pending enrollments go (the accounts stay pending in the vault). */
    async forgetTab(tabId: number): Promise<void> {
      for (const key of waitingForUnlock.keys()) if (key.startsWith(`${tabId} `)) waitingForUnlock.delete(key);
      for (const [key] of await enrollments.entries()) if (key.startsWith(`${tabId} `)) await enrollments.set(key, undefined);
    },

    /** After an unlock: finish what pages asked for while the vault was locked. */
    async resume(): Promise<void> {
      const waiting = [...waitingForUnlock.values()];
      waitingForUnlock.clear();
      for (const { sender, params } of waiting) {
        try {
          const answer = await start(sender, params);
          if (answer.status === 'fill') {
            await deps.sendToTab(sender.tabId, sender.origin, {
              type: 'cs.enrollCode',
              code: answer.code,
              autoConfirm: answer.autoConfirm,
            });
          }
        } catch (err) {
          console.warn('[cloudmc-authenticator] enrollment after unlock failed', err);
        }
      }
    },
  };
}
