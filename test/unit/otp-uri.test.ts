import { describe, expect, it } from 'vitest';
import { URI } from 'otpauth';
import { formatOtpauthUri, parseOtpInput, type ParseErrorCode } from '@/lib/otp/uri';

const CLOUDMC = 'otpauth://totp/https://charter.dev.cloudmc.io/:rwalker@cloudops.com?secret=WMN2B6O54ADDPUHJ&issuer=https://charter.dev.cloudmc.io/';
const CLOUDMC_2015 = 'otpauth://totp/test.staging1.cloud.ca:fgaudreault?secret=MNMR4Z7KR6U4WC6T&issuer=test.staging1.cloud.ca';
const DEFAULTS = { algorithm: 'SHA1', digits: 6, period: 30 } as const;

function parsed(input: string) {
  const r = parseOtpInput(input);
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`);
  return r.value;
}

describe('CloudMC URIs (from the real QR codes)', () => {
  it('current UI: unencoded URL issuer, label split on the last colon', () => {
    expect(parsed(CLOUDMC)).toEqual({
      secret: 'WMN2B6O54ADDPUHJ',
      issuer: 'https://charter.dev.cloudmc.io/',
      user: 'rwalker@cloudops.com',
      ...DEFAULTS,
      source: 'uri',
    });
  });
  it('2015 UI: host issuer', () => {
    expect(parsed(CLOUDMC_2015)).toEqual({
      secret: 'MNMR4Z7KR6U4WC6T',
      issuer: 'test.staging1.cloud.ca',
      user: 'fgaudreault',
      ...DEFAULTS,
      source: 'uri',
    });
  });
  it('the same, percent-encoded', () => {
    const enc = 'otpauth://totp/https%3A%2F%2Fcharter.dev.cloudmc.io%2F%3Arwalker%40cloudops.com?secret=WMN2B6O54ADDPUHJ&issuer=https%3A%2F%2Fcharter.dev.cloudmc.io%2F';
    expect(parsed(enc)).toEqual(parsed(CLOUDMC));
  });
  it('without the issuer parameter: the label prefix is the issuer', () => {
    const p = parsed('otpauth://totp/https://charter.dev.cloudmc.io/:rwalker@cloudops.com?secret=WMN2B6O54ADDPUHJ');
    expect([p.issuer, p.user]).toEqual(['https://charter.dev.cloudmc.io/', 'rwalker@cloudops.com']);
  });
  it('an issuer URL with a port', () => {
    const p = parsed('otpauth://totp/https://cmc.example.com:8443/:bob@example.com?secret=WMN2B6O54ADDPUHJ');
    expect([p.issuer, p.user]).toEqual(['https://cmc.example.com:8443/', 'bob@example.com']);
  });
  it('the issuer parameter decides where the label splits when the user holds a colon', () => {
    const p = parsed('otpauth://totp/https://h.example/:odd:user?secret=WMN2B6O54ADDPUHJ&issuer=https://h.example/');
    expect([p.issuer, p.user]).toEqual(['https://h.example/', 'odd:user']);
  });
});

describe('other valid otpauth URIs', () => {
  it('the key-URI-format example', () => {
    expect(parsed('otpauth://totp/Example:alice@google.com?secret=JBSWY3DPEHPK3PXP&issuer=Example')).toMatchObject({
      secret: 'JBSWY3DPEHPK3PXP',
      issuer: 'Example',
      user: 'alice@google.com',
    });
  });
  it('all parameters, encoded label, lower-case values, spaces in the secret', () => {
    const p = parsed(
      'otpauth://totp/ACME%20Co:john.doe%40email.com?secret=hxdm%20vjec-jjws%20rb3h%20wizr%204ifu%20gftm%20xboz&issuer=ACME+Co&algorithm=sha256&digits=7&period=60',
    );
    expect(p).toEqual({
      secret: 'HXDMVJECJJWSRB3HWIZR4IFUGFTMXBOZ',
      issuer: 'ACME Co',
      user: 'john.doe@email.com',
      algorithm: 'SHA256',
      digits: 7,
      period: 60,
      source: 'uri',
    });
  });
  it('the issuer parameter wins over the label prefix', () => {
    expect(parsed('otpauth://totp/Old:me?secret=JBSWY3DPEHPK3PXP&issuer=New')).toMatchObject({ issuer: 'New', user: 'me' });
  });
  it('a label without issuer, "Example: alice" spacing, upper-case scheme, padding, fragment, unknown params', () => {
    expect(parsed('otpauth://totp/alice?secret=JBSWY3DPEHPK3PXP')).toMatchObject({ issuer: '', user: 'alice' });
    expect(parsed('otpauth://totp/Example:%20alice?secret=JBSWY3DPEHPK3PXP')).toMatchObject({ issuer: 'Example', user: 'alice' });
    expect(parsed('OTPAUTH://TOTP/x?SECRET=JBSWY3DPEHPK3PXP')).toMatchObject({ secret: 'JBSWY3DPEHPK3PXP' });
    expect(parsed('otpauth://totp/x?secret=JBSWY3DPEHPK3PXP====')).toMatchObject({ secret: 'JBSWY3DPEHPK3PXP' });
    expect(parsed('otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&image=https://x/y.png#frag')).toMatchObject({ user: 'x' });
    expect(parsed('otpauth://totp/x?algorithm=SHA-512&secret=JBSWY3DPEHPK3PXP')).toMatchObject({ algorithm: 'SHA512' });
  });
  it('an empty or missing label', () => {
    expect(parsed('otpauth://totp/?secret=JBSWY3DPEHPK3PXP')).toMatchObject({ issuer: '', user: '' });
    expect(parsed('otpauth://totp?secret=JBSWY3DPEHPK3PXP')).toMatchObject({ issuer: '', user: '' });
  });
  it('a literal "%" that is no escape survives', () => {
    expect(parsed('otpauth://totp/100%25%:me?secret=JBSWY3DPEHPK3PXP')).toMatchObject({ issuer: '100%%', user: 'me' });
  });
  it('leading and trailing whitespace is ignored', () => {
    expect(parsed(`\n  ${CLOUDMC}  \n`)).toEqual(parsed(CLOUDMC));
  });
});

describe('bare base32 secrets', () => {
  it.each(['WMN2 B6O5 4ADD PUHJ', 'WMN2B6O54ADDPUHJ', 'wmn2-b6o5-4add-puhj', ' wmn2\tb6o5 4add puhj ', 'WMN2B6O54ADDPUHJ======'])('%j', (input) => {
    expect(parsed(input)).toEqual({ secret: 'WMN2B6O54ADDPUHJ', issuer: '', user: '', ...DEFAULTS, source: 'secret' });
  });
});

describe('malformed input: each gets its code and a message, never a throw', () => {
  const S = 'JBSWY3DPEHPK3PXP';
  const table: [string, ParseErrorCode][] = [
    ['', 'empty'],
    ['   \n', 'empty'],
    ['https://charter.dev.cloudmc.io/', 'not-otpauth'],
    ['otpauth-migration://offline?data=CjEKCkhlbGxvId6tvu8', 'not-otpauth'],
    [`otpauth://hotp/x?secret=${S}&counter=0`, 'unsupported-type'],
    [`otpauth://steam/x?secret=${S}`, 'unsupported-type'],
    ['otpauth://', 'malformed-uri'],
    [`otpauth:totp/x?secret=${S}`, 'malformed-uri'],
    [`otpauth:///x?secret=${S}`, 'malformed-uri'],
    [`otpauth://totp#x?secret=${S}`, 'malformed-uri'],
    ['otpauth://totp/x', 'missing-secret'],
    ['otpauth://totp/x?secret=', 'missing-secret'],
    ['otpauth://totp/x?secret=%20%20', 'missing-secret'],
    ['otpauth://totp/x?issuer=x', 'missing-secret'],
    [`otpauth://totp/x?secret=${S}&secret=MNMR4Z7KR6U4WC6T`, 'malformed-uri'],
    ['otpauth://totp/x?secret=JBSWY3DPEHPK3PX1', 'invalid-base32'],
    ['otpauth://totp/x?secret=JBSWY3DP!HPK3PXP', 'invalid-base32'],
    ['otpauth://totp/x?secret=JBSWY3DPEHPK3PXPA', 'invalid-base32'],
    ['otpauth://totp/x?secret=JBSWY3DPEHPK', 'secret-too-short'],
    [`otpauth://totp/x?secret=${'A'.repeat(500)}`, 'secret-too-long'],
    [`otpauth://totp/x?secret=${S}&algorithm=MD5`, 'invalid-algorithm'],
    [`otpauth://totp/x?secret=${S}&algorithm=`, 'invalid-algorithm'],
    [`otpauth://totp/x?secret=${S}&algorithm=SHA224`, 'invalid-algorithm'],
    [`otpauth://totp/x?secret=${S}&digits=5`, 'invalid-digits'],
    [`otpauth://totp/x?secret=${S}&digits=9`, 'invalid-digits'],
    [`otpauth://totp/x?secret=${S}&digits=10`, 'invalid-digits'],
    [`otpauth://totp/x?secret=${S}&digits=six`, 'invalid-digits'],
    [`otpauth://totp/x?secret=${S}&digits=6.0`, 'invalid-digits'],
    [`otpauth://totp/x?secret=${S}&digits=`, 'invalid-digits'],
    [`otpauth://totp/x?secret=${S}&period=0`, 'invalid-period'],
    [`otpauth://totp/x?secret=${S}&period=-30`, 'invalid-period'],
    [`otpauth://totp/x?secret=${S}&period=30.5`, 'invalid-period'],
    [`otpauth://totp/x?secret=${S}&period=abc`, 'invalid-period'],
    [`otpauth://totp/x?secret=${S}&period=5`, 'invalid-period'],
    [`otpauth://totp/x?secret=${S}&period=301`, 'invalid-period'],
    [`otpauth://totp/x?secret=${S}&period=1e2`, 'invalid-period'],
    ['WMN2 B6O5 4ADD PUH1', 'invalid-base32'],
    ['WMN2 B6O5 4ADD PUHJ K', 'invalid-base32'],
    ['WMN2B6O5', 'secret-too-short'],
    ['hello world!', 'unrecognized'],
    ['not a secret: at all', 'unrecognized'],
    ['<svg onload=alert(1)>', 'unrecognized'],
    ['\u0000\u0001', 'unrecognized'],
    [`otpauth://totp/x?secret=${'A'.repeat(5000)}`, 'unrecognized'],
  ];
  it.each(table)('%j -> %s', (input, code) => {
    const r = parseOtpInput(input);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe(code);
    expect(r.error.message.length).toBeGreaterThan(10);
  });
  it('points at base32 look-alikes', () => {
    const r = parseOtpInput('WMN2 B6O5 4ADD PUH0');
    expect(!r.ok && r.error.message).toContain('did you mean "O"');
  });
});

describe('formatOtpauthUri', () => {
  it('writes the standard, fully encoded form; a URL issuer only as the parameter', () => {
    expect(formatOtpauthUri(parsed(CLOUDMC))).toBe(
      'otpauth://totp/rwalker%40cloudops.com?secret=WMN2B6O54ADDPUHJ&issuer=https%3A%2F%2Fcharter.dev.cloudmc.io%2F&algorithm=SHA1&digits=6&period=30',
    );
    expect(formatOtpauthUri(parsed(CLOUDMC_2015))).toBe(
      'otpauth://totp/test.staging1.cloud.ca:fgaudreault?secret=MNMR4Z7KR6U4WC6T&issuer=test.staging1.cloud.ca&algorithm=SHA1&digits=6&period=30',
    );
  });
  it.each([
    CLOUDMC,
    CLOUDMC_2015,
    'otpauth://totp/ACME%20Co:john%2Bdoe%40email.com?secret=HXDMVJECJJWSRB3HWIZR4IFUGFTMXBOZ&issuer=ACME%20%26%20Sons%3F&algorithm=SHA512&digits=8&period=60',
    'otpauth://totp/%C3%89t%C3%A9:j%C3%BCrgen?secret=JBSWY3DPEHPK3PXP',
    'otpauth://totp/alice?secret=JBSWY3DPEHPK3PXP',
  ])('round-trips %s, and other parsers read it the same', (uri) => {
    const p = parsed(uri);
    const out = formatOtpauthUri(p);
    expect(parsed(out)).toEqual(p);
    const theirs = URI.parse(out);
    expect(theirs.secret.base32).toBe(p.secret);
    expect(theirs.issuer).toBe(p.issuer);
    expect(theirs.label).toBe(p.user);
    expect(theirs.algorithm).toBe(p.algorithm);
    expect(theirs.digits).toBe(p.digits);
  });
});
