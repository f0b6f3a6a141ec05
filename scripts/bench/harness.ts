/**
 * What every browser measurement shares: one warm headless Chromium with the built extension,
 * the sandbox, a quiet extension page to send messages from, and the repeat-after-warm-up loop.
 *
 * Scripts that run in pages are plain JavaScript strings, not serialized TS functions (tsx
 * may wrap named functions in helpers that do not exist in the page).
 */
import type { BrowserContext, Page } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { extensionIdOf, launchWithExtension } from '../browser';
import { startSandbox, type Sandbox } from '../../test/sandbox/server';
import { totpAt } from '../../test/sandbox/testkit/otp';
import { BUILD_DIR, pagePayload } from './sizes';

/** An empty page the bench adds to its copy of the build, to measure what any extension page costs. */
export const BLANK_PAGE = 'bench-blank.html';
/** The same with one one-line classic script: when can any code of an extension page run? */
export const SCRIPT_PAGE = 'bench-script.html';

export const PASSPHRASE = 'correct horse battery staple';
/** Any single wait in a measurement; a hang is an error, not a slow result. */
export const TIMEOUT_MS = 20_000;

export interface BenchEnv {
  context: BrowserContext;
  extensionId: string;
  sandbox: Sandbox;
  /** A chrome-extension:// page that renders nothing (the manifest): messages go from here. */
  control: Page;
  chromium: string;
  runs: number;
  warmup: number;
  log: (line: string) => void;
  close(): Promise<void>;
}

export interface Reply<T> {
  ok: boolean;
  value?: T;
  error?: { code: string; message: string };
}

/**
 * A private copy of the build: others rebuild .output/chrome-mv3-sandbox while they work, and a
 * rebuild under a running browser renames the chunks it injects. Checked for completeness
 * (a copy taken in the middle of a build misses files).
 */
export async function snapshotBuild(): Promise<{ dir: string; remove(): Promise<void> }> {
  if (!existsSync(path.join(BUILD_DIR, 'manifest.json'))) throw new Error(`No build at ${BUILD_DIR}: run npm run build first`);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'cmc-bench-ext-'));
  const remove = () => rm(dir, { recursive: true, force: true });
  try {
    await cp(BUILD_DIR, dir, { recursive: true });
    const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as {
      background?: { service_worker?: string };
      content_scripts?: Array<{ js?: string[] }>;
    };
    const needed = [
      manifest.background?.service_worker,
      ...(manifest.content_scripts ?? []).flatMap((c) => c.js ?? []),
      'popup.html',
    ].filter((f): f is string => !!f);
    for (const f of needed) if (!existsSync(path.join(dir, f))) throw new Error(`the build lacks ${f}`);
    pagePayload(dir, 'popup.html'); // throws when a chunk it loads is missing
    // For the reference row only (an empty page of the extension's origin); nothing loads it.
    await writeFile(path.join(dir, BLANK_PAGE), '<!doctype html><html lang="en"><meta charset="utf-8"><title>blank</title><div id="app"></div></html>\n');
    await writeFile(path.join(dir, 'bench-script.js'), 'globalThis.__firstScriptAt = performance.now();\n');
    await writeFile(path.join(dir, SCRIPT_PAGE), '<!doctype html><html lang="en"><meta charset="utf-8"><title>script</title><script src="/bench-script.js"></script></html>\n');
    return { dir, remove };
  } catch (e) {
    await remove();
    throw new Error(`Copying ${BUILD_DIR} failed (a build running at the same time?): ${(e as Error).message}`);
  }
}

function launch(userDataDir: string, extensionPath: string): Promise<BrowserContext> {
  return launchWithExtension(userDataDir, { headless: true, extensionPath });
}

export async function openEnv(opts: { extensionPath: string; runs: number; warmup: number; log: (line: string) => void }): Promise<BenchEnv> {
  const sandbox = await startSandbox({ port: 0, testMode: true });
  const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'cmc-bench-profile-'));
  let context: BrowserContext | undefined;
  try {
    context = await launch(userDataDir, opts.extensionPath);
    context.setDefaultTimeout(TIMEOUT_MS);
    const extensionId = await extensionIdOf(context);
    // A page of ours that runs no UI code (no ticker, no re-render) to send messages from.
    const control = context.pages()[0] ?? (await context.newPage());
    await control.goto(`chrome-extension://${extensionId}/manifest.json`);
    const chromium = context.browser()?.version() ?? (await control.evaluate('navigator.userAgent')) as string;
    const ctx = context;
    return {
      context: ctx,
      extensionId,
      sandbox,
      control,
      chromium,
      runs: opts.runs,
      warmup: opts.warmup,
      log: opts.log,
      async close() {
        await ctx.close().catch(() => undefined);
        await sandbox.close();
        await rm(userDataDir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    await context?.close().catch(() => undefined);
    await sandbox.close();
    await rm(userDataDir, { recursive: true, force: true });
    throw e;
  }
}

/** Sends a UI message to the background from the control page; throws on `{ ok: false }`. */
export async function send<T = unknown>(env: BenchEnv, message: Record<string, unknown>): Promise<T> {
  const reply = (await env.control.evaluate(
    (m) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage(m),
    message,
  )) as Reply<T> | undefined;
  if (!reply?.ok) throw new Error(`${String(message.type)}: ${reply?.error ? `${reply.error.code}: ${reply.error.message}` : 'no answer'}`);
  return reply.value as T;
}

export const popupUrl = (env: BenchEnv) => `chrome-extension://${env.extensionId}/popup.html`;

/** POST to the sandbox's test API (reset, config). */
export async function sandboxPost(env: BenchEnv, route: string, body: unknown): Promise<unknown> {
  const res = await fetch(`${env.sandbox.origin}${route}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const data = await res.json();
  if (!res.ok) throw new Error(`${route}: ${res.status} ${JSON.stringify(data)}`);
  return data;
}

/** The sandbox's view of a user's 2FA (test API). */
export async function sandboxUser(env: BenchEnv, user: string): Promise<{ twoFactor: { secret: string | null; pendingSecret: string | null } }> {
  const res = await fetch(`${env.sandbox.origin}/__test/users/${encodeURIComponent(user)}`);
  if (!res.ok) throw new Error(`/__test/users/${user}: ${res.status}`);
  return (await res.json()) as { twoFactor: { secret: string | null; pendingSecret: string | null } };
}

/** Throws unless `code` is the code of `secret` for a step within ±1 of now: a fast wrong fill is no result. */
export function checkCode(code: string, secret: string | null, what: string): void {
  const now = Date.now();
  const valid = secret ? [-1, 0, 1].map((d) => totpAt(secret, now + d * 30_000)) : [];
  if (!valid.includes(code)) throw new Error(`${what}: the extension filled ${JSON.stringify(code)}, not the code of the sandbox's secret`);
}

/** First run: creates the vault in the popup, as a user does (left unlocked). */
export async function createVault(env: BenchEnv): Promise<void> {
  const popup = await env.context.newPage();
  await popup.goto(popupUrl(env));
  await popup.getByTestId('new-passphrase').fill(PASSPHRASE);
  await popup.getByTestId('confirm-passphrase').fill(PASSPHRASE);
  await popup.getByTestId('create-vault').click();
  await popup.getByTestId('lock').waitFor({ state: 'visible' });
  await popup.close();
}

/**
 * Reads `window.__bench` once the page's observer says it is complete (`b.done`, a promise the
 * init scripts resolve). Evaluated over CDP, so extension pages' CSP (no eval) does not apply.
 */
export async function benchResult<T>(page: Page): Promise<T> {
  return (await page.evaluate(`(() => {
    const b = window.__bench;
    if (!b) throw new Error('no window.__bench: the init script did not run');
    const late = new Promise((_, reject) => setTimeout(() => reject(new Error('timed out waiting in ' + location.href + ': ' + JSON.stringify(b))), ${TIMEOUT_MS}));
    return Promise.race([b.done, late]).then(() => JSON.parse(JSON.stringify(b)));
  })()`)) as T;
}

/** A run that failed: which one, and how many measured runs had completed. */
export class RunFailed extends Error {
  constructor(
    readonly label: string,
    readonly completed: number,
    cause: unknown,
    run: string,
  ) {
    super(`${label}, ${run} failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}

/**
 * `warmup` unrecorded runs, then `runs` recorded ones; `once(i)` returns the measured ms.
 * `i` < 0 for warm-up runs.
 */
export async function repeat(env: BenchEnv, label: string, once: (i: number) => Promise<number>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = -env.warmup; i < env.runs; i++) {
    let ms: number;
    try {
      ms = await once(i);
    } catch (e) {
      throw new RunFailed(label, samples.length, e, i < 0 ? `warm-up run ${i + env.warmup + 1}` : `run ${i + 1}`);
    }
    if (!Number.isFinite(ms) || ms < 0) throw new RunFailed(label, samples.length, new Error(`measured ${ms}`), `run ${i + 1}`);
    if (i >= 0) samples.push(ms);
  }
  env.log(`  ${label}: ${samples.map((s) => s.toFixed(1)).join(' ')}`);
  return samples;
}

/** Resolves when the current 30 s TOTP step has more than `seconds` left (now, or at the next step). */
export async function awayFromStepEnd(seconds: number, period = 30): Promise<void> {
  const left = period - ((Date.now() / 1000) % period);
  if (left > seconds) return;
  // Not a fixed sleep: the condition is the clock reaching the next step.
  await new Promise((resolve) => setTimeout(resolve, left * 1000 + 50));
}
