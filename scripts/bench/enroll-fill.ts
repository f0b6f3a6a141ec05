/**
 * "click on enroll to code filled", per sandbox rendering, current UI: the QR as img-data,
 * img-url, canvas, svg, the themed QRs (coloured, logo, inverted, composite, css-bg), the page
 * in an open shadow root and split one-digit inputs (issue 9). Budget 250 ms each (DESIGN.md).
 *
 * Setup: auto-confirm off, so the step stays open and nothing is confirmed. Per rendering the
 * sandbox is reset with its options and the user logs in; each run: the pending account the last
 * run left dropped from the vault, the security page loaded, Enable, password (a new pending
 * secret each time), wait for the extension's [data-testid=cmc-enroll], a trusted click on it
 * (Playwright). In the page, a capture-phase click listener on document (the click is composed
 * out of the open shadow root) records performance.now() at the click, and capture-phase
 * `input` listeners plus MutationObservers, on the document and on every shadow root the page
 * attaches, when the code field (#tfa-code, or its six boxes #tfa-code-1..6) holds 6 digits.
 */
import { confirmPassword, login, securityPath } from '../../test/sandbox/testkit/driver';
import { QR_MODES, type QrMode } from '../../test/sandbox/qr';
import { benchResult, checkCode, repeat, RunFailed, sandboxPost, sandboxUser, send, type BenchEnv } from './harness';
import { errorRow, timeRow, type Row } from './stats';

/** One row each: the sandbox options of a rendering, and its name in the row id. */
const CASES: ReadonlyArray<{ name: string; what: string; options: { qr?: QrMode; shadow?: boolean; splitInputs?: boolean } }> = [
  ...QR_MODES.map((qr) => ({ name: qr, what: `QR ${qr}`, options: { qr } })),
  { name: 'shadow', what: 'page in an open shadow root', options: { shadow: true } },
  { name: 'split-inputs', what: 'split one-digit inputs', options: { splitInputs: true } },
];

/** The page-side observer (main world, before the page's scripts): see the header. */
function enrollObserver(id: string, clickTestId: string): string {
  return `(() => {
  const P = ${JSON.stringify({ id, clickTestId })};
  const b = (window.__bench = { clickAt: null, filledAt: null, code: null });
  Object.defineProperty(b, 'done', { value: new Promise((resolve) => Object.defineProperty(b, 'finish', { value: resolve })) });
  const roots = [];
  const find = (sel) => { for (const r of roots) { const el = r.querySelector(sel); if (el) return el; } return null; };
  const code = () => {
    const one = find('input#' + P.id); // with split inputs, #tfa-code is the boxes' group
    if (one) return one.value;
    return [1, 2, 3, 4, 5, 6].map((i) => (find('#' + P.id + '-' + i) || { value: '' }).value).join('');
  };
  const check = () => {
    if (b.filledAt !== null || b.clickAt === null) return;
    const value = code();
    if (/^\\d{6}$/.test(value)) { b.filledAt = performance.now(); b.code = value; b.finish(); }
  };
  const watch = (root) => {
    roots.push(root);
    root.addEventListener('input', check, true);
    new MutationObserver(check).observe(root, { childList: true, subtree: true, attributes: true, characterData: true });
  };
  // Input events the extension fires inside a shadow root are not composed: listen in each root.
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) { const root = attach.call(this, init); watch(root); return root; };
  watch(document);
  document.addEventListener('click', (e) => {
    if (b.clickAt !== null) return;
    const hit = e.composedPath().some((n) => n && n.dataset && n.dataset.testid === P.clickTestId) ||
      (e.target instanceof Element && !!e.target.shadowRoot && !!e.target.shadowRoot.querySelector('[data-testid="' + P.clickTestId + '"]'));
    if (hit) b.clickAt = performance.now();
  }, true);
})();`;
}

interface Observed {
  clickAt: number | null;
  filledAt: number | null;
  code: string | null;
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
  // BENCH_ENROLL=composite,split-inputs: only those renderings (all by default).
  const picked = (process.env.BENCH_ENROLL ?? '').split(',').filter(Boolean);
  for (const { name, what: shown, options } of CASES.filter((c) => !picked.length || picked.includes(c.name))) {
    const id = `enroll.fill.${name}`;
    const what = `click on enroll to code filled, ${shown}`;
    await sandboxPost(env, '/__test/reset', { ...options, ui: 'current' });
    const page = await context.newPage();
    await page.addInitScript(enrollObserver('tfa-code', 'cmc-enroll'));
    try {
      await login(page, `${sandbox.origin}/login`, user);
      const samples = await repeat(env, `enroll click to code filled, ${name}`, async () => {
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
        checkCode(b.code!, (await sandboxUser(env, user)).twoFactor.pendingSecret, 'enrollment');
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
