/** What the vault tests share: a Map standing in for storage.session, and raw IndexedDB access. */
import { openDB } from 'idb';
import type { SessionStorageLike } from '@/lib/vault';

/** storage.session as a Map (kept in `map`, so a test can inspect or reuse it). */
export function mapStorage(map = new Map<string, unknown>()): SessionStorageLike & { map: Map<string, unknown> } {
  return { map, get: async (k) => map.get(k), set: async (k, v) => void map.set(k, v), remove: async (k) => void map.delete(k) };
}

/** The raw IndexedDB contents, to prove that failed operations wrote nothing. */
export async function rawDump(dbName: string) {
  const db = await openDB(dbName);
  const out = { meta: await db.getAll('meta'), records: await db.getAll('records') };
  db.close();
  return out;
}

/** Replaces the stored header behind the vault's back. */
export async function writeRawHeader(dbName: string, header: unknown) {
  const db = await openDB(dbName);
  await db.put('meta', header, 'header');
  db.close();
}
