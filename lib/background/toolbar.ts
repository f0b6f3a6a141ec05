/**
 * The toolbar button shows the vault's state: the closed padlock (the manifest's default, so
 * also what a fresh browser shows) while locked, the open one while unlocked.
 */
import { browser } from 'wxt/browser';

export const LOCKED_ICON = { 16: '/icon/16.png', 32: '/icon/32.png' } as const;
export const UNLOCKED_ICON = { 16: '/icon/unlocked-16.png', 32: '/icon/unlocked-32.png' } as const;

let shown: boolean | undefined;

/** Sets the icon when the state changed; called on every use, so it does nothing otherwise. */
export async function showLockState(unlocked: boolean): Promise<void> {
  if (shown === unlocked) return;
  shown = unlocked;
  try {
    await browser.action.setIcon({ path: unlocked ? UNLOCKED_ICON : LOCKED_ICON });
  } catch (err) {
    shown = undefined; // try again next time
    console.warn('[cloudmc-authenticator] toolbar icon', err);
  }
}
