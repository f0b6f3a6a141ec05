/**
 * Issue 10, item 5: the clock correction comes from the portal's own answer (no redirect
 * followed) and is bounded: beyond ±5 minutes the codes keep the local clock.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { MAX_CORRECTION_MS, beyondCorrection, shouldCorrect } from '@/lib/otp/clock';

const ORIGIN = 'https://charter.dev.cloudmc.io';
const NOW = Date.UTC(2026, 0, 1, 12, 0, 0);

/** The portal answers with its clock `offsetMs` ahead; `finalUrl`: where redirects ended. */
function serverAt(offsetMs: number, finalUrl = `${ORIGIN}/login`) {
  const fetch = vi.fn(async (_url: string, _init: RequestInit) => {
    const res = new Response(null, { headers: { date: new Date(NOW + offsetMs).toUTCString() } });
    Object.defineProperty(res, 'url', { value: finalUrl });
    return res;
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

async function freshClock() {
  vi.resetModules();
  return import('@/lib/background/clock');
}

// Re-importing the module per test is slow on a loaded machine; nothing here waits on time.
vi.setConfig({ testTimeout: 30_000 });
beforeEach(() => fakeBrowser.reset());
afterEach(() => vi.unstubAllGlobals());

describe('measureOffset', () => {
  it('takes no Date header from another origin a redirect led to', async () => {
    const fetch = serverAt(60_000, 'https://time.attacker.example/');
    const clock = await freshClock();
    expect(await clock.measureOffset(ORIGIN, () => NOW)).toBeNull();
    expect(clock.offsetFor(ORIGIN)).toBe(0);
    expect(fetch.mock.calls[0]![1]).toMatchObject({ credentials: 'omit' });
  });

  it('takes it from the portal itself, after a redirect within its origin', async () => {
    serverAt(60_000);
    const clock = await freshClock();
    expect(await clock.measureOffset(ORIGIN, () => NOW)).not.toBeNull();
    expect(Math.abs(clock.offsetFor(ORIGIN) - 60_000)).toBeLessThanOrEqual(1000);
  });

  it('applies a correction of up to 5 minutes', async () => {
    serverAt(4 * 60_000);
    const clock = await freshClock();
    await clock.measureOffset(ORIGIN, () => NOW);
    expect(Math.abs(clock.offsetFor(ORIGIN) - 4 * 60_000)).toBeLessThanOrEqual(1000);
  });

  it.each([6 * 60_000, -6 * 60_000, 24 * 3600_000])('keeps the local clock for an offset of %d ms', async (offset) => {
    serverAt(offset);
    const clock = await freshClock();
    expect(await clock.measureOffset(ORIGIN, () => NOW)).not.toBeNull();
    expect(clock.offsetFor(ORIGIN)).toBe(0);
  });
});

describe('stored offsets', () => {
  it('are read back by the next worker life from the key every build has used', async () => {
    // What a build before the WXT storage item left in storage.local.
    await fakeBrowser.storage.local.set({ clockOffsets: { [ORIGIN]: { offsetMs: 60_000, measuredAt: NOW } } });
    const clock = await freshClock();
    expect(clock.offsetFor(ORIGIN)).toBe(0); // not loaded yet
    await clock.loadOffsets();
    expect(clock.offsetFor(ORIGIN)).toBe(60_000);
    expect(clock.measuredRecently(ORIGIN, NOW + 60_000)).toBe(true);
  });

  it('a measurement is written under that key, next to the others', async () => {
    await fakeBrowser.storage.local.set({ clockOffsets: { 'https://other.example': { offsetMs: 30_000, measuredAt: NOW } } });
    serverAt(60_000);
    const clock = await freshClock();
    await clock.measureOffset(ORIGIN, () => NOW);
    const stored = (await fakeBrowser.storage.local.get('clockOffsets')).clockOffsets as Record<string, { offsetMs: number }>;
    expect(Object.keys(stored).sort()).toEqual(['https://other.example', ORIGIN].sort());
    expect(Math.abs(stored[ORIGIN]!.offsetMs - 60_000)).toBeLessThanOrEqual(1000);
  });
});

describe('the cap', () => {
  it('corrects between 10 s and 5 minutes, warns beyond', () => {
    expect(shouldCorrect(MAX_CORRECTION_MS)).toBe(true);
    expect(shouldCorrect(MAX_CORRECTION_MS + 1)).toBe(false);
    expect(beyondCorrection(-MAX_CORRECTION_MS - 1)).toBe(true);
    expect(beyondCorrection(-MAX_CORRECTION_MS)).toBe(false);
  });
});
