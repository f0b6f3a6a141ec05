import { describe, expect, it } from 'vitest';
import { isCloudmcOrigin, originMatchesPattern } from '@/lib/cloudmc/sites';
import { originOf } from '@/lib/origin';

describe('CloudMC sites', () => {
  it.each([
    'https://charter.dev.cloudmc.io',
    'https://cloudmc.io',
    'https://test.staging1.cloud.ca',
    'http://localhost:8484',
    'http://localhost',
    'http://127.0.0.1:41234',
  ])('enables %s', (origin) => expect(isCloudmcOrigin(origin)).toBe(true));

  it.each([
    'https://cloudmc.io.evil.test',
    'https://evilcloudmc.io',
    'https://xcloud.ca',
    'http://charter.dev.cloudmc.io',
    'https://localhost:8484',
    'http://127.0.0.2:80',
    'http://localhost.evil.test',
    'not a url',
  ])('does not enable %s', (origin) => expect(isCloudmcOrigin(origin)).toBe(false));

  it('adds origins the user granted', () => {
    expect(isCloudmcOrigin('https://portal.reseller.test')).toBe(false);
    expect(isCloudmcOrigin('https://portal.reseller.test', ['https://portal.reseller.test/*'])).toBe(true);
    expect(originMatchesPattern('https://a.portal.reseller.test', 'https://portal.reseller.test/*')).toBe(false);
  });

  it('takes origins only from http(s) urls', () => {
    expect(originOf('https://a.cloudmc.io:8443/x?y#z')).toBe('https://a.cloudmc.io:8443');
    expect(originOf('javascript:alert(1)')).toBeNull();
    expect(originOf('data:text/html,hi')).toBeNull();
    expect(originOf(undefined)).toBeNull();
  });
});
