/**
 * The unlocked state: who holds the data key, for how long.
 *
 * The data key lives as a non-extractable CryptoKey in memory and, as raw bytes, in an
 * injected session storage (`browser.storage.session` in the extension: trusted contexts
 * only, memory only, cleared on browser restart), so that a service worker restarted by
 * the browser comes back unlocked without asking the passphrase again. lock() wipes both.
 * Nothing else is ever written to session storage, and nothing key-related anywhere else.
 */
import { fail, ok, type Result } from '../result';
import { fromBase64, toBase64, type Bytes } from './bytes';
import { DATA_KEY_BYTES, PBKDF2_MIN_ITERATIONS, SALT_BYTES, importDataKey, newDataKeyBytes } from './crypto';
import { vaultError, type VaultError } from './errors';
import { checkKdf, newHeader, openHeader, parseHeader, serializeHeader, type VaultHeader } from './format';
import type { VaultStore } from './store';

/** The subset of `browser.storage.session` we use, as an injectable interface. */
export interface SessionStorageLike {
  get(key: string): Promise<unknown>;
  set(key: string, value: string): Promise<void>;
  remove(key: string): Promise<void>;
}

/** Adapts a WebExtension StorageArea (`browser.storage.session`) to SessionStorageLike. */
export function fromStorageArea(area: {
  get(keys: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string): Promise<void>;
}): SessionStorageLike {
  return {
    get: async (key) => (await area.get(key))[key],
    set: (key, value) => area.set({ [key]: value }),
    remove: (key) => area.remove(key),
  };
}

export type VaultState = 'absent' | 'locked' | 'unlocked';

export interface CreateOptions {
  /** PBKDF2 iterations; defaults to, and may not be under, PBKDF2_MIN_ITERATIONS. */
  readonly iterations?: number;
}

/** How accounts.ts reaches the key without it being part of the public surface. */
let keyOf: (s: VaultSession) => CryptoKey | null;
export function dataKeyOf(session: VaultSession): CryptoKey | null {
  return keyOf(session);
}

export class VaultSession {
  #key: CryptoKey | null = null;
  /** Bumped by every lock: an unlock that started before a lock must not win after it. */
  #generation = 0;
  #lastActivity = 0;
  readonly #onLock = new Set<() => void>();
  readonly #store: VaultStore;
  readonly #storage: SessionStorageLike;
  readonly #storageKey: string;
  readonly #now: () => number;

  static {
    keyOf = (s) => s.#key;
  }

  constructor(store: VaultStore, storage: SessionStorageLike, options: { storageKey: string; now?: () => number }) {
    this.#store = store;
    this.#storage = storage;
    this.#storageKey = options.storageKey;
    this.#now = options.now ?? Date.now;
  }

  isUnlocked(): boolean {
    return this.#key !== null;
  }

  async state(): Promise<Result<VaultState, VaultError>> {
    if (this.#key) return ok('unlocked');
    const header = await guard(() => this.#store.readHeader());
    if (!header.ok) return header;
    return ok(header.value === undefined ? 'absent' : 'locked');
  }

  /** Epoch ms of the last unlock or touch(): the background's auto-lock alarm reads this. */
  get lastActivity(): number {
    return this.#lastActivity;
  }

  /** `forget` runs on every lock: holders of decrypted data drop it then. */
  onLock(forget: () => void): void {
    this.#onLock.add(forget);
  }

  touch(): void {
    this.#lastActivity = this.#now();
  }

  /** Creates the vault (never over an existing one) and leaves it unlocked. */
  async create(passphrase: string, options: CreateOptions = {}): Promise<Result<void, VaultError>> {
    if (passphrase === '') return vaultError('empty-passphrase');
    const iterations = options.iterations ?? PBKDF2_MIN_ITERATIONS;
    const kdfCheck = checkKdf(iterations, SALT_BYTES);
    if (!kdfCheck.ok) return kdfCheck;
    const generation = this.#generation;
    const raw = newDataKeyBytes();
    try {
      const header = await wrap(raw, passphrase, iterations);
      const created = await guard(() => this.#store.createHeader(header));
      if (!created.ok) return created;
      if (!created.value) return vaultError('vault-exists');
      return await this.#enter(raw, generation);
    } finally {
      raw.fill(0);
    }
  }

  async unlock(passphrase: string): Promise<Result<void, VaultError>> {
    const generation = this.#generation;
    const opened = await this.#unwrapStored(passphrase);
    if (!opened.ok) return opened;
    try {
      return await this.#enter(opened.value.raw, generation);
    } finally {
      opened.value.raw.fill(0);
    }
  }

  /**
   * Brings back the unlocked state after a service-worker restart. false (and the stored
   * key dropped) when there is none, it is malformed, or there is no vault any more.
   */
  async restore(): Promise<boolean> {
    const generation = this.#generation;
    const stored = await guard(() => this.#storage.get(this.#storageKey));
    if (!stored.ok || stored.value === undefined) return false;
    const raw = fromBase64(stored.value);
    const header = await guard(() => this.#store.readHeader());
    if (!raw || raw.length !== DATA_KEY_BYTES || !header.ok || header.value === undefined) {
      await guard(() => this.#storage.remove(this.#storageKey));
      return false;
    }
    const key = await importDataKey(raw);
    raw.fill(0);
    if (generation !== this.#generation) return false;
    this.#key = key;
    this.touch();
    return true;
  }

  /** Forgets the key, in memory first (synchronously), then in session storage. */
  async lock(): Promise<Result<void, VaultError>> {
    this.#key = null;
    this.#generation++;
    for (const forget of this.#onLock) forget();
    return guard(() => this.#storage.remove(this.#storageKey));
  }

  /**
   * Re-wraps the same data key under a new passphrase: records are untouched, and the new
   * header replaces the old one in a single compare-and-swap transaction, so a failure at
   * any point leaves the old passphrase working. Iterations never go down.
   */
  async changePassphrase(current: string, next: string): Promise<Result<void, VaultError>> {
    if (next === '') return vaultError('empty-passphrase');
    const opened = await this.#unwrapStored(current);
    if (!opened.ok) return opened;
    const { raw, stored, header } = opened.value;
    try {
      const nextHeader = await wrap(raw, next, Math.max(PBKDF2_MIN_ITERATIONS, header.kdf.iterations));
      const swapped = await guard(() => this.#store.replaceHeader(stored, nextHeader));
      if (!swapped.ok) return swapped;
      return swapped.value ? ok(undefined) : vaultError('conflict');
    } finally {
      raw.fill(0);
    }
  }

  async #unwrapStored(passphrase: string): Promise<Result<{ raw: Bytes; stored: string; header: VaultHeader }, VaultError>> {
    const stored = await guard(() => this.#store.readHeader());
    if (!stored.ok) return stored;
    if (stored.value === undefined) return vaultError('no-vault');
    const header = await parseHeader(stored.value);
    if (!header.ok) return header;
    const raw = await openHeader(header.value, passphrase);
    if (!raw.ok) return raw;
    return ok({ raw: raw.value, stored: stored.value as string, header: header.value });
  }

  /** Holds the key in memory and session storage, unless a lock() came in meanwhile. */
  async #enter(raw: Bytes, generation: number): Promise<Result<void, VaultError>> {
    const key = await importDataKey(raw);
    if (generation !== this.#generation) return vaultError('locked', '(locked while unlocking)');
    // If session storage fails we are still unlocked in memory; a worker restart relocks.
    await guard(() => this.#storage.set(this.#storageKey, toBase64(raw)));
    if (generation !== this.#generation) {
      await guard(() => this.#storage.remove(this.#storageKey));
      return vaultError('locked', '(locked while unlocking)');
    }
    this.#key = key;
    this.touch();
    return ok(undefined);
  }
}

async function wrap(raw: Bytes, passphrase: string, iterations: number): Promise<string> {
  return serializeHeader(await newHeader(raw, passphrase, iterations));
}

/** Storage calls throw DOMExceptions; the vault answers with values. */
export async function guard<T>(op: () => Promise<T>): Promise<Result<T, VaultError>> {
  try {
    return ok(await op());
  } catch (e) {
    return fail('storage-error', `The browser storage failed: ${e instanceof Error ? e.message : String(e)}`);
  }
}
