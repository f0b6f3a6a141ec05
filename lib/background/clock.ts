/**
 * Per-origin clock offsets (server minus local, ms), measured from the portal's own HTTP
 * Date header. Kept per origin so that one portal with a wrong clock cannot shift the codes
 * of another. Not secret: stored in storage.local (key `clockOffsets`, a WXT storage item) so
 * the options page can show them. Version 1 is the shape every build so far has written.
 */
import { storage } from 'wxt/utils/storage';
import { offsetFromDateHeader, shouldCorrect } from '../otp';

export interface Measured {
  offsetMs: number;
  measuredAt: number;
}

const offsetsItem = storage.defineItem<Record<string, Measured>>('local:clockOffsets', { fallback: {}, version: 1 });

/** This worker life's copy: offsetFor() is asked synchronously while codes are computed. */
let cache: Record<string, Measured> | null = null;

async function all(): Promise<Record<string, Measured>> {
  if (!cache) cache = await offsetsItem.getValue();
  return cache;
}

const FRESH_MS = 6 * 60 * 60_000;

/** Whether `origin` was measured in the last few hours (measuring costs a round trip). */
export function measuredRecently(origin: string, now: number = Date.now()): boolean {
  const m = cache?.[origin];
  return !!m && now - m.measuredAt < FRESH_MS;
}

/** The correction to apply for `origin`: the measured offset when it is large enough to matter. */
export function offsetFor(origin: string | null): number {
  // An unbound account has no portal to measure: its codes follow the local clock.
  const m = origin === null ? undefined : cache?.[origin];
  return m && shouldCorrect(m.offsetMs) ? m.offsetMs : 0;
}

/** Loads the stored offsets; call before the first offsetFor() of a worker's life. */
export async function loadOffsets(): Promise<Record<string, Measured>> {
  return all();
}

/**
 * Asks the portal for its time (a HEAD of its root) and records the offset. The Date header
 * must come from the portal's own origin, never from wherever a redirect points: a redirect
 * is accepted only when it ends on the same origin (CloudMC's root redirects to its login
 * page). `redirect: 'manual'` alone cannot do this: a manual redirect's response is opaque,
 * without headers, so every redirecting root would yield nothing.
 */
function originOfUrl(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

export async function measureOffset(origin: string, now: () => number = Date.now): Promise<number | null> {
  const start = now();
  let date: string | null;
  try {
    const res = await fetch(origin + '/', { method: 'HEAD', cache: 'no-store', credentials: 'omit', redirect: 'follow' });
    date = res.url && originOfUrl(res.url) !== origin ? null : res.headers.get('date');
  } catch {
    return null;
  }
  const offset = date ? offsetFromDateHeader(date, start, now()) : null;
  if (offset === null) return null;
  const offsets = { ...(await all()), [origin]: { offsetMs: offset, measuredAt: now() } };
  cache = offsets;
  await offsetsItem.setValue(offsets);
  return offset;
}
