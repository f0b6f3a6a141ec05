/**
 * "popup: unlock submitted to the first screen of codes, 100 accounts" (KDF at the floor, the
 * default), and what of it is not the KDF.
 *
 * Each run: lock the vault (`vault.lock`), open popup.html in a fresh tab, type the passphrase,
 * and click Unlock with Playwright. In the page, a capture-phase click listener records
 * performance.now() at the click on [data-testid=unlock] and a MutationObserver the moment the
 * first screen's codes hold 6 digits; the result is the difference. The KDF's own duration is
 * the background's `cmc:kdf` User Timing measure around the unlock (lib/background/ui-vault.ts: the KDF, the key's import and its storage.session write), read in the worker
 * after each run: everything else (messages, the list, the render) is the "after the KDF" row.
 */
import { benchResult, PASSPHRASE, repeat, send, type BenchEnv } from './harness';
import { codesObserver, firstBatch, msgTimes, openPopupWith, phaseNote, seedAccounts, type Observed } from './popup-open';
import { timeRow, type Row } from './stats';

export async function measureUnlock(env: BenchEnv, n = 100): Promise<Row[]> {
  await seedAccounts(env, n);
  const expected = await firstBatch(env, n);
  const phases: Array<Record<string, number>> = [];
  const afterKdf: number[] = [];
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
      const pageOrigin = (await page.evaluate('performance.timeOrigin')) as number;
      const kdf = await workerMeasure(env, pageOrigin);
      // The worker's own part after the KDF: the first screen read and its codes, to the answer.
      const rest = await workerMeasure(env, pageOrigin, 'cmc:after-kdf');
      if (i >= 0) {
        afterKdf.push(b.codesAt! - t0 - kdf.duration);
        phases.push({
          'vault.unlock sent': unlockSent - t0,
          // The worker's marks, on the popup's clock (both clocks share one time base).
          'KDF started': kdf.start - t0,
          'KDF done': kdf.start + kdf.duration - t0,
          'worker answered': rest.start + rest.duration - t0,
          // The popup asks for its first screen with the unlock: one answer brings the codes.
          answered: unlockAnswered - t0,
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
  return [
    { ...timeRow(`popup.unlock.${n}`, `popup: unlock submitted to first screen of codes, ${n} accounts`, samples, null, note), phases: medians },
    timeRow(
      `popup.unlock.${n}.after-kdf`,
      '  the same minus the KDF (the floor of an unlock)',
      afterKdf,
      20,
      "per run: click to codes in the DOM minus the background's cmc:kdf measure of that unlock",
    ),
  ];
}

/**
 * The worker's last `name` measure, its start on the clock of a page whose time origin is
 * `pageOrigin` (and clears it, so a run never reads the previous one's).
 */
async function workerMeasure(env: BenchEnv, pageOrigin: number, name = 'cmc:kdf'): Promise<{ start: number; duration: number }> {
  const worker = env.context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${env.extensionId}/`));
  if (!worker) throw new Error(`no service worker of the extension to read ${name} from`);
  const m = (await worker.evaluate(
    `(() => { const e = performance.getEntriesByName(${JSON.stringify(name)}); performance.clearMeasures(${JSON.stringify(name)}); return e.length === 1 ? { start: performance.timeOrigin + e[0].startTime, duration: e[0].duration } : null; })()`,
  )) as { start: number; duration: number } | null;
  if (!m) throw new Error(`the worker has no single ${name} measure for this unlock`);
  return { start: m.start - pageOrigin, duration: m.duration };
}
