import { describe, expect, it } from 'vitest';
import { Secret } from 'otpauth';
import { hotp, secondsRemaining, stepEndsAt, totp } from '@/lib/otp/totp';
import type { Algorithm, Digits, OtpParams } from '@/lib/otp/params';

/** RFC 6238 Appendix A: the seed is "1234567890" repeated to the hash's output size. */
const seed = (bytes: number) => Secret.fromLatin1('1234567890'.repeat(7).slice(0, bytes)).base32;
const SEEDS: Record<Algorithm, string> = { SHA1: seed(20), SHA256: seed(32), SHA512: seed(64) };

describe('hotp: RFC 4226 Appendix D', () => {
  const codes = ['755224', '287082', '359152', '969429', '338314', '254676', '287922', '162583', '399871', '520489'];
  it.each(codes.map((c, i) => [i, c] as const))('counter %i -> %s', (counter, code) => {
    expect(hotp({ secret: SEEDS.SHA1, algorithm: 'SHA1', digits: 6 }, counter)).toBe(code);
  });
  it('uses the RFC seed', () => {
    expect(SEEDS.SHA1).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
  });
});

describe('totp: RFC 6238 Appendix B', () => {
  // time (s), SHA1, SHA256, SHA512 — 8 digits, 30 s step.
  const table: [number, string, string, string][] = [
    [59, '94287082', '46119246', '90693936'],
    [1111111109, '07081804', '68084774', '25091201'],
    [1111111111, '14050471', '67062674', '99943326'],
    [1234567890, '89005924', '91819424', '93441116'],
    [2000000000, '69279037', '90698825', '38618901'],
    [20000000000, '65353130', '77737706', '47863826'],
  ];
  const cases = table.flatMap(([t, ...codes]) =>
    (['SHA1', 'SHA256', 'SHA512'] as const).map((algorithm, i) => ({ t, algorithm, code: codes[i]! })),
  );
  const params = (algorithm: Algorithm, digits: Digits): OtpParams => ({ secret: SEEDS[algorithm], algorithm, digits, period: 30 });

  it.each(cases)('$algorithm at $t s: 8 digits $code', ({ t, algorithm, code }) => {
    expect(totp(params(algorithm, 8), t * 1000)).toBe(code);
  });
  // Truncation is `value mod 10^digits`, so the 6- and 7-digit codes are the 8-digit ones' tails.
  it.each(cases)('$algorithm at $t s: 7 and 6 digits', ({ t, algorithm, code }) => {
    expect(totp(params(algorithm, 7), t * 1000)).toBe(code.slice(1));
    expect(totp(params(algorithm, 6), t * 1000)).toBe(code.slice(2));
  });
  it('the seeds have the per-algorithm lengths (20/32/64 bytes)', () => {
    expect(Secret.fromBase32(SEEDS.SHA256).bytes.length).toBe(32);
    expect(Secret.fromBase32(SEEDS.SHA512).bytes.length).toBe(64);
  });
});

describe('totp with CloudMC parameters', () => {
  const cloudmc: OtpParams = { secret: 'WMN2B6O54ADDPUHJ', algorithm: 'SHA1', digits: 6, period: 30 };
  it('is the HOTP of floor(t / 30)', () => {
    const t = 1_700_000_000_000;
    expect(totp(cloudmc, t)).toBe(hotp(cloudmc, Math.floor(t / 30_000)));
    expect(totp(cloudmc, t)).toMatch(/^\d{6}$/);
  });
  it('applies the clock offset (server minus local)', () => {
    const t = 1_700_000_000_000;
    expect(totp(cloudmc, t, 45_000)).toBe(totp(cloudmc, t + 45_000));
    expect(totp(cloudmc, t, -45_000)).toBe(hotp(cloudmc, Math.floor((t - 45_000) / 30_000)));
  });
  it('honours the period', () => {
    const p60 = { ...cloudmc, period: 60 };
    expect(totp(p60, 119_999)).toBe(hotp(p60, 1));
    expect(totp(p60, 120_000)).toBe(hotp(p60, 2));
  });
});

describe('secondsRemaining / stepEndsAt', () => {
  it.each([
    [0, 30],
    [1, 30],
    [999, 30],
    [1000, 29],
    [15_500, 15],
    [29_000, 1],
    [29_999, 1],
    [30_000, 30],
  ])('at %i ms: %i s left', (t, left) => {
    expect(secondsRemaining(30, t)).toBe(left);
  });
  it('counts on the corrected clock', () => {
    expect(secondsRemaining(30, 0, 10_000)).toBe(20);
    expect(secondsRemaining(30, 0, -10_000)).toBe(10);
    expect(secondsRemaining(60, 1_700_000_000_000)).toBe(40);
  });
  it('gives the local time at which the code changes', () => {
    expect(stepEndsAt(30, 10_000)).toBe(30_000);
    expect(stepEndsAt(30, 30_000)).toBe(60_000);
    // Server 5 s ahead: its step ends at 30 s server time, i.e. 25 s local time.
    expect(stepEndsAt(30, 10_000, 5_000)).toBe(25_000);
  });
});
