/**
 * What extension pages (popup, options) may ask. Every handler runs only after the router
 * has checked that the sender is one of our own pages.
 */
import { parseOtpInput } from '../otp';
import { beyondCorrection } from '../otp/clock';
import { createAccount, exportBackup, type Vault } from '../vault';
import { originFromIssuer } from '../cloudmc/issuer';
import { CLOUDMC_MATCHES } from '../cloudmc/sites';
import { ReplyError, type UiHandlers } from '../messages/router';
import { MIN_PASSPHRASE, type AnswerOf, type ImportSource, type Settings, type UiProtocol } from '../messages/protocol';

type UiAnswer<K extends keyof UiProtocol> = AnswerOf<UiProtocol, K>;
import { unwrap } from './unwrap';
import type { AutoBackup } from './auto-backup';
import { aegisExport, printable } from './move-out';
import { requirePassphrase } from './reauth';
import { restoreCodes } from '../vault/code-history';
import { accountView, backupView, issuerSiteOf } from './build-views';
import { planImport, plainExport, previewOf, readImport, type DecodeQr } from './transfer';
import { firstScreen, type FirstScreenStore } from './first-screen';

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
  /** The backup-code confirmation window's requests (lib/background/login.ts). */
  backupFill?: {
    backupPending: (id: string) => Promise<UiAnswer<'login.backupPending'>>;
    backupConfirm: (id: string) => Promise<UiAnswer<'login.backupConfirm'>>;
    backupCancel: (id: string) => Promise<void>;
  };
  /** The active tab's visible area as a PNG data URL (tabs.captureVisibleTab). */
  captureTab?: () => Promise<{ image: string; name: string }>;
  /** Opens the options page (after a tab capture, to preview the import there). */
  openOptions?: () => Promise<void>;
  /** Automatic backups and backup health (lib/background/auto-backup.ts). */
  backup?: AutoBackup;
  /** Reads the QR code in an image (data URL): Google Authenticator transfer images. */
  decodeQr?: DecodeQr;
  /** The popup's first-screen index in storage.session (first-screen.ts). */
  firstScreenIndex: Pick<FirstScreenStore, 'read' | 'write'>;
}


/** The files of an import request: `files`, or the one-text form `file`. */
function sourcesOf(file: unknown, files: unknown): ImportSource[] {
  if (Array.isArray(files)) {
    return files.map((f: unknown) => {
      const { name, text, image } = (typeof f === 'object' && f !== null ? f : {}) as Record<string, unknown>;
      return {
        name: typeof name === 'string' ? name : '',
        ...(typeof text === 'string' ? { text } : {}),
        ...(typeof image === 'string' ? { image } : {}),
      };
    });
  }
  return typeof file === 'string' ? [{ name: 'This file', text: file }] : [];
}

/** The http(s) origin of a portal address the user typed (`portal.example.com` means https). */
function portalOrigin(address: string): string {
  const v = String(address).trim();
  try {
    const url = new URL(/^[a-z][a-z\d+.-]*:\/\//i.test(v) ? v : `https://${v}`);
    if ((url.protocol === 'https:' || url.protocol === 'http:') && url.hostname) return url.origin;
  } catch {
    // reported below
  }
  throw new ReplyError('bad-origin', 'The portal address must be a web address such as https://portal.example.com.');
}

export function createUiHandlers(deps: UiDeps): UiHandlers {
  const accounts = async () => unwrap(await (await deps.vault()).accounts.list()).accounts;
  const view = (a: Parameters<typeof accountView>[0]) => accountView(a, deps.now(), deps.clockOffset(a.origin));

  /** A captured screen waiting for the options page (memory only, taken once). */
  let pendingScreen: ImportSource | null = null;

  const backup = () => {
    if (!deps.backup) throw new ReplyError('unavailable', 'Backups are not available here.');
    return deps.backup;
  };
  /** The popup's first screen: codes for those rows only, the rest asked for once painted. */
  async function firstScreenAnswer(v: Vault, first: number) {
    const screen = unwrap(await firstScreen(v.accounts, deps.firstScreenIndex, Math.max(1, Math.min(first, 100))));
    return { accounts: screen.accounts.map(view), broken: screen.broken, more: screen.more };
  }

  async function state() {
    return { state: unwrap(await (await deps.vault()).session.state()) };
  }

  /** Every handler that reads or writes accounts marks the vault as in use. */
  function backupFill(): NonNullable<UiDeps['backupFill']> {
    if (!deps.backupFill) throw new ReplyError('backup-expired', 'This request to fill a backup code has expired.');
    return deps.backupFill;
  }

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
    'vault.changePassphrase': async ({ current, next, reencrypt }) => {
      if (next.length < MIN_PASSPHRASE) {
        throw new ReplyError('weak-passphrase', `Use ${MIN_PASSPHRASE} characters or more.`);
      }
      await active(async (v) =>
        unwrap(await (reencrypt === true ? v.session.changePassphraseAndReencrypt(current, next) : v.session.changePassphrase(current, next))),
      );
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
        // No portal given or derivable: stored unbound (codes in the popup, never filled in).
        const boundTo = origin?.trim() ? portalOrigin(origin) : originFromIssuer(params.issuer);
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
    'accounts.bind': ({ id, origin }) =>
      active(async (v) => {
        const boundTo = portalOrigin(origin);
        return { account: view(unwrap(await v.accounts.update(id, (a) => ({ ...a, origin: boundTo })))) };
      }),
    'accounts.delete': ({ id }) =>
      active(async (v) => {
        unwrap(await v.accounts.delete(id));
        return {};
      }),

    'accounts.fillActiveTab': ({ id }) => active(async () => ({ filled: await deps.fillActiveTab(id) })),

    'login.backupPending': ({ id }) => active(async () => backupFill().backupPending(String(id))),
    'login.backupConfirm': ({ id }) => active(async () => backupFill().backupConfirm(String(id))),
    'login.backupCancel': async ({ id }) => {
      await backupFill().backupCancel(String(id));
      return {};
    },

    'accounts.allowIssuerSite': ({ id }) =>
      active(async (v) => {
        const next = unwrap(
          await v.accounts.update(id, (a) => {
            const site = issuerSiteOf(a);
            if (!site) throw new ReplyError('no-issuer-site', 'This account names no other site.');
            return { ...a, issuerOriginConfirmed: site.origin };
          }),
        );
        return { account: view(next) };
      }),
    'accounts.restore': ({ id }) =>
      active(async (v) => {
        const next = unwrap(
          await v.accounts.update(id, (a) => {
            if (a.state !== 'replaced') throw new ReplyError('not-replaced', 'This account is not a replaced one.');
            return { ...a, state: 'active' };
          }),
        );
        return { account: view(next) };
      }),

    'backup.history': ({ id }) =>
      active(async (v) => ({
        sets: unwrap(await v.accounts.get(id)).backupCodeHistory.map((h) => ({ replacedAt: h.replacedAt, codes: h.codes.map(({ code, used }) => ({ code, used })) })),
      })),
    'backup.restore': ({ id, index }) =>
      active(async (v) => {
        const next = unwrap(
          await v.accounts.update(id, (a) => {
            const restored = restoreCodes(a, Number(index), deps.now());
            if (!restored) throw new ReplyError('not-found', 'No such set of backup codes.');
            return restored;
          }),
        );
        return { codes: backupView(next) };
      }),

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
        tooLarge: beyondCorrection(m.offsetMs),
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

    'export.encrypted': ({ vaultPassphrase, passphrase }) =>
      active(async (v) => {
        await requirePassphrase(v, vaultPassphrase);
        if (passphrase.length < MIN_PASSPHRASE) {
          throw new ReplyError('weak-passphrase', `Use ${MIN_PASSPHRASE} characters or more.`);
        }
        const list = await accounts();
        const file = unwrap(await exportBackup(list, passphrase));
        await deps.backup?.backedUp(list);
        return { file };
      }),
    'export.aegis': ({ vaultPassphrase }) =>
      active(async (v) => {
        await requirePassphrase(v, vaultPassphrase);
        return { file: aegisExport(await accounts()) };
      }),
    'export.printable': ({ vaultPassphrase }) =>
      active(async (v) => {
        await requirePassphrase(v, vaultPassphrase);
        return { accounts: printable(await accounts()) };
      }),
    'backup.status': () => backup().status(),
    'backup.setAuto': ({ enabled, keep }) => backup().setAuto({ enabled, keep }),
    'backup.snapshot': () =>
      active(async () => {
        const { file, name } = await backup().snapshot();
        return { file, name };
      }),
    'export.plain': ({ vaultPassphrase }) =>
      active(async (v) => {
        await requirePassphrase(v, vaultPassphrase);
        return { text: plainExport(await accounts()) };
      }),
    'import.preview': ({ file, files, passphrase }) =>
      active(async () => {
        const read = await readImport(sourcesOf(file, files), passphrase, deps.decodeQr);
        return previewOf(planImport(await accounts(), read.accounts), read);
      }),
    'import.captureTab': () =>
      active(async () => {
        if (!deps.captureTab || !deps.decodeQr) throw new ReplyError('unavailable', 'Capturing the screen is not available here.');
        const shot = await deps.captureTab().catch((e: unknown) => {
          throw new ReplyError('capture-failed', `This tab cannot be captured (${e instanceof Error ? e.message : String(e)}).`);
        });
        // Checked here so the popup can say at once when there is nothing to import.
        await readImport([shot], undefined, deps.decodeQr);
        pendingScreen = shot;
        await deps.openOptions?.();
        return {};
      }),
    'import.pending': async () => {
      const files = pendingScreen ? [pendingScreen] : [];
      pendingScreen = null;
      return { files };
    },
    'import.apply': ({ file, files, passphrase }) =>
      active(async (v) => {
        const read = await readImport(sourcesOf(file, files), passphrase, deps.decodeQr);
        const plan = planImport(await accounts(), read.accounts);
        for (const a of plan.add) unwrap(await v.accounts.put(a));
        return previewOf(plan, read);
      }),
  };
}
