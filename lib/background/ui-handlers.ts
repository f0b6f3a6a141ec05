/**
 * What extension pages (popup, options) may ask. Every handler runs only after the router
 * has checked that the sender is one of our own pages.
 */
import { parseOtpInput } from '../otp';
import { createAccount, exportBackup, type Vault } from '../vault';
import { originFromIssuer } from '../cloudmc/issuer';
import { CLOUDMC_MATCHES } from '../cloudmc/sites';
import { ReplyError, type UiHandlers } from '../messages/router';
import type { AnswerOf, Settings, UiProtocol } from '../messages/protocol';

type UiAnswer<K extends keyof UiProtocol> = AnswerOf<UiProtocol, K>;
import { unwrap } from './errors';
import { accountView, backupView } from './views';
import { firstScreen, type FirstScreenStore } from './first-screen';
import { planImport, plainExport, previewOf, readImportFile } from './transfer';

export interface UiDeps {
  vault: () => Promise<Vault>;
  now: () => number;
  /** Server clock minus ours for an origin, in ms (0 until measured, or when too small to matter). */
  clockOffset: (origin: string | null) => number;
  /** Every measured offset, for the options page. */
  measuredOffsets: () => Promise<Record<string, { offsetMs: number; measuredAt: number }>>;
  settings: { load: () => Promise<Settings>; save: (patch: unknown) => Promise<Settings> };
  sites: {
    granted: () => Promise<string[]>;
    remove: (pattern: string) => Promise<string[]>;
    scan: () => Promise<UiAnswer<'sites.scan'>>;
    enable: (pattern: string) => Promise<boolean>;
  };
  /** Called after unlock/create and on each use while unlocked. */
  onActivity: () => Promise<void>;
  onLocked: () => Promise<void>;
  /** Finishes what pages asked for while the vault was locked. */
  onUnlocked: () => Promise<void>;
  /** Fills an account's code into the active tab's challenge when that tab is its portal. */
  fillActiveTab: (id: string) => Promise<boolean>;
  /** The popup's first-screen index in storage.session (first-screen.ts). */
  firstScreenIndex: Pick<FirstScreenStore, 'read'>;
}

const MIN_PASSPHRASE = 10;

export function createUiHandlers(deps: UiDeps): UiHandlers {
  const accounts = async () => unwrap(await (await deps.vault()).accounts.list()).accounts;
  const view = (a: Parameters<typeof accountView>[0]) => accountView(a, deps.now(), deps.clockOffset(a.origin));

  /** The popup's first screen: codes for those rows only, the rest asked for once painted. */
  async function firstScreenAnswer(v: Vault, first: number) {
    const screen = unwrap(await firstScreen(v.accounts, deps.firstScreenIndex, Math.max(1, Math.min(first, 100))));
    return { accounts: screen.accounts.map(view), broken: screen.broken, more: screen.more };
  }

  async function state() {
    return { state: unwrap(await (await deps.vault()).session.state()) };
  }

  /** Every handler that reads or writes accounts marks the vault as in use. */
  async function active<T>(fn: (vault: Vault) => Promise<T>): Promise<T> {
    const vault = await deps.vault();
    const result = await fn(vault);
    // Re-arming the auto-lock alarm need not delay the answer.
    if (vault.session.isUnlocked()) void deps.onActivity();
    return result;
  }

  return {
    'vault.status': state,
    'vault.create': async ({ passphrase }) => {
      if (passphrase.length < MIN_PASSPHRASE) {
        throw new ReplyError('weak-passphrase', `Use ${MIN_PASSPHRASE} characters or more.`);
      }
      await active(async (v) => unwrap(await v.session.create(passphrase)));
      return state();
    },
    'vault.unlock': async ({ passphrase, first }) => {
      const screen = await active(async (v) => {
        const kdfStart = performance.now();
        const unlocked = await v.session.unlock(passphrase);
        // User Timing only (a duration, no data): the KDF (with the key's import and its
        // storage.session write, a few ms) is the floor of an unlock; the bench times the rest.
        performance.measure('cmc:kdf', { start: kdfStart });
        unwrap(unlocked);
        // The popup wants its codes next: start decrypting the list now, alongside the rest.
        void v.accounts.list();
        return first === undefined ? undefined : firstScreenAnswer(v, first);
      });
      void deps.onUnlocked();
      return { ...(await state()), ...(screen ? { first: screen } : {}) };
    },
    'vault.lock': async () => {
      unwrap(await (await deps.vault()).session.lock());
      await deps.onLocked();
      return state();
    },
    'vault.changePassphrase': async ({ current, next }) => {
      if (next.length < MIN_PASSPHRASE) {
        throw new ReplyError('weak-passphrase', `Use ${MIN_PASSPHRASE} characters or more.`);
      }
      await active(async (v) => unwrap(await v.session.changePassphrase(current, next)));
      return {};
    },

    'accounts.list': ({ first }) =>
      active(async (v) => {
        if (first !== undefined) return firstScreenAnswer(v, first);
        const list = unwrap(await v.accounts.list());
        return { accounts: list.accounts.map(view), broken: list.broken.length };
      }),
    'accounts.add': ({ input, issuer, user, origin }) =>
      active(async (v) => {
        const parsed = unwrap(parseOtpInput(input));
        const params = {
          ...parsed,
          issuer: parsed.issuer || issuer?.trim() || '',
          user: parsed.user || user?.trim() || '',
        };
        const boundTo = origin?.trim() || originFromIssuer(params.issuer);
        if (!boundTo) {
          throw new ReplyError('origin-required', 'Enter the portal address this account is for, e.g. https://portal.example.com.');
        }
        const account = unwrap(createAccount({ params, origin: boundTo, state: 'active' }));
        const existing = unwrap(await v.accounts.list()).accounts;
        if (existing.some((e) => e.secret === account.secret && e.origin === account.origin)) {
          throw new ReplyError('duplicate', 'This account is already in the vault.');
        }
        return { account: view(unwrap(await v.accounts.put(account))) };
      }),
    'accounts.rename': ({ id, label }) =>
      active(async (v) => {
        const trimmed = label.trim();
        const next = unwrap(
          await v.accounts.update(id, ({ label: _old, ...rest }) => (trimmed ? { ...rest, label: trimmed } : rest)),
        );
        return { account: view(next) };
      }),
    'accounts.delete': ({ id }) =>
      active(async (v) => {
        unwrap(await v.accounts.delete(id));
        return {};
      }),

    'accounts.fillActiveTab': ({ id }) => active(async () => ({ filled: await deps.fillActiveTab(id) })),

    'backup.list': ({ id }) => active(async (v) => ({ codes: backupView(unwrap(await v.accounts.get(id))) })),
    'backup.setUsed': ({ id, code, used }) =>
      active(async (v) => {
        const next = unwrap(
          await v.accounts.update(id, (a) => {
            if (!a.backupCodes.some((c) => c.code === code)) throw new ReplyError('not-found', 'No such backup code.');
            return { ...a, backupCodes: a.backupCodes.map((c) => (c.code === code ? { code, used } : c)) };
          }),
        );
        return { codes: backupView(next) };
      }),

    'settings.get': async () => ({ settings: await deps.settings.load() }),
    'clock.offsets': async () => ({
      offsets: Object.entries(await deps.measuredOffsets()).map(([origin, m]) => ({
        origin,
        ...m,
        applied: deps.clockOffset(origin) !== 0,
      })),
    }),
    'settings.set': async ({ settings }) => {
      const saved = await deps.settings.save(settings);
      if ((await deps.vault()).session.isUnlocked()) await deps.onActivity();
      return { settings: saved };
    },

    'sites.list': async () => ({ builtIn: [...CLOUDMC_MATCHES], granted: await deps.sites.granted() }),
    'sites.remove': async ({ pattern }) => ({ granted: await deps.sites.remove(pattern) }),
    'sites.scan': () => deps.sites.scan(),
    'sites.enable': async ({ pattern }) => ({ enabled: await deps.sites.enable(pattern) }),

    'export.encrypted': ({ passphrase }) =>
      active(async () => {
        if (passphrase.length < MIN_PASSPHRASE) {
          throw new ReplyError('weak-passphrase', `Use ${MIN_PASSPHRASE} characters or more.`);
        }
        return { file: unwrap(await exportBackup(await accounts(), passphrase)) };
      }),
    'export.plain': () => active(async () => ({ text: plainExport(await accounts()) })),
    'import.preview': ({ file, passphrase }) =>
      active(async () => previewOf(planImport(await accounts(), await readImportFile(file, passphrase)))),
    'import.apply': ({ file, passphrase }) =>
      active(async (v) => {
        const plan = planImport(await accounts(), await readImportFile(file, passphrase));
        for (const a of plan.add) unwrap(await v.accounts.put(a));
        return previewOf(plan);
      }),
  };
}
