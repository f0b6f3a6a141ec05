/**
 * User settings in storage.local. Stored as a partial object and read through defaults, so a
 * setting added later needs no migration and a damaged value falls back instead of throwing.
 */
import { browser } from 'wxt/browser';
import { AUTO_LOCK_CHOICES, type AutoLock, type Settings } from '../messages/protocol';

export const DEFAULT_SETTINGS: Settings = {
  autoLock: 15,
  autofill: true,
  autoSubmit: true,
  autoConfirmEnroll: true,
};

const KEY = 'settings';

/** Keeps only known keys with values of the right type. */
export function sanitizeSettings(input: unknown): Partial<Settings> {
  const out: Partial<Settings> = {};
  if (typeof input !== 'object' || input === null) return out;
  const raw = input as Record<string, unknown>;
  if (AUTO_LOCK_CHOICES.includes(raw.autoLock as AutoLock)) out.autoLock = raw.autoLock as AutoLock;
  for (const key of ['autofill', 'autoSubmit', 'autoConfirmEnroll'] as const) {
    if (typeof raw[key] === 'boolean') out[key] = raw[key];
  }
  return out;
}

export async function loadSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(KEY);
  return { ...DEFAULT_SETTINGS, ...sanitizeSettings(stored[KEY]) };
}

export async function saveSettings(patch: unknown): Promise<Settings> {
  const next = { ...(await loadSettings()), ...sanitizeSettings(patch) };
  await browser.storage.local.set({ [KEY]: next });
  return next;
}
