/**
 * `npm run bench` (after `npm run build:sandbox`): the budgets of DESIGN.md, measured.
 *
 * Sizes from the build, then one warm headless Chromium with (a private copy of) the built
 * extension against the sandbox: popup open to the first screen of codes (1 / 100 / 1,000
 * accounts, worker awake and worker stopped, each opening paired with one of the floor page
 * and budgeted as a ratio to it), unlock to codes (and what of it is not the KDF), login
 * challenge to code filled, click on enroll to code filled per sandbox rendering. Times are medians
 * of BENCH_RUNS (default 10) runs after BENCH_WARMUP (default 2) warm-up runs, taken inside
 * the pages.
 *
 * Prints a table and writes bench/results.json. Over budget is reported, never fatal: the exit
 * code is 1 only when the bench itself failed (a measurement that could not be taken is
 * reported as ERROR with the others' figures, and exits 1).
 *
 * Run order (not the table's): the login and enroll measurements first, on a vault with one
 * account, then the popup ones on vaults of exactly 1, 100 and 1,000 accounts, the unlock on
 * 100.
 */
import os from 'node:os';
import path from 'node:path';
import { measureEnrollFill } from './bench/enroll-fill';
import { createVault, openEnv, RunFailed, snapshotBuild, TIMEOUT_MS, type BenchEnv } from './bench/harness';
import { measureLoginFill } from './bench/login-fill';
import { measurePopupOpen, RATIO_BUDGET } from './bench/popup-open';
import { measureUnlock } from './bench/popup-unlock';
import { measureSizes } from './bench/sizes';
import { errorRow, table, writeResults, type Row } from './bench/stats';
import { workerControl, type WorkerControl } from './bench/worker';

const RESULTS = path.resolve('bench/results.json');

function intEnv(name: string, fallback: number, min: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be an integer >= ${min}, not ${raw}`);
  return n;
}

const load1 = () => Math.round(os.loadavg()[0]! * 100) / 100;

/** The rows each step produces, so that a failed step still has its lines in the table. */
const popupRows = (n: number) =>
  (['warm', 'cold'] as const).flatMap((mode) => [
    [`popup.open.${n}.${mode}`, `popup: open to first screen of codes, ${n} accounts, ${mode}`, null],
    [`popup.open.${n}.${mode}.ratio`, '  the same over the floor (paired openings)', RATIO_BUDGET[mode]],
  ]) as Array<[string, string, number | null]>;

const STEPS = {
  login: [['login.fill', 'login challenge in the DOM to code filled', 50]],
  popup: [['reference.floor', 'floor: extension page, open to its first script running', null], ...popupRows(1), ...popupRows(100), ...popupRows(1000)],
  unlock: [
    ['popup.unlock.100', 'popup: unlock submitted to first screen of codes, 100 accounts', null],
    ['popup.unlock.100.after-kdf', '  the same minus the KDF (the floor of an unlock)', 20],
  ],
} as const satisfies Record<string, ReadonlyArray<readonly [string, string, number | null]>>;

async function main(): Promise<number> {
  const started = Date.now();
  const loadStart = load1();
  const runs = intEnv('BENCH_RUNS', 10, 1);
  const warmup = intEnv('BENCH_WARMUP', 2, 0);
  const log = (line: string) => console.error(`[bench ${((Date.now() - started) / 1000).toFixed(1)}s] ${line}`);

  // BENCH_ONLY=popup,unlock: only those measurements (while working on them); all by default.
  const wanted = (process.env.BENCH_ONLY ?? '').split(',').filter(Boolean);
  const only = (what: string) => wanted.length === 0 || wanted.includes(what);
  const build = await snapshotBuild();
  let env: BenchEnv | undefined;
  let worker: WorkerControl | undefined;
  const rows: Row[] = [];
  try {
    rows.push(...measureSizes(build.dir));
    log('sizes measured');
    env = await openEnv({ extensionPath: build.dir, runs, warmup, log });
    log(`Chromium ${env.chromium}, extension ${env.extensionId}, sandbox ${env.sandbox.origin}; ${runs} runs after ${warmup} warm-up`);
    await createVault(env);

    const e = env;
    const step = async (rowsOf: ReadonlyArray<readonly [string, string, number | null]>, fn: () => Promise<Row[]>) => {
      try {
        rows.push(...(await fn()));
      } catch (err) {
        log(`  failed: ${(err as Error).message}`);
        for (const [id, what, budget] of rowsOf) {
          if (!rows.some((r) => r.id === id)) rows.push(errorRow(id, what, 'ms', budget, err, err instanceof RunFailed ? err.completed : 0));
        }
      }
    };
    if (only('login')) await step(STEPS.login, () => measureLoginFill(e));
    const enroll = only('enroll') ? await measureEnrollFill(e) : [];
    worker = await workerControl(e.context, e.control, e.extensionId, TIMEOUT_MS);
    const w = worker;
    if (only('popup')) await step(STEPS.popup, () => measurePopupOpen(e, w, [1, 100, 1000]));
    if (only('unlock')) await step(STEPS.unlock, () => measureUnlock(e, 100));
    rows.push(...enroll); // the table lists the enrollment last
  } finally {
    await worker?.close();
    await env?.close();
    await build.remove();
  }

  const order = ['size.', 'reference.', 'popup.open.', 'popup.unlock.', 'login.', 'enroll.'];
  const rank = (r: Row) => order.findIndex((p) => r.id.startsWith(p));
  // Stable: within a group, the order the rows were measured in.
  rows.sort((a, b) => rank(a) - rank(b));
  console.log(table(rows));
  console.log(
    `\nmachine: ${os.cpus().length} CPUs, node ${process.version}, Chromium ${env!.chromium}; ` +
      `1-min load average ${loadStart} at start, ${load1()} at end`,
  );
  await writeResults(RESULTS, rows, env!.chromium, loadStart);
  const over = rows.filter((r) => r.withinBudget === false);
  const failed = rows.filter((r) => r.error);
  log(
    `wrote ${path.relative(process.cwd(), RESULTS)} in ${((Date.now() - started) / 1000).toFixed(0)} s; ` +
      (over.length ? `${over.length} over budget: ${over.map((r) => r.id).join(', ')}` : 'nothing over budget') +
      (failed.length ? `; ${failed.length} could not be measured: ${failed.map((r) => r.id).join(', ')}` : ''),
  );
  return failed.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error('bench failed:', e instanceof Error ? (e.stack ?? e.message) : e);
    process.exit(1);
  },
);
