/**
 * User settings in storage.local (key `settings`), a WXT storage item. Stored as an object read
 * through defaults, so a setting added later needs no migration and a damaged value falls back
 * instead of throwing. The item is typed `unknown` on purpose: what is stored is whatever an
 * older build (or damage) left, and only sanitizeSettings says what of it counts. Version 1 is
 * the shape every build so far has written; a change of shape bumps it with a migration.
 */
import { storage } from 'wxt/utils/storage';
import { AUTO_LOCK_CHOICES, type AutoLock, type Settings } from '../messages/protocol';

export const DEFAULT_SETTINGS: Settings = {
  autoLock: 15,
  autofill: true,
  autoSubmit: true,
  autoConfirmEnroll: true,
};

const settingsItem = storage.defineItem<unknown>('local:settings', { fallback: {}, version: 1 });

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
  return { ...DEFAULT_SETTINGS, ...sanitizeSettings(await settingsItem.getValue()) };
}

export async function saveSettings(patch: unknown): Promise<Settings> {
  const next = { ...(await loadSettings()), ...sanitizeSettings(patch) };
  await settingsItem.setValue(next);
  return next;
}
