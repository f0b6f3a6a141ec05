/**
 * "popup: open to codes visible", with 1, 100 and 1,000 accounts (unlocked vault).
 *
 * The vault is seeded through `import.apply` with a plaintext otpauth URI list. Each run opens
 * popup.html in a fresh tab (the previous one closed) and reads, inside the page, the
 * performance.now() (ms from navigation start) at which the expected number of
 * [data-testid="code"] elements hold 6 digits, as recorded by a MutationObserver installed
 * before any page script runs. The popup renders only its first rows (windowing): with more
 * accounts than that, the expectation is the first rendered batch, found in a calibration run.
 */
import type { Page } from '@playwright/test';
import { benchResult, BLANK_PAGE, popupUrl, repeat, SCRIPT_PAGE, send, type BenchEnv } from './harness';
import { totpAt } from '../../test/sandbox/testkit/otp';
import { median, timeRow, type Row } from './stats';

/**
 * In-page probe: `codesAt` = performance.now() at which `expected` codes show 6 digits, seen by
 * a MutationObserver (the DOM commit, before paint; `frameAt` is the next animation frame);
 * `clickAt` = a capture-phase click on [data-testid=clickTestId]; `msgs` = when each message
 * to the background was sent and answered (chrome.runtime.sendMessage wrapped, for the phase
 * breakdown only). `b.done` resolves once the codes are in and the next frame has begun.
 */
export function codesObserver(expected: number, clickTestId?: string): string {
  return `(() => {
  const P = ${JSON.stringify({ expected, clickTestId: clickTestId ?? null })};
  const b = (window.__bench = { codesAt: null, frameAt: null, count: 0, firstAt: null, firstCount: 0, clickAt: null, msgs: [] });
  Object.defineProperty(b, 'done', { value: new Promise((resolve) => Object.defineProperty(b, 'finish', { value: resolve })) });
  const six = /^\\d{6}$/;
  const mo = new MutationObserver(() => {
    if (b.codesAt !== null) return;
    if (P.clickTestId && b.clickAt === null) return;
    let n = 0;
    for (const el of document.querySelectorAll('[data-testid="code"]')) if (six.test(el.textContent.replace(/\\s/g, ''))) n++;
    if (n > 0 && b.firstAt === null) { b.firstAt = performance.now(); b.firstCount = n; }
    if (n >= P.expected) {
      b.codesAt = performance.now();
      b.count = n;
      mo.disconnect();
      requestAnimationFrame(() => { b.frameAt = performance.now(); b.finish(); });
    }
  });
  mo.observe(document, { childList: true, subtree: true, characterData: true });
  if (P.clickTestId) {
    document.addEventListener('click', (e) => {
      if (b.clickAt !== null) return;
      if (e.composedPath().some((n) => n && n.dataset && n.dataset.testid === P.clickTestId)) b.clickAt = performance.now();
    }, true);
  }
  const rt = globalThis.chrome && globalThis.chrome.runtime;
  if (rt && typeof rt.sendMessage === 'function') {
    const send = rt.sendMessage.bind(rt);
    rt.sendMessage = (...args) => {
      const m = { type: args[0] && args[0].type, sent: performance.now(), answered: null };
      b.msgs.push(m);
      const p = send(...args);
      if (p && typeof p.then === 'function') p.then(() => { m.answered = performance.now(); }, () => {});
      return p;
    };
  }
})();`;
}

export interface Observed {
  codesAt: number | null;
  frameAt: number | null;
  count: number;
  firstAt: number | null;
  firstCount: number;
  clickAt: number | null;
  msgs: Array<{ type: string; sent: number; answered: number | null }>;
  /** Read from the navigation timing entry after the run. */
  dcl?: number;
}

/** The first `type` message of a run, as [sent, answered] (NaN when missing). */
export function msgTimes(b: Observed, type: string, after = 0): [number, number] {
  const m = b.msgs.find((x) => x.type === type && x.sent >= after);
  return [m?.sent ?? NaN, m?.answered ?? NaN];
}

/** Per-phase medians as "label a ms" pieces, for a row's note; phases with no value are left out. */
export function phaseNote(lead: string, phases: Array<Record<string, number>>): { note: string; medians: Record<string, number> } {
  const medians: Record<string, number> = {};
  for (const key of Object.keys(phases[0] ?? {})) {
    const xs = phases.map((p) => p[key]!).filter((x) => Number.isFinite(x));
    if (xs.length) medians[key] = Math.round(median(xs) * 10) / 10;
  }
  return { note: `${lead}: ${Object.entries(medians).map(([k, v]) => `${k} ${v}`).join(', ')}`, medians };
}

/** The secrets of accountUris(n): 16 base32 characters each, the same on every run (seeded xorshift32). */
export function accountSecrets(n: number, seed = 0x2f6e2b1): string[] {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let s = seed >>> 0;
  const next = () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s;
  };
  return Array.from({ length: n }, () => {
    let secret = '';
    for (let k = 0; k < 16; k++) secret += alphabet[next() % 32];
    return secret;
  });
}

/** `n` distinct accounts as CloudMC writes its URIs, one portal each. */
export function accountUris(n: number): string[] {
  return accountSecrets(n).map((secret, i) => {
    const issuer = `https://portal${i}.example.com/`;
    return `otpauth://totp/${issuer}:user${i}?secret=${secret}&issuer=${issuer}`;
  });
}

/** Leaves exactly the first `n` accounts of accountUris() in the vault (added by import). */
export async function seedAccounts(env: BenchEnv, n: number): Promise<void> {
  const { accounts } = await send<{ accounts: Array<{ id: string; origin: string }> }>(env, { type: 'accounts.list' });
  const wanted = new Set(Array.from({ length: n }, (_, i) => `https://portal${i}.example.com`));
  // Anything else (the enrolled sandbox accounts, or more portals than wanted) goes.
  for (const a of accounts) if (!wanted.has(a.origin)) await send(env, { type: 'accounts.delete', id: a.id });
  // Import skips entries already stored (same secret and origin), so this adds only the missing ones.
  await send(env, { type: 'import.apply', file: accountUris(n).join('\n') + '\n' });
  const after = await send<{ accounts: unknown[] }>(env, { type: 'accounts.list' });
  if (after.accounts.length !== n) throw new Error(`seeded ${after.accounts.length} accounts, expected ${n}`);
}

/** Opens popup.html in a fresh tab with `script` installed before the page's own scripts. */
export async function openPopupWith(env: BenchEnv, script: string): Promise<Page> {
  const page = await env.context.newPage();
  await page.addInitScript(script);
  await page.goto(popupUrl(env));
  return page;
}

/** Waits two frames so that a render in progress has committed. */
const settle = (page: Page) =>
  page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 0))))');

const shownCodes = (page: Page) =>
  page.evaluate(
    `[...document.querySelectorAll('[data-testid="code"]')].map((el) => el.textContent.replace(/\\s/g, '')).filter((c) => /^\\d{6}$/.test(c))`,
  ) as Promise<string[]>;

/**
 * How many codes the popup shows right after it opens with `n` accounts: n, or its first
 * rendered batch. Calibrated in a run of its own (it is also a warm-up run).
 */
export async function firstBatch(env: BenchEnv, n: number): Promise<number> {
  const page = await openPopupWith(env, codesObserver(1));
  try {
    await benchResult<Observed>(page);
    await settle(page);
    const codes = await shownCodes(page);
    if (codes.length < 1 || codes.length > n) throw new Error(`popup shows ${codes.length} codes for ${n} accounts`);
    // Fast but wrong would be no result: every code shown is one of the seeded accounts' codes.
    const now = Date.now();
    const valid = new Set(accountSecrets(n).flatMap((secret) => [-1, 0, 1].map((d) => totpAt(secret, now + d * 30_000))));
    const wrong = codes.filter((c) => !valid.has(c));
    if (wrong.length) throw new Error(`the popup shows ${wrong.length} codes that belong to no seeded account (${wrong.slice(0, 3).join(', ')})`);
    return codes.length;
  } finally {
    await page.close();
  }
}

export async function measurePopupOpen(env: BenchEnv, counts: readonly number[] = [1, 100, 1000]): Promise<Row[]> {
  const rows: Row[] = [];
  for (const n of counts) {
    await seedAccounts(env, n);
    const expected = await firstBatch(env, n);
    const phases: Array<Record<string, number>> = [];
    const samples = await repeat(env, `popup open, ${n} accounts`, async (i) => {
      const page = await openPopupWith(env, codesObserver(expected));
      try {
        const b = await benchResult<Observed>(page);
        const dcl = (await page.evaluate(`performance.getEntriesByType('navigation')[0].domContentLoadedEventStart`)) as number;
        const [sent, answered] = msgTimes(b, 'accounts.list');
        if (i >= 0) {
          phases.push({ DOMContentLoaded: dcl, 'accounts.list sent': sent, 'accounts.list answered': answered, 'codes in DOM': b.codesAt!, 'next frame': b.frameAt! });
        }
        return b.codesAt!;
      } finally {
        await page.close();
      }
    });
    const what = `popup: open to codes visible, ${n.toLocaleString('en')} account${n === 1 ? '' : 's'}`;
    const batch =
      expected < n ? `the popup renders its first ${expected} rows at open (more on scroll): timed to those ${expected} codes. ` : '';
    const { note, medians } = phaseNote(`${batch}median ms from navigation start`, phases);
    rows.push({ ...timeRow(`popup.open.${n}`, what, samples, n === 100 ? 60 : null, note), phases: medians });
  }
  return rows;
}

/**
 * Reference, no budget: an empty page of the extension's origin, opened the same way (fresh
 * tab), navigation start to DOMContentLoaded. What any extension page costs on this machine
 * now, before a byte of the popup's own code.
 */
export async function measureBlankPage(env: BenchEnv): Promise<Row[]> {
  const samples = await repeat(env, 'empty extension page', async () => {
    const page = await env.context.newPage();
    try {
      await page.goto(`chrome-extension://${env.extensionId}/${BLANK_PAGE}`);
      return (await page.evaluate(`performance.getEntriesByType('navigation')[0].domContentLoadedEventStart`)) as number;
    } finally {
      await page.close();
    }
  });
  const scripted = await repeat(env, 'one-script extension page', async () => {
    const page = await env.context.newPage();
    try {
      await page.goto(`chrome-extension://${env.extensionId}/${SCRIPT_PAGE}`);
      return (await page.evaluate('globalThis.__firstScriptAt')) as number;
    } finally {
      await page.close();
    }
  });
  return [
    timeRow('reference.blank-page', 'reference: empty extension page, open to DOMContentLoaded', samples, null, 'the floor under every popup figure: same fresh-tab opening, no script, no style'),
    timeRow(
      'reference.first-script',
      'reference: extension page, open to its first script running',
      scripted,
      null,
      'a page holding one one-line classic script: the earliest any popup code can run on this machine',
    ),
  ];
}
