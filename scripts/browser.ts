/** Launches Chromium with the built extension, as the e2e fixture does, for the demo and the tour. */
import { chromium, type BrowserContext } from '@playwright/test';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ensureBrowser } from './browsers/find';

/** The sandbox build (`npm run build:sandbox`): the store build plus the loopback origins. */
export const EXTENSION_PATH = path.resolve('.output/chrome-mv3-sandbox');

/** The Chromium to drive (scripts/browsers/find.ts), found or installed once per process. */
export function chromiumPath(): string {
  return ensureBrowser('chromium').path;
}

export interface LaunchOptions {
  headless: boolean;
  /** An unpacked build; .output/chrome-mv3-sandbox by default. */
  extensionPath?: string;
  /** More Chromium flags (the e2e tests map *.test host names to the sandbox). */
  args?: string[];
  /** Headless page size; 1280x860 by default (the tour takes store screenshots at 1280x800). */
  viewport?: { width: number; height: number };
  /** Where downloads land (Playwright names them by GUID); Playwright's temp folder by default. */
  downloadsPath?: string;
  /** Chromium's UI language (chrome.i18n, so the extension's pages): --lang plus LANGUAGE, which Linux builds read. */
  uiLanguage?: string;
}

/**
 * The one way we start Chromium with the extension: the e2e fixture, the tour and the bench
 * all come through here. Without the background-networking flags Chromium keeps dialling
 * Google's hosts, which this sandboxed machine refuses.
 */
export async function launchWithExtension(userDataDir: string, options: LaunchOptions): Promise<BrowserContext> {
  const extension = options.extensionPath ?? EXTENSION_PATH;
  if (!existsSync(path.join(extension, 'manifest.json'))) {
    throw new Error(`No extension build at ${extension}/manifest.json: run npm run build:sandbox first.`);
  }
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: options.headless,
    ...(options.downloadsPath ? { downloadsPath: options.downloadsPath } : {}),
    ...(options.uiLanguage ? { env: { ...process.env, LANGUAGE: options.uiLanguage, LANG: `${options.uiLanguage}.UTF-8` } } : {}),
    viewport: options.headless ? (options.viewport ?? { width: 1280, height: 860 }) : null,
    args: [
      `--disable-extensions-except=${extension}`,
      `--load-extension=${extension}`,
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...(options.uiLanguage ? [`--lang=${options.uiLanguage}`] : []),
      ...(options.args ?? []),
    ],
  });
}

export async function extensionIdOf(context: BrowserContext): Promise<string> {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return new URL(worker.url()).host;
}
