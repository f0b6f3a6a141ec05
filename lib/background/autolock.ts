/**
 * Auto-lock by alarm: every sign of use re-arms a one-shot alarm for the chosen idle time;
 * when it fires the vault locks. Alarms survive service-worker restarts, and a browser
 * restart needs nothing from us: storage.session, which holds the key, is emptied by it.
 */
import { browser } from 'wxt/browser';
import type { AutoLock } from '../messages/protocol';

export const AUTO_LOCK_ALARM = 'auto-lock';

export function createAutoLock(options: { lock: () => Promise<unknown>; setting: () => Promise<AutoLock> }) {
  async function arm(): Promise<void> {
    const minutes = await options.setting();
    if (typeof minutes === 'number') await browser.alarms.create(AUTO_LOCK_ALARM, { delayInMinutes: minutes });
    else await browser.alarms.clear(AUTO_LOCK_ALARM);
  }

  return {
    /** Call on unlock and on each use while unlocked. */
    arm,
    disarm: async () => void (await browser.alarms.clear(AUTO_LOCK_ALARM)),
    listen(): void {
      browser.alarms.onAlarm.addListener((alarm) => {
        if (alarm.name === AUTO_LOCK_ALARM) void options.lock();
      });
    },
  };
}
