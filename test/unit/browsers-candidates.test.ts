import { describe, expect, it } from 'vitest';
import { candidates, isVersionAcceptable } from '../../scripts/browsers/candidates';

const linux = { platform: 'linux' as const, env: {}, playwrightChromium: null };

describe('browser candidates', () => {
  it('takes CHROMIUM_PATH / FIREFOX_PATH alone when set', () => {
    expect(candidates('chromium', { ...linux, env: { CHROMIUM_PATH: '/opt/c/chrome' } })).toEqual([
      { path: '/opt/c/chrome', source: 'CHROMIUM_PATH' },
    ]);
    expect(candidates('firefox', { ...linux, env: { FIREFOX_PATH: '/opt/ff' } }).map((c) => c.path)).toEqual(['/opt/ff']);
  });

  it('tries Playwright’s Chromium, then the distributions’ places, then PATH, branded Chrome last', () => {
    const paths = candidates('chromium', { ...linux, playwrightChromium: '/pw/chrome-linux/chrome' }).map((c) => c.path);
    expect(paths[0]).toBe('/pw/chrome-linux/chrome');
    expect(paths.slice(1, 4)).toEqual([
      '/usr/lib/chromium/chromium',
      '/usr/lib/chromium-browser/chromium-browser',
      '/usr/lib64/chromium-browser/chromium-browser',
    ]);
    expect(paths.indexOf('chromium')).toBeLessThan(paths.indexOf('chrome'));
    expect(paths.slice(-2)).toEqual(['google-chrome-stable', 'google-chrome']);
  });

  it('looks in /Applications on macOS', () => {
    expect(candidates('chromium', { ...linux, platform: 'darwin' })[0]?.path).toBe('/Applications/Chromium.app/Contents/MacOS/Chromium');
    expect(candidates('firefox', { ...linux, platform: 'darwin' })[0]?.path).toBe('/Applications/Firefox.app/Contents/MacOS/firefox');
  });

  it('prefers Debian’s firefox-esr', () => {
    expect(candidates('firefox', linux).map((c) => c.path)).toEqual([
      '/usr/lib/firefox-esr/firefox-esr',
      '/usr/lib/firefox/firefox',
      '/usr/lib64/firefox/firefox',
      'firefox-esr',
      'firefox',
    ]);
  });
});

describe('which versions can load the extension', () => {
  it.each([
    ['Chromium 150.0.7871.100 built on Debian GNU/Linux 12 (bookworm)', true],
    ['Chromium 140.0.7339.16', true],
    ['Google Chrome for Testing 141.0.7390.54', true],
    ['Google Chrome 136.0.7103.113', true],
    ['Google Chrome 137.0.7151.55', false],
    ['Google Chrome 142.0.7444.59 ', false],
    ['Microsoft Edge 141.0.3537.57', false],
    ['', false],
  ])('chromium: %s -> %s', (output, ok) => expect(isVersionAcceptable('chromium', output).ok).toBe(ok));

  it.each([
    ['Mozilla Firefox 140.12.0esr', true],
    ['Mozilla Firefox 153.0', true],
    ['Mozilla Firefox 128.14.0esr', false],
    ['Chromium 150.0', false],
  ])('firefox: %s -> %s', (output, ok) => expect(isVersionAcceptable('firefox', output).ok).toBe(ok));

  it('says why branded Chrome is refused', () => {
    expect(isVersionAcceptable('chromium', 'Google Chrome 137.0.7151.55').why).toMatch(/no longer loads unpacked extensions/);
  });
});
