/**
 * The one browser finder: `npm start`, `npm test` (pretest), the e2e fixture, the Firefox smoke
 * suite, the tour and the bench all ask here. The order and the refusals are in candidates.ts;
 * this file looks at the disk, asks each candidate its version, and installs when nothing fits.
 */
import { execFileSync } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { candidates, isVersionAcceptable, type BrowserName, type Candidate } from './candidates';

export interface FoundBrowser {
  path: string;
  version: string;
  source: string;
}

const ENV_VAR: Record<BrowserName, string> = { chromium: 'CHROMIUM_PATH', firefox: 'FIREFOX_PATH' };
// chromium-l10n: Debian's chromium has only en-US; the e2e tests run the extension in fr and es.
const DEBIAN_PACKAGES: Record<BrowserName, string[]> = { chromium: ['chromium', 'chromium-l10n'], firefox: ['firefox-esr'] };

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** An absolute path as is; a bare name resolved on PATH. */
function resolve(candidate: Candidate): string | null {
  if (path.isAbsolute(candidate.path)) return isExecutable(candidate.path) ? candidate.path : null;
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const file = path.join(dir, candidate.path);
    if (dir && isExecutable(file)) return file;
  }
  return null;
}

function versionOf(file: string): string {
  try {
    return execFileSync(file, ['--version'], { encoding: 'utf8', timeout: 20_000, stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return '';
  }
}

function playwrightChromium(): string | null {
  try {
    const file = chromium.executablePath();
    return existsSync(file) ? file : null;
  } catch {
    return null;
  }
}

/** The first acceptable browser, or null with what was refused on the way. */
export function findBrowser(name: BrowserName): { found: FoundBrowser | null; refused: string[] } {
  const refused: string[] = [];
  const list = candidates(name, { platform: process.platform, env: process.env, playwrightChromium: playwrightChromium() });
  for (const candidate of list) {
    const file = resolve(candidate);
    if (!file) continue;
    const verdict = isVersionAcceptable(name, versionOf(file));
    if (verdict.ok) return { found: { path: file, version: verdict.why, source: candidate.source }, refused };
    refused.push(`${file}: ${verdict.why}`);
  }
  return { found: null, refused };
}

function canApt(): boolean {
  return process.platform === 'linux' && process.getuid?.() === 0 && isExecutable('/usr/bin/apt-get');
}

function aptInstall(packages: string[]): void {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: ['ignore', 'ignore', 'inherit'], env });
  execFileSync('apt-get', ['install', '-y', '-qq', ...packages], { stdio: ['ignore', 'ignore', 'inherit'], env });
}

function howToFix(name: BrowserName, refused: string[]): string {
  const what = name === 'chromium' ? 'Chromium (or Chrome for Testing)' : 'Firefox 138 or newer';
  const install =
    name === 'chromium'
      ? 'install Chromium (Debian/Ubuntu: apt-get install chromium; Fedora: dnf install chromium; macOS: brew install --cask chromium) or run npx playwright install chromium'
      : 'install Firefox (Debian: apt-get install firefox-esr; others: the firefox package)';
  const seen = refused.length ? `\nRefused: ${refused.join('; ')}` : '';
  return `No ${what} found: ${install}, or set ${ENV_VAR[name]} to its binary.${seen}`;
}

/**
 * A browser to drive, installing one when none is found: Debian's package when we are root on
 * a Linux with apt (as CI is); for Chromium, else Playwright's download. Throws one message
 * saying what to do otherwise. The path is left in CHROMIUM_PATH / FIREFOX_PATH so that child
 * processes (Playwright workers) skip the search.
 */
export function ensureBrowser(name: BrowserName, log: (line: string) => void = console.log): FoundBrowser {
  let { found, refused } = findBrowser(name);
  const explicit = process.env[ENV_VAR[name]];
  if (!found && explicit) throw new Error(`${ENV_VAR[name]}=${explicit} is not usable: ${refused.join('; ') || 'no such executable'}`);
  if (!found && canApt()) {
    log(`No ${name} found: installing Debian's ${DEBIAN_PACKAGES[name].join(' ')} with apt-get.`);
    try {
      aptInstall(DEBIAN_PACKAGES[name]);
    } catch (err) {
      log(`apt-get install ${DEBIAN_PACKAGES[name].join(' ')} failed: ${(err as Error).message.split('\n')[0]}`);
    }
    ({ found, refused } = findBrowser(name));
  }
  // Playwright's Firefox is a patched build without WebDriver BiDi's webExtension.install.
  if (!found && name === 'chromium') {
    log('No chromium found: trying npx playwright install chromium.');
    try {
      execFileSync('npx', ['playwright', 'install', 'chromium'], { stdio: 'inherit' });
    } catch {
      // The message below says what to do.
    }
    ({ found, refused } = findBrowser(name));
  }
  if (!found) throw new Error(howToFix(name, refused));
  process.env[ENV_VAR[name]] = found.path;
  return found;
}
