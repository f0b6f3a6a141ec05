/**
 * "popup: unlock submitted to 100 codes visible" (KDF at the floor, the default).
 *
 * Each run: lock the vault (`vault.lock`), open popup.html in a fresh tab, type the passphrase,
 * and click Unlock with Playwright. In the page, a capture-phase click listener records
 * performance.now() at the click on [data-testid=unlock] and a MutationObserver the moment the
 * 100 codes hold 6 digits; the result is the difference.
 */
import { benchResult, PASSPHRASE, repeat, send, type BenchEnv } from './harness';
import { codesObserver, firstBatch, msgTimes, openPopupWith, phaseNote, seedAccounts, type Observed } from './popup-open';
import { timeRow, type Row } from './stats';

export async function measureUnlock(env: BenchEnv, n = 100): Promise<Row[]> {
  await seedAccounts(env, n);
  const expected = await firstBatch(env, n);
  const phases: Array<Record<string, number>> = [];
  const samples = await repeat(env, `unlock, ${n} accounts`, async (i) => {
    const { state } = await send<{ state: string }>(env, { type: 'vault.lock' });
    if (state !== 'locked') throw new Error(`vault.lock left the vault ${state}`);
    const page = await openPopupWith(env, codesObserver(expected, 'unlock'));
    try {
      await page.getByTestId('passphrase').fill(PASSPHRASE);
      await page.getByTestId('unlock').click();
      const b = await benchResult<Observed>(page);
      if (b.clickAt === null) throw new Error('the click on unlock was not seen');
      const t0 = b.clickAt;
      const [unlockSent, unlockAnswered] = msgTimes(b, 'vault.unlock', t0);
      const [listSent, listAnswered] = msgTimes(b, 'accounts.list', t0);
      if (i >= 0) {
        phases.push({
          'vault.unlock sent': unlockSent - t0,
          'answered': unlockAnswered - t0,
          'accounts.list sent': listSent - t0,
          'accounts.list answered': listAnswered - t0,
          'codes in DOM': b.codesAt! - t0,
        });
      }
      return b.codesAt! - t0;
    } finally {
      await page.close();
    }
  });
  const { state } = await send<{ state: string }>(env, { type: 'vault.status' });
  if (state !== 'unlocked') throw new Error(`after the unlock runs the vault is ${state}`);
  const batch = expected < n ? `timed to the first ${expected} rows the popup renders. ` : '';
  const { note, medians } = phaseNote(`${batch}median ms from the click`, phases);
  return [{ ...timeRow(`popup.unlock.${n}`, `popup: unlock submitted to ${n} codes visible`, samples, 250, note), phases: medians }];
}
