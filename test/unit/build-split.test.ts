/**
 * The store build knows only CloudMC's own domains; the sandbox build adds loopback; plain http
 * is never grantable at run time except on loopback (DESIGN.md rule 7, issue 10 item 6).
 */
import { describe, expect, it } from 'vitest';
import config from '../../wxt.config';
import { builtInMatches, isGrantableOrigin, isGrantablePattern } from '@/lib/cloudmc/sites';

type ManifestFn = (env: { browser: string; mode: string; command: string; manifestVersion: number }) => {
  host_permissions?: string[];
  optional_host_permissions?: string[];
};

const manifest = (browser: string, mode: string) =>
  (config.manifest as ManifestFn)({ browser, mode, command: 'build', manifestVersion: 3 });

describe('the store build and the sandbox build', () => {
  it.each(['chrome', 'firefox'])('%s store build: host permissions are CloudMC domains only, all https', (browser) => {
    const m = manifest(browser, 'production');
    expect(m.host_permissions).toEqual(['https://*.cloudmc.io/*', 'https://*.cloud.ca/*']);
    expect(builtInMatches('production')).toEqual(m.host_permissions);
  });

  it('sandbox build: the same plus loopback on any port', () => {
    expect(manifest('chrome', 'sandbox').host_permissions).toEqual([
      'https://*.cloudmc.io/*',
      'https://*.cloud.ca/*',
      'http://localhost/*',
      'http://127.0.0.1/*',
    ]);
  });

  it('optional host permissions: any https site, plain http only on loopback', () => {
    const optional = manifest('chrome', 'production').optional_host_permissions ?? [];
    expect(optional).toContain('https://*/*');
    expect(optional.filter((p) => p.startsWith('http:'))).toEqual(['http://localhost/*', 'http://127.0.0.1/*']);
  });
});

describe('origins the user may grant at run time', () => {
  it.each([
    ['https://portal.reseller.test', true],
    ['https://portal.reseller.test:8443', true],
    ['http://localhost:8484', true],
    ['http://127.0.0.1', true],
    ['http://portal.reseller.test', false],
    ['http://127.0.0.2', false],
    ['http://localhost.evil.test', false],
    ['ftp://portal.reseller.test', false],
    ['not a url', false],
  ])('%s -> %s', (origin, ok) => expect(isGrantableOrigin(origin)).toBe(ok));

  it.each([
    ['https://*.reseller.test/*', true],
    ['http://localhost/*', true],
    ['http://portal.reseller.test/*', false],
    ['http://*/*', false],
    ['<all_urls>', false],
  ])('pattern %s -> %s', (pattern, ok) => expect(isGrantablePattern(pattern)).toBe(ok));
});
