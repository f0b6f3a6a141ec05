/** Pages' transfer requests: exports, automatic backups, imports (files, a captured tab). */
import { exportBackup } from '../vault';
import { MIN_PASSPHRASE, type ImportSource } from '../messages/protocol';
import { ReplyError, type UiHandlers } from '../messages/router';
import { unwrap } from './unwrap';
import { aegisExport, printable } from './move-out';
import { requirePassphrase } from './reauth';
import { planImport, plainExport, previewOf, readImport } from './transfer';
import type { UiContext } from './ui-context';

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

export function transferHandlers({ deps, accounts, active, backup }: UiContext) {
  /** A captured screen waiting for the options page (memory only, taken once). */
  let pendingScreen: ImportSource | null = null;

  return {
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
  } satisfies Partial<UiHandlers>;
}
