/**
 * Issue 10, item 11: after a refused code, the retry handlers give at most one more code per
 * challenge, and never a code before its time step has begun.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { totp } from '@/lib/otp';
import { ORIGIN, SECRET, enrollment, login, storeAccount, unlockedVault } from './support/background';

vi.mock('@/lib/vault/crypto', async (real) => (await import('./support/memo-kdf')).memoizeKdf(await real()));

const params = { secret: SECRET, algorithm: 'SHA1' as const, digits: 6 as const, period: 30 };
const tab = { origin: ORIGIN, tabId: 3, documentId: 'doc' };

beforeEach(() => fakeBrowser.reset());

describe('enroll.retry', () => {
  it('hands out the next code only once its step has begun', async () => {
    const vault = await unlockedVault();
    let clock = Date.UTC(2026, 0, 1, 12, 0, 5); // 5 s into a step
    const waited: number[] = [];
    const e = enrollment(vault, {
      now: () => clock,
      waitUntil: async (t) => {
        waited.push(t);
        clock = t;
      },
    });
    await e.begin(tab, 'data:image/png;base64,', null);
    const answer = await e.retry(tab);
    expect(waited).toEqual([Date.UTC(2026, 0, 1, 12, 0, 30)]);
    // The code given is the one of the step current when it was given.
    expect(answer).toMatchObject({ status: 'fill', code: totp(params, clock) });
  });
});

describe('login.retry', () => {
  it('one retry per challenge, even when the page shows the challenge again', async () => {
    const vault = await unlockedVault();
    await storeAccount(vault);
    const l = login(vault);
    await l.user(tab, 'rwalker'); // the password step, in this tab
    expect(await l.challenge(tab)).toMatchObject({ status: 'fill' });
    expect(await l.retry(tab)).toMatchObject({ status: 'fill' });
    // The page re-renders its challenge input: the content script reports a challenge again.
    expect(await l.challenge(tab)).toMatchObject({ status: 'fill' });
    await expect(l.retry(tab)).rejects.toMatchObject({ code: 'code-refused' });
  });

  it('a new login in the tab (after the last one went through) gets its own retry', async () => {
    const vault = await unlockedVault();
    await storeAccount(vault);
    const l = login(vault);
    await l.user(tab, 'rwalker');
    await l.challenge(tab);
    await l.retry(tab);
    await l.settled(tab);
    await l.user(tab, 'rwalker');
    await l.challenge(tab);
    expect(await l.retry(tab)).toMatchObject({ status: 'fill' });
  });
});
