/**
 * IndexedDB persistence (via idb): opaque bytes in, opaque bytes out. Nothing here knows a
 * key or an account. Rules that keep transactions honest:
 * - callers encrypt before calling, so no transaction ever waits on crypto (an IndexedDB
 *   transaction auto-commits as soon as it has no pending request, and a WebCrypto await
 *   inside one would end it early);
 * - each method is one transaction; the header is only ever replaced by compare-and-swap;
 * - reads never write: a record that fails to decrypt upstream stays exactly as stored.
 * Methods throw (DOMException) on storage failure; session.ts and accounts.ts turn that
 * into `storage-error` results.
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPObjectStore } from 'idb';
import type { Bytes } from './bytes';

/** An encrypted account. The id is in clear (it is the key); everything else is inside ct. */
export interface EncryptedRecord {
  readonly id: string;
  readonly iv: Bytes;
  readonly ct: Bytes;
}

export interface VaultDB extends DBSchema {
  /** The serialized header (format.ts), under HEADER_KEY. */
  meta: { key: typeof HEADER_KEY; value: string };
  records: { key: string; value: EncryptedRecord };
}

const HEADER_KEY = 'header';
const DB_VERSION = 1;
export const DEFAULT_DB_NAME = 'cmc-vault';

export class VaultStore {
  private constructor(private readonly db: IDBPDatabase<VaultDB>) {}

  static async open(name: string = DEFAULT_DB_NAME): Promise<VaultStore> {
    const db = await openDB<VaultDB>(name, DB_VERSION, {
      upgrade(db) {
        db.createObjectStore('meta');
        db.createObjectStore('records', { keyPath: 'id' });
      },
      // A newer build wants to upgrade the schema: let it, rather than block it forever.
      blocking() {
        db.close();
      },
    });
    return new VaultStore(db);
  }

  close(): void {
    this.db.close();
  }

  /** The stored header as it is (unknown: storage may hold anything; format.ts validates). */
  async readHeader(): Promise<unknown> {
    return this.db.get('meta', HEADER_KEY);
  }

  /** Writes the first header. false, and nothing written, if one already exists. */
  async createHeader(header: string): Promise<boolean> {
    return this.#headerTx(async (store) => {
      if ((await store.getKey(HEADER_KEY)) !== undefined) return false;
      await store.put(header, HEADER_KEY);
      return true;
    });
  }

  /**
   * Replaces the header only if it is still `expected`, in one transaction: either the new
   * header is committed whole or the old one stays (an abort rolls the put back).
   */
  async replaceHeader(expected: string, next: string): Promise<boolean> {
    return this.#headerTx(async (store) => {
      if ((await store.get(HEADER_KEY)) !== expected) return false;
      await store.put(next, HEADER_KEY);
      return true;
    });
  }

  /**
   * One readwrite transaction on `meta`. `body` returning false aborts it; a throw aborts it
   * and rethrows. Resolves only once the transaction has committed (or rejects if it did not).
   */
  async #headerTx(body: (store: IDBPObjectStore<VaultDB, ['meta'], 'meta', 'readwrite'>) => Promise<boolean>): Promise<boolean> {
    const tx = this.db.transaction('meta', 'readwrite');
    // Awaited below; this only keeps an early exit from leaving an unhandled rejection.
    tx.done.catch(() => {});
    let wrote: boolean;
    try {
      wrote = await body(tx.store);
    } catch (e) {
      abortQuietly(tx);
      throw e;
    }
    if (!wrote) {
      abortQuietly(tx);
      return false;
    }
    await tx.done;
    return true;
  }

  /**
   * Re-encryption under a new data key, in ONE transaction over the header and the records:
   * only if the header is still `expectedHeader` and every record is still the version that was
   * read (same ids, same IVs), the new header and every rewritten record are put; otherwise
   * nothing is written (false). A crash or failure at any point leaves the old vault whole.
   */
  async rekey(expectedHeader: string, nextHeader: string, read: ReadonlyArray<{ id: string; iv: Bytes }>, next: readonly EncryptedRecord[]): Promise<boolean> {
    const tx = this.db.transaction(['meta', 'records'], 'readwrite');
    tx.done.catch(() => {});
    const meta = tx.objectStore('meta');
    const records = tx.objectStore('records');
    try {
      const [header, stored] = await Promise.all([meta.get(HEADER_KEY), records.getAll()]);
      const ivOf = new Map(stored.map((r) => [r.id, r.iv as unknown]));
      const unchanged =
        header === expectedHeader &&
        stored.length === read.length &&
        read.every((r) => {
          const iv = ivOf.get(r.id);
          return iv instanceof Uint8Array && sameBytes(iv, r.iv);
        });
      if (!unchanged) {
        abortQuietly(tx);
        return false;
      }
      await Promise.all([meta.put(nextHeader, HEADER_KEY), ...next.map((r) => records.put(r))]);
    } catch (e) {
      abortQuietly(tx);
      throw e;
    }
    await tx.done;
    return true;
  }

  /** Stored as is; shape checks belong to the reader (a damaged store may hold anything). */
  async getRecord(id: string): Promise<unknown> {
    return this.db.get('records', id);
  }

  /** Several records in one read transaction (undefined where none is stored). */
  async getRecords(ids: readonly string[]): Promise<unknown[]> {
    const tx = this.db.transaction('records');
    const [records] = await Promise.all([Promise.all(ids.map((id) => tx.store.get(id))), tx.done]);
    return records;
  }

  async allRecords(): Promise<unknown[]> {
    return this.db.getAll('records');
  }

  async putRecord(record: EncryptedRecord): Promise<void> {
    await this.db.put('records', record);
  }

  /**
   * Compare-and-swap of one record: writes `record` only if the stored one still has IV
   * `expectedIv` (the IV is fresh for every write, so it names a version), in one transaction.
   * false, and nothing written, when another writer got there first or the record is gone.
   */
  async replaceRecord(record: EncryptedRecord, expectedIv: Bytes): Promise<boolean> {
    const tx = this.db.transaction('records', 'readwrite');
    tx.done.catch(() => {});
    const current = (await tx.store.get(record.id)) as { iv?: unknown } | undefined;
    if (!(current?.iv instanceof Uint8Array) || !sameBytes(current.iv, expectedIv)) {
      abortQuietly(tx);
      return false;
    }
    await tx.store.put(record);
    await tx.done;
    return true;
  }

  async deleteRecord(id: string): Promise<void> {
    await this.db.delete('records', id);
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function abortQuietly(tx: { abort(): void }): void {
  try {
    tx.abort();
  } catch {
    // Already finished or aborted: nothing to undo.
  }
}
