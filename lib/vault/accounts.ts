/**
 * The account repository. Each account (account.ts) is one encrypted record; its
 * id is the only thing in clear. The repository is the one writer (the background), and it
 * runs writes one at a time, so the popup and a content script acting together cannot lose
 * each other's updates: use update(id, fn) for read-modify-write.
 */
import { ok, type Result } from '../result';
import { fromUtf8, utf8, type Bytes } from './bytes';
import { IV_BYTES, recordAad, seal, unseal } from './crypto';
import { vaultError, type VaultError } from './errors';
import { VAULT_VERSION } from './format';
import { dataKeyOf, guard, type VaultSession } from './session';
import type { EncryptedRecord, VaultStore } from './store';
import { validateAccount, type Account } from './account';

export * from './account';

export interface BrokenRecord {
  readonly id: string;
  readonly error: VaultError;
}

export interface AccountList {
  /** Oldest first. */
  readonly accounts: readonly Account[];
  /** Records that could not be read; they are still stored, untouched. */
  readonly broken: readonly BrokenRecord[];
}

/** Compare-and-swap retries before an update gives up with 'conflict' (another writer kept winning). */
const MAX_UPDATE_ATTEMPTS = 50;

export class AccountRepository {
  /** The tail of the write queue: each write starts when the previous one has settled. */
  #tail: Promise<unknown> = Promise.resolve();
  readonly #store: VaultStore;
  readonly #session: VaultSession;
  readonly #now: () => number;
  /**
   * The decrypted list, kept while unlocked so that opening the popup does not decrypt every
   * record again; dropped by any write and by lock (plaintext does not outlive the key).
   * `#version` stops a list read that raced a write from caching what it read before it.
   */
  #cache: { key: CryptoKey; list: AccountList } | null = null;
  #version = 0;
  /** A list read in flight: a second reader waits for it instead of decrypting again. */
  #reading: { key: CryptoKey; version: number; list: Promise<Result<AccountList, VaultError>> } | null = null;
  readonly #onCached = new Set<(list: AccountList) => void>();
  readonly #onDropped = new Set<() => void>();

  constructor(store: VaultStore, session: VaultSession, now: () => number = Date.now) {
    this.#store = store;
    this.#session = session;
    this.#now = now;
    session.onLock(() => this.#invalidate());
  }

  #invalidate(): void {
    this.#cache = null;
    this.#reading = null;
    this.#version++;
    for (const dropped of this.#onDropped) dropped();
  }

  /**
   * Followers of the decrypted list: `cached` runs (synchronously) each time a freshly read
   * list is kept, `dropped` each time it is dropped (any write, lock). Whoever keeps something
   * derived from it (the popup's first-screen index) stays in step, in that order.
   */
  onListChange(cached: (list: AccountList) => void, dropped: () => void): void {
    this.#onCached.add(cached);
    this.#onDropped.add(dropped);
  }

  /** The kept list, when there is one for the current key: no storage, no decryption. */
  cached(): AccountList | null {
    const key = dataKeyOf(this.#session);
    return key && this.#cache?.key === key ? this.#cache.list : null;
  }

  list(): Promise<Result<AccountList, VaultError>> {
    const key = dataKeyOf(this.#session);
    if (!key) return Promise.resolve(vaultError('locked'));
    if (this.#cache?.key === key) return Promise.resolve(ok(this.#cache.list));
    const r = this.#reading;
    if (r && r.key === key && r.version === this.#version) return r.list;
    const reading = { key, version: this.#version, list: this.#read(key) };
    this.#reading = reading;
    void reading.list.finally(() => {
      if (this.#reading === reading) this.#reading = null;
    });
    return reading.list;
  }

  async #read(key: CryptoKey): Promise<Result<AccountList, VaultError>> {
    const version = this.#version;
    const stored = await guard(() => this.#store.allRecords());
    if (!stored.ok) return stored;
    const accounts: Account[] = [];
    const broken: BrokenRecord[] = [];
    const read = await Promise.all(stored.value.map((r) => decryptRecord(key, r)));
    read.forEach((r, i) => {
      if (r.ok) accounts.push(r.value);
      else broken.push({ id: recordId(stored.value[i]), error: r.error });
    });
    accounts.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
    const list = { accounts, broken };
    if (version === this.#version && dataKeyOf(this.#session) === key) {
      this.#cache = { key, list };
      for (const cached of this.#onCached) cached(list);
    }
    return ok(list);
  }

  async get(id: string): Promise<Result<Account, VaultError>> {
    const one = await this.getMany([id]);
    return one.ok ? ok(one.value[0]!) : one;
  }

  /**
   * Several accounts in the order asked, read in one transaction (the popup's first screen).
   * Fails as a whole: the first record missing or unreadable decides the error.
   */
  async getMany(ids: readonly string[]): Promise<Result<Account[], VaultError>> {
    const key = dataKeyOf(this.#session);
    if (!key) return vaultError('locked');
    const stored = await guard(() => this.#store.getRecords(ids));
    if (!stored.ok) return stored;
    if (stored.value.includes(undefined)) return vaultError('not-found');
    const accounts: Account[] = [];
    for (const read of await Promise.all(stored.value.map((r, i) => decryptRecord(key, r, ids[i])))) {
      if (!read.ok) return read;
      accounts.push(read.value);
    }
    return ok(accounts);
  }

  /** Stores (adds or replaces) an account, stamping updatedAt. */
  put(account: Account): Promise<Result<Account, VaultError>> {
    return this.#serial(async () => {
      const key = dataKeyOf(this.#session);
      if (!key) return vaultError('locked');
      return this.#write(key, account);
    });
  }

  delete(id: string): Promise<Result<void, VaultError>> {
    return this.#serial(async () => {
      if (!dataKeyOf(this.#session)) return vaultError('locked');
      this.#invalidate();
      return guard(() => this.#store.deleteRecord(id));
    });
  }

  /**
   * Read-modify-write, atomic with respect to every other write of this repository and, by a
   * compare-and-swap on the record's IV (fresh per write), to writers of other instances over
   * the same database (two overlapping worker lives): if the record changed between our read
   * and our write, `fn` runs again on the newer record. `fn` gets the current account and
   * returns the next one (same id); returning `current` itself skips the write. A record that
   * does not decrypt is reported and left alone.
   */
  update(id: string, fn: (current: Account) => Account): Promise<Result<Account, VaultError>> {
    return this.#serial(async () => {
      for (let attempt = 0; attempt < MAX_UPDATE_ATTEMPTS; attempt++) {
        const key = dataKeyOf(this.#session);
        if (!key) return vaultError('locked');
        const stored = await guard(() => this.#store.getRecord(id));
        if (!stored.ok) return stored;
        if (stored.value === undefined) return vaultError('not-found');
        const current = await decryptRecord(key, stored.value, id);
        if (!current.ok) return current;
        const next = fn(current.value);
        if (next === current.value) return current;
        if (next.id !== id) return vaultError('invalid-account', '(an update may not change the id)');
        const written = await this.#write(key, next, (stored.value as EncryptedRecord).iv);
        if (!written.ok || written.value !== null) return written as Result<Account, VaultError>;
      }
      return vaultError('conflict');
    });
  }

  /** Encrypts and stores; with `expectedIv`, only over that version (null: it changed). */
  async #write(key: CryptoKey, account: Account, expectedIv: Bytes): Promise<Result<Account | null, VaultError>>;
  async #write(key: CryptoKey, account: Account): Promise<Result<Account, VaultError>>;
  async #write(key: CryptoKey, account: Account, expectedIv?: Bytes): Promise<Result<Account | null, VaultError>> {
    const valid = validateAccount({ ...account, updatedAt: this.#now() });
    if (!valid.ok) return valid;
    // Encrypt first: the transaction must not wait on crypto (see store.ts).
    const sealed = await seal(key, utf8(JSON.stringify(valid.value)), recordAad(valid.value.id, VAULT_VERSION));
    this.#invalidate();
    const record = { id: valid.value.id, ...sealed };
    if (expectedIv === undefined) {
      const written = await guard(() => this.#store.putRecord(record));
      return written.ok ? valid : written;
    }
    const swapped = await guard(() => this.#store.replaceRecord(record, expectedIv));
    if (!swapped.ok) return swapped;
    return swapped.value ? valid : ok(null);
  }

  #serial<T>(op: () => Promise<T>): Promise<T> {
    const run = this.#tail.then(op, op);
    this.#tail = run.catch(() => {});
    return run;
  }
}

/** Decrypts and validates one stored record. Never throws, never writes. */
export async function decryptRecord(key: CryptoKey, stored: unknown, expectedId?: string): Promise<Result<Account, VaultError>> {
  const r = (stored ?? {}) as Partial<Record<keyof EncryptedRecord, unknown>>;
  if (typeof r.id !== 'string' || (expectedId !== undefined && r.id !== expectedId)) {
    return vaultError('record-corrupt', '(bad record id)');
  }
  if (!(r.iv instanceof Uint8Array) || r.iv.length !== IV_BYTES || !(r.ct instanceof Uint8Array)) {
    return vaultError('record-corrupt', '(bad record shape)');
  }
  const plain = await unseal(key, { iv: r.iv as Bytes, ct: r.ct as Bytes }, recordAad(r.id, VAULT_VERSION));
  if (!plain) return vaultError('record-corrupt', '(it does not decrypt)');
  let json: unknown;
  try {
    json = JSON.parse(fromUtf8(plain));
  } catch {
    return vaultError('record-corrupt', '(not JSON)');
  }
  const account = validateAccount(json);
  if (!account.ok) return vaultError('record-corrupt', '(it holds an invalid account)');
  if (account.value.id !== r.id) return vaultError('record-corrupt', '(id mismatch)');
  return account;
}

function recordId(stored: unknown): string {
  const id = (stored as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? id : '';
}
