/**
 * "click on enroll to code filled", per QR rendering (img-data, img-url, canvas, svg), current UI.
 *
 * Setup: auto-confirm off, so the step stays open and nothing is confirmed. Per rendering the
 * sandbox is reset with that `qr` and the user logs in; each run: the pending account the last
 * run left dropped from the vault, the security page loaded, Enable, password (a new pending
 * secret each time), wait for the extension's [data-testid=cmc-enroll], a trusted click on it
 * (Playwright). In the page, a capture-phase click listener on document (the click is composed
 * out of the open shadow root) records performance.now() at the click, and a capture-phase
 * `input` listener (plus a MutationObserver check) when #tfa-code holds 6 digits.
 */
import { confirmPassword, login, securityPath } from '../../test/sandbox/testkit/driver';
import type { QrMode } from '../../test/sandbox/server';
import { benchResult, checkCode, repeat, RunFailed, sandboxPost, sandboxUser, send, type BenchEnv } from './harness';
import { fillObserver } from './login-fill';
import { errorRow, timeRow, type Row } from './stats';

export const QR_MODES: readonly QrMode[] = ['img-data', 'img-url', 'canvas', 'svg'];

interface Observed {
  clickAt: number | null;
  filledAt: number | null;
}

/** Drops the pending accounts the runs left (auto-confirm off: none is ever confirmed). */
async function dropPending(env: BenchEnv): Promise<void> {
  const { accounts } = await send<{ accounts: Array<{ id: string; state: string }> }>(env, { type: 'accounts.list' });
  for (const a of accounts) if (a.state === 'pending') await send(env, { type: 'accounts.delete', id: a.id });
}

export async function measureEnrollFill(env: BenchEnv, user = 'alice'): Promise<Row[]> {
  const { context, sandbox } = env;
  await send(env, { type: 'settings.set', settings: { autoConfirmEnroll: false } });
  const rows: Row[] = [];
  for (const qr of QR_MODES) {
    const id = `enroll.fill.${qr}`;
    const what = `click on enroll to code filled, QR ${qr}`;
    await sandboxPost(env, '/__test/reset', { qr, ui: 'current' });
    const page = await context.newPage();
    await page.addInitScript(fillObserver('#tfa-code', 'cmc-enroll'));
    try {
      await login(page, `${sandbox.origin}/login`, user);
      const samples = await repeat(env, `enroll click to code filled, ${qr}`, async () => {
        await dropPending(env); // every run starts from the same vault: the one enrolled account
        await page.goto(sandbox.origin + securityPath('current'));
        await page.locator('#tfa-enable').click();
        await confirmPassword(page);
        // Armed: shown for 500 ms, as the click guard requires (not part of the measured time).
        const button = page.locator('[data-testid="cmc-enroll"][data-armed="true"]');
        await button.waitFor({ state: 'visible' });
        await button.click();
        const b = await benchResult<Observed>(page);
        if (b.clickAt === null) throw new Error('the click on the enroll button was not seen');
        const code = await page.locator('#tfa-code').inputValue();
        checkCode(code, (await sandboxUser(env, user)).twoFactor.pendingSecret, 'enrollment');
        return b.filledAt! - b.clickAt;
      });
      rows.push(timeRow(id, what, samples, 250));
    } catch (e) {
      // One rendering failing (e.g. the button never showed) does not hide the others' figures.
      env.log(`  ${what}: ${(e as Error).message}`);
      rows.push(errorRow(id, what, 'ms', 250, e, e instanceof RunFailed ? e.completed : 0));
    } finally {
      await page.close();
      await dropPending(env);
    }
  }
  return rows;
}
