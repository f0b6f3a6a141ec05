import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, loadSettings, sanitizeSettings, saveSettings } from '@/lib/background/settings';
import { AUTO_LOCK_ALARM, createAutoLock } from '@/lib/background/autolock';
import type { AutoLock } from '@/lib/messages/protocol';

beforeEach(() => fakeBrowser.reset());

describe('settings (storage.local through defaults)', () => {
  it('a fresh profile reads the defaults', async () => {
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('a saved patch is merged, persisted, and read back by the next worker life', async () => {
    expect(await saveSettings({ autoLock: 5, autoSubmit: false })).toEqual({ ...DEFAULT_SETTINGS, autoLock: 5, autoSubmit: false });
    expect(await loadSettings()).toEqual({ ...DEFAULT_SETTINGS, autoLock: 5, autoSubmit: false });
  });

  it('values of the wrong type or unknown keys are dropped, never stored', async () => {
    await saveSettings({ autoLock: 7, autofill: 'yes', evil: true, autoConfirmEnroll: false });
    const stored = (await fakeBrowser.storage.local.get('settings')).settings as Record<string, unknown>;
    expect(stored).toEqual({ ...DEFAULT_SETTINGS, autoConfirmEnroll: false });
    expect(sanitizeSettings(null)).toEqual({});
    expect(sanitizeSettings([1, 2])).toEqual({});
  });

  it('a damaged stored value falls back to the defaults instead of throwing', async () => {
    await fakeBrowser.storage.local.set({ settings: 'garbage' });
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
    await fakeBrowser.storage.local.set({ settings: { autoLock: 'never', autofill: 0 } });
    expect(await loadSettings()).toEqual({ ...DEFAULT_SETTINGS, autoLock: 'never' });
  });
});

describe('auto-lock (one-shot alarm re-armed on use)', () => {
  function autoLock(setting: AutoLock) {
    let locks = 0;
    const al = createAutoLock({ lock: async () => void locks++, setting: async () => setting });
    al.listen();
    return { al, locks: () => locks };
  }

  it('arming sets the alarm to the chosen minutes; its firing locks', async () => {
    const { al, locks } = autoLock(15);
    const before = Date.now();
    await al.arm();
    const alarm = await fakeBrowser.alarms.get(AUTO_LOCK_ALARM);
    expect(alarm?.scheduledTime).toBeGreaterThanOrEqual(before + 15 * 60_000);
    await fakeBrowser.alarms.onAlarm.trigger(alarm!);
    expect(locks()).toBe(1);
  });

  it("'never' and 'browser-restart' leave no alarm; disarm clears one", async () => {
    for (const choice of ['never', 'browser-restart'] as const) {
      await fakeBrowser.alarms.create(AUTO_LOCK_ALARM, { delayInMinutes: 1 });
      await autoLock(choice).al.arm();
      expect(await fakeBrowser.alarms.get(AUTO_LOCK_ALARM)).toBeUndefined();
    }
    const { al } = autoLock(1);
    await al.arm();
    await al.disarm();
    expect(await fakeBrowser.alarms.get(AUTO_LOCK_ALARM)).toBeUndefined();
  });

  it('another alarm firing does not lock', async () => {
    const { locks } = autoLock(1);
    await fakeBrowser.alarms.onAlarm.trigger({ name: 'something-else', scheduledTime: Date.now() });
    expect(locks()).toBe(0);
  });
});
