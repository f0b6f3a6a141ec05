import { describe, expect, it } from 'vitest';
import { offsetFromDateHeader, parseHttpDate, shouldCorrect } from '@/lib/otp/clock';

const D = Date.UTC(1994, 10, 6, 8, 49, 37);

describe('parseHttpDate', () => {
  it('reads the three forms of RFC 9110', () => {
    expect(parseHttpDate('Sun, 06 Nov 1994 08:49:37 GMT')).toBe(D);
    expect(parseHttpDate('Sunday, 06-Nov-94 08:49:37 GMT')).toBe(D);
    expect(parseHttpDate('Sun Nov  6 08:49:37 1994')).toBe(D);
    expect(parseHttpDate('  Tue, 15 Nov 2033 23:59:59 GMT ')).toBe(Date.UTC(2033, 10, 15, 23, 59, 59));
  });
  it.each(['', '1', 'yesterday', '2024-01-01T00:00:00Z', 'Sun, 06 Nov 1994 08:49:37 PST', 'Mon, 31 Feb 2025 10:00:00 GMT', 'Sun, 06 Foo 1994 08:49:37 GMT', 'Sun, 06 Nov 1994 25:00:00 GMT'])(
    'refuses %j',
    (v) => {
      expect(parseHttpDate(v)).toBeNull();
    },
  );
});

describe('offsetFromDateHeader', () => {
  it('takes the midpoints of the request and of the header second', () => {
    const start = D - 30_000;
    // Server says D..D+999 while we were at start..start+200: offset ~ +30.4 s.
    expect(offsetFromDateHeader('Sun, 06 Nov 1994 08:49:37 GMT', start, start + 200)).toBe(30_400);
    expect(offsetFromDateHeader('Sun, 06 Nov 1994 08:49:37 GMT', D + 60_000, D + 60_000)).toBe(-59_500);
  });

  it('is within ±(500 ms + rtt/2) of the truth, whatever the sub-second phase', () => {
    let seed = 42;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < 2000; i++) {
      const trueOffset = Math.round((rand() - 0.5) * 600_000);
      const start = 1_700_000_000_000 + Math.round(rand() * 1e9);
      const rtt = Math.round(rand() * 3000);
      const serverReadAt = start + rand() * rtt; // the instant the server read its clock
      const header = new Date(Math.floor((serverReadAt + trueOffset) / 1000) * 1000).toUTCString();
      const estimate = offsetFromDateHeader(header, start, start + rtt);
      expect(estimate).not.toBeNull();
      expect(Math.abs(estimate! - trueOffset)).toBeLessThanOrEqual(500 + rtt / 2 + 1);
    }
  });

  it.each([
    ['garbage header', 'not a date', 0, 100],
    ['response before request', 'Sun, 06 Nov 1994 08:49:37 GMT', 1000, 999],
    ['round trip too slow to be useful', 'Sun, 06 Nov 1994 08:49:37 GMT', 0, 4001],
    ['NaN time', 'Sun, 06 Nov 1994 08:49:37 GMT', Number.NaN, 100],
  ] as const)('null for %s', (_, header, start, end) => {
    expect(offsetFromDateHeader(header, start, end)).toBeNull();
  });
});

describe('shouldCorrect', () => {
  it.each([
    [0, false],
    [1_500, false],
    [10_000, false],
    [-10_000, false],
    [10_001, true],
    [-10_001, true],
    [300_000, true],
    [-300_000, true],
    [300_001, false],
    [3_600_000, false], // beyond the ±5 minute cap (issue 10, item 5)
  ])('%i ms -> %s', (offset, expected) => {
    expect(shouldCorrect(offset)).toBe(expected);
  });
});
