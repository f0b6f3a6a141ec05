/** Launches Chromium with the built extension, as the e2e fixture does, for the demo and the tour. */
import { chromium, type BrowserContext } from '@playwright/test';
import { existsSync } from 'node:fs';
import path from 'node:path';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium';
export const EXTENSION_PATH = path.resolve('.output/chrome-mv3');

export interface LaunchOptions {
  headless: boolean;
  /** An unpacked build; .output/chrome-mv3 by default. */
  extensionPath?: string;
  /** More Chromium flags (the e2e tests map *.test host names to the sandbox). */
  args?: string[];
  /** Where downloads land (Playwright names them by GUID); Playwright's temp folder by default. */
  downloadsPath?: string;
}

/**
 * The one way we start Chromium with the extension: the e2e fixture, the tour and the bench
 * all come through here. Without the background-networking flags Chromium keeps dialling
 * Google's hosts, which this sandboxed machine refuses.
 */
export async function launchWithExtension(userDataDir: string, options: LaunchOptions): Promise<BrowserContext> {
  const extension = options.extensionPath ?? EXTENSION_PATH;
  if (!existsSync(path.join(extension, 'manifest.json'))) {
    throw new Error(`No extension build at ${extension}/manifest.json: run npm run build first.`);
  }
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`No Chromium at ${CHROMIUM_PATH}: apt-get install -y chromium, or set CHROMIUM_PATH.`);
  }
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: options.headless,
    ...(options.downloadsPath ? { downloadsPath: options.downloadsPath } : {}),
    viewport: options.headless ? { width: 1280, height: 860 } : null,
    args: [
      `--disable-extensions-except=${extension}`,
      `--load-extension=${extension}`,
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...(options.args ?? []),
    ],
  });
}

export async function extensionIdOf(context: BrowserContext): Promise<string> {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return new URL(worker.url()).host;
}
