/**
 * Where to look for a browser, and which ones to refuse: the pure part of the finder (no disk,
 * no processes), so that the order and the refusals are unit-tested.
 */
export type BrowserName = 'chromium' | 'firefox';

export interface Candidate {
  /** An absolute path, or a bare command name looked up on PATH. */
  path: string;
  /** Why it is on the list, for messages ("CHROMIUM_PATH", "Playwright", "Debian", ...). */
  source: string;
}

export interface Where {
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  /** The Chromium Playwright would use, when Playwright has one installed (null otherwise). */
  playwrightChromium: string | null;
}

const CHROMIUM_LINUX: Candidate[] = [
  // Debian and Arch ship the real binary here (/usr/bin/chromium is a wrapper script on Debian).
  { path: '/usr/lib/chromium/chromium', source: 'Debian/Arch' },
  { path: '/usr/lib/chromium-browser/chromium-browser', source: 'Ubuntu' },
  { path: '/usr/lib64/chromium-browser/chromium-browser', source: 'Fedora' },
  { path: 'chromium', source: 'PATH' },
  { path: 'chromium-browser', source: 'PATH' },
  // Chrome for Testing still loads unpacked extensions from the command line.
  { path: 'chrome', source: 'PATH (Chrome for Testing)' },
  // Branded Chrome: only older than 137, which isVersionAcceptable decides.
  { path: 'google-chrome-stable', source: 'PATH' },
  { path: 'google-chrome', source: 'PATH' },
];

const CHROMIUM_MAC: Candidate[] = [
  { path: '/Applications/Chromium.app/Contents/MacOS/Chromium', source: 'macOS' },
  {
    path: '/Applications/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing',
    source: 'macOS (Chrome for Testing)',
  },
  { path: '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', source: 'macOS' },
];

const FIREFOX_LINUX: Candidate[] = [
  { path: '/usr/lib/firefox-esr/firefox-esr', source: 'Debian' },
  { path: '/usr/lib/firefox/firefox', source: 'Ubuntu/Arch' },
  { path: '/usr/lib64/firefox/firefox', source: 'Fedora' },
  { path: 'firefox-esr', source: 'PATH' },
  { path: 'firefox', source: 'PATH' },
];

const FIREFOX_MAC: Candidate[] = [{ path: '/Applications/Firefox.app/Contents/MacOS/firefox', source: 'macOS' }];

/** Every place to try, best first. An explicit path from the environment is the only candidate. */
export function candidates(name: BrowserName, where: Where): Candidate[] {
  const envVar = name === 'chromium' ? 'CHROMIUM_PATH' : 'FIREFOX_PATH';
  const explicit = where.env[envVar];
  if (explicit) return [{ path: explicit, source: envVar }];
  const mac = where.platform === 'darwin';
  if (name === 'firefox') return mac ? FIREFOX_MAC : FIREFOX_LINUX;
  const playwright = where.playwrightChromium ? [{ path: where.playwrightChromium, source: 'Playwright' }] : [];
  return [...playwright, ...(mac ? CHROMIUM_MAC : CHROMIUM_LINUX)];
}

/**
 * Is the browser that printed `versionOutput` (its `--version`) one we can drive?
 * Branded Google Chrome from 137 on ignores --load-extension, so the tests would run with no
 * extension at all; Chromium and Chrome for Testing keep the switch. Firefox from 138 has
 * WebDriver BiDi's webExtension.install. Anything unrecognised is refused.
 */
export function isVersionAcceptable(name: BrowserName, versionOutput: string): { ok: boolean; why: string } {
  const text = versionOutput.trim();
  if (name === 'firefox') {
    const m = /Firefox (\d+)/.exec(text);
    if (!m) return { ok: false, why: `not Firefox: "${text}"` };
    return Number(m[1]) >= 138 ? { ok: true, why: text } : { ok: false, why: `${text}: Firefox 138 or newer is needed` };
  }
  if (/Chromium \d+/.test(text) || /Google Chrome for Testing \d+/.test(text)) return { ok: true, why: text };
  const branded = /Google Chrome (\d+)/.exec(text);
  if (branded) {
    return Number(branded[1]) < 137
      ? { ok: true, why: text }
      : { ok: false, why: `${text}: branded Chrome 137+ no longer loads unpacked extensions` };
  }
  return { ok: false, why: `not Chromium: "${text}"` };
}
