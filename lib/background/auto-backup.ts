/**
 * Automatic backups and backup health. Opt-in: after any write to the vault (enroll,
 * regenerate, add, rename, delete, import, a backup code used) a snapshot of the vault (it
 * opens with the vault passphrase, lib/vault snapshotBackup) is saved with the `downloads`
 * API into a sub-folder of Downloads, debounced, keeping the last `keep` files. A failed save
 * is kept in the status and shown by the options page until a save succeeds.
 *
 * Health: the ids of the accounts in the last backup (automatic, the popup's one-click copy or
 * an encrypted export) are kept, so "N accounts are in no backup yet" needs no decryption.
 */
import type { BackupStatus } from '../messages/protocol';
import type { Account, Vault } from '../vault';
import { unwrap } from './unwrap';

export const BACKUP_FOLDER = 'CloudMC Authenticator backups';
export const DEFAULT_KEEP = 10;
const MAX_KEEP = 100;
export const DEBOUNCE_MS = 1500;
export const STORAGE_KEY = 'backup';

interface Stored {
  auto: boolean;
  keep: number;
  last: { at: number; count: number } | null;
  error: { at: number; message: string } | null;
  /** Ids of the accounts in the last backup. */
  ids: string[];
  /** Download ids of the automatic files, oldest first. */
  files: number[];
}

/** The slice of browser.downloads we use (present only once the permission is granted). */
export interface DownloadsLike {
  download(o: { url: string; filename: string; conflictAction: 'uniquify'; saveAs: false }): Promise<number>;
  search(q: { id: number }): Promise<Array<{ id: number; state?: string; error?: string }>>;
  removeFile(id: number): Promise<void>;
  erase(q: { id: number }): Promise<number[]>;
  onChanged: {
    addListener(fn: (d: { id: number; state?: { current?: string }; error?: { current?: string } }) => void): void;
    removeListener(fn: (d: { id: number; state?: { current?: string }; error?: { current?: string } }) => void): void;
  };
}

export interface AutoBackupDeps {
  load(): Promise<unknown>;
  save(value: Stored): Promise<void>;
  /** null when the `downloads` permission is not granted. */
  downloads(): Promise<DownloadsLike | null>;
  vault(): Promise<Vault>;
  now(): number;
  debounceMs?: number;
}

function sanitize(x: unknown): Stored {
  const r = (typeof x === 'object' && x !== null ? x : {}) as Record<string, unknown>;
  const keep = Number.isInteger(r.keep) && (r.keep as number) >= 1 && (r.keep as number) <= MAX_KEEP ? (r.keep as number) : DEFAULT_KEEP;
  const stamp = (v: unknown) => (typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : null);
  const last = stamp(r.last);
  const error = stamp(r.error);
  return {
    auto: r.auto === true,
    keep,
    last: last && typeof last.at === 'number' && typeof last.count === 'number' ? { at: last.at, count: last.count } : null,
    error: error && typeof error.at === 'number' && typeof error.message === 'string' ? { at: error.at, message: error.message } : null,
    ids: Array.isArray(r.ids) ? r.ids.filter((i): i is string => typeof i === 'string') : [],
    files: Array.isArray(r.files) ? r.files.filter((i): i is number => Number.isInteger(i)) : [],
  };
}

/** "2026-12-02_11-30-05": sortable, valid in every file system. */
export const fileStamp = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace('T', '_').replace(/:/g, '-');

/** `data:` URL of a UTF-8 text (a service worker has no URL.createObjectURL). */
function dataUrl(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return `data:application/json;base64,${btoa(bin)}`;
}

/** How long a save may take before it is reported as failed. */
const SAVE_TIMEOUT_MS = 60_000;

/** Resolves when the download is complete; rejects with the browser's reason when interrupted. */
function finished(downloads: DownloadsLike, id: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timeout = setTimeout(() => {
      downloads.onChanged.removeListener(listener);
      reject(new Error('the download did not finish within a minute'));
    }, SAVE_TIMEOUT_MS);
    const done = (state: string | undefined, error: string | undefined) => {
      if (state === 'complete') resolve();
      else if (state === 'interrupted') reject(new Error(`the download was interrupted (${error ?? 'unknown reason'})`));
      else return false;
      clearTimeout(timeout);
      downloads.onChanged.removeListener(listener);
      return true;
    };
    const listener = (d: { id: number; state?: { current?: string }; error?: { current?: string } }) => {
      if (d.id === id) done(d.state?.current, d.error?.current);
    };
    downloads.onChanged.addListener(listener);
    void downloads.search({ id }).then(([d]) => d && done(d.state, d.error), () => undefined);
  });
}

export function createAutoBackup(deps: AutoBackupDeps) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** One save at a time; a change during a save schedules one more. */
  let running: Promise<void> = Promise.resolve();
  const read = async () => sanitize(await deps.load());
  const update = async (fn: (s: Stored) => Stored) => {
    const next = fn(await read());
    await deps.save(next);
    return next;
  };
  const accounts = async (): Promise<readonly Account[]> => unwrap(await (await deps.vault()).accounts.list()).accounts;

  async function status(): Promise<BackupStatus> {
    const s = await read();
    const vault = await deps.vault();
    let notBackedUp = 0;
    if (vault.session.isUnlocked()) {
      const list = await vault.accounts.list();
      if (list.ok) notBackedUp = list.value.accounts.filter((a) => !s.ids.includes(a.id)).length;
    }
    return { auto: s.auto, keep: s.keep, folder: BACKUP_FOLDER, last: s.last, error: s.error, notBackedUp };
  }

  /** Records that these accounts are now in a backup. */
  const backedUp = (list: readonly Account[]) =>
    update((s) => ({ ...s, last: { at: deps.now(), count: list.length }, ids: list.map((a) => a.id) }));

  /** The vault as a file that opens with its passphrase, recorded as the latest backup. */
  async function snapshot(): Promise<{ file: string; name: string; count: number }> {
    const list = await accounts();
    const file = unwrap(await (await deps.vault()).snapshot(list));
    await backedUp(list);
    return { file, name: `cloudmc-authenticator-backup-${fileStamp(deps.now())}.json`, count: list.length };
  }

  async function save(): Promise<void> {
    const s = await read();
    if (!s.auto) return;
    const vault = await deps.vault();
    if (!vault.session.isUnlocked()) return;
    try {
      const downloads = await deps.downloads();
      if (!downloads) throw new Error('the downloads permission was removed; turn automatic backups off and on again');
      const { file, name } = await snapshot();
      const id = await downloads.download({ url: dataUrl(file), filename: `${BACKUP_FOLDER}/${name}`, conflictAction: 'uniquify', saveAs: false });
      await finished(downloads, id);
      const next = await update((x) => ({ ...x, error: null, files: [...x.files, id] }));
      const old = next.files.slice(0, Math.max(0, next.files.length - next.keep));
      for (const o of old) {
        await downloads.removeFile(o).catch(() => undefined); // already deleted by the user
        await downloads.erase({ id: o }).catch(() => undefined);
      }
      if (old.length > 0) await update((x) => ({ ...x, files: x.files.filter((f) => !old.includes(f)) }));
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      await update((x) => ({ ...x, error: { at: deps.now(), message } }));
    }
  }

  /** Called after every vault write: a save after the writes settle. */
  function changed(): void {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      running = running.then(save);
    }, deps.debounceMs ?? DEBOUNCE_MS);
  }

  return {
    status,
    snapshot,
    changed,
    backedUp,
    async setAuto(patch: { enabled?: boolean; keep?: number }): Promise<BackupStatus> {
      const turnedOn = await update((s) => ({
        ...s,
        ...(typeof patch.enabled === 'boolean' ? { auto: patch.enabled } : {}),
        ...(Number.isInteger(patch.keep) && patch.keep! >= 1 && patch.keep! <= MAX_KEEP ? { keep: patch.keep! } : {}),
        ...(patch.enabled === false ? { error: null } : {}),
      }));
      // Turning it on saves a first copy at once.
      if (patch.enabled && turnedOn.auto) await (running = running.then(save));
      return status();
    },
    /** Resolves once the pending and running saves are done (tests). */
    async flush(): Promise<void> {
      if (timer !== undefined) {
        clearTimeout(timer);
        timer = undefined;
        running = running.then(save);
      }
      await running;
    },
    /** The vault with its account writes reported to changed(). */
    watch(vault: Vault): Vault {
      const repo = vault.accounts;
      const after = <A extends unknown[], R extends { ok: boolean }>(fn: (...a: A) => Promise<R>) =>
        async (...a: A): Promise<R> => {
          const r = await fn(...a);
          if (r.ok) changed();
          return r;
        };
      repo.put = after(repo.put.bind(repo));
      repo.update = after(repo.update.bind(repo));
      repo.delete = after(repo.delete.bind(repo));
      return vault;
    },
  };
}

export type AutoBackup = ReturnType<typeof createAutoBackup>;
