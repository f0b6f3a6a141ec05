/**
 * Playwright fixtures for every e2e test.
 *
 * - `sandbox` (worker): a CloudMC sandbox in test mode on a free port, one per worker. Before each
 *   test it is reset to its seed and default config (auto fixture), so tests never see each
 *   other's users; call resetSandbox() again to choose ui/qr/lang/clock/splitHosts.
 * - `context` / `page` / `extensionId`: Chromium (scripts/browsers/find.ts) with the sandbox build
 *   (.output/chrome-mv3-sandbox) on a fresh profile directory `userDataDir`, removed afterwards.
 * - `plainContext` / `plainPage`: the same Chromium without the extension, for tests of the
 *   sandbox itself.
 * - launchBrowser(userDataDir, uiLanguage?) restarts a browser with the extension on an existing
 *   profile (optionally in another UI language: the extension's pages follow it).
 */
import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { SandboxConfig } from '../sandbox/config';
import type { SandboxState } from '../sandbox/state';
import { startSandbox, type Sandbox } from '../sandbox/server';
import { EXTENSION_PATH, launchWithExtension } from '../../scripts/browser';

export { expect };
export type { Sandbox, SandboxConfig };

export { EXTENSION_PATH };

/** Chromium with the extension on `userDataDir` (kept across launches: same profile, same storage). */
export function launchBrowser(userDataDir: string, uiLanguage?: string): Promise<BrowserContext> {
  // Lookalike and reseller hosts (portal.test, evil.test, ...) all reach the sandbox.
  return launchWithExtension(userDataDir, { headless: true, uiLanguage, args: ['--host-resolver-rules=MAP *.test 127.0.0.1'] });
}

// --- sandbox control (plain fetch from Node) ---------------------------------------------------

/** What /__test/users/:username answers: the sandbox's own type, so the two cannot drift. */
export type UserState = ReturnType<SandboxState['publicState']>;

async function postJson(url: string, body: unknown): Promise<unknown> {
  const res = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  const data = await res.json();
  if (!res.ok) throw new Error(`${url}: ${res.status} ${JSON.stringify(data)}`);
  return data;
}

/** Users back to the seed (2FA off), sessions dropped, config = defaults + `config`. */
export async function resetSandbox(sandbox: Sandbox, config: Partial<SandboxConfig> = {}): Promise<SandboxConfig> {
  return ((await postJson(`${sandbox.origin}/__test/reset`, config)) as { config: SandboxConfig }).config;
}

/** Changes the config (ui, qr, clock, lang, ...) without touching users or sessions. */
export async function setSandboxConfig(sandbox: Sandbox, config: Partial<SandboxConfig>): Promise<SandboxConfig> {
  return ((await postJson(`${sandbox.origin}/__test/config`, config)) as { config: SandboxConfig }).config;
}

export async function getUserState(sandbox: Sandbox, username: string): Promise<UserState> {
  const res = await fetch(`${sandbox.origin}/__test/users/${encodeURIComponent(username)}`);
  if (!res.ok) throw new Error(`/__test/users/${username}: ${res.status}`);
  return (await res.json()) as UserState;
}

// --- fixtures --------------------------------------------------------------------------------

interface TestFixtures {
  resetBeforeEach: void;
  userDataDir: string;
  extensionId: string;
  plainContext: BrowserContext;
  plainPage: Page;
}

interface WorkerFixtures {
  sandbox: Sandbox;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  sandbox: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const sandbox = await startSandbox({ port: 0, testMode: true });
      await use(sandbox);
      await sandbox.close();
    },
    { scope: 'worker' },
  ],

  resetBeforeEach: [
    async ({ sandbox }, use) => {
      await resetSandbox(sandbox);
      await use();
    },
    { auto: true },
  ],

  // eslint-disable-next-line no-empty-pattern
  userDataDir: async ({}, use) => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'cmc-e2e-profile-'));
    await use(dir);
    await rm(dir, { recursive: true, force: true });
  },

  context: async ({ userDataDir }, use) => {
    const context = await launchBrowser(userDataDir);
    await use(context);
    await context.close();
  },

  extensionId: async ({ context }, use) => {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    await use(new URL(worker.url()).host);
  },

  page: async ({ context }, use) => {
    const page = await context.newPage();
    await use(page);
  },

  plainContext: async ({ browser }, use) => {
    const context = await browser.newContext();
    await use(context);
    await context.close();
  },

  plainPage: async ({ plainContext }, use) => {
    await use(await plainContext.newPage());
  },
});
