/**
 * Clock offset from an HTTP `Date` header: TOTP only works if our clock agrees with the
 * server's, and a portal's own Date header is the best reference we have without NTP.
 *
 * Offset convention everywhere: offsetMs = server clock - local clock, so the server's time is
 * `Date.now() + offsetMs`, which is what totp(params, Date.now(), offsetMs) uses.
 */

/** Beyond this round trip the estimate is too loose (±(0.5 s + rtt/2)) to act on. */
export const MAX_ROUND_TRIP_MS = 4000;

/** Codes stay valid within a 30 s step and servers usually allow one step either side. */
export const CORRECTION_THRESHOLD_MS = 10_000;

/**
 * Estimates the offset from a Date header received for a request sent at `requestStartMs`
 * and fully received at `responseEndMs` (both local epoch ms).
 *
 * The header has one-second resolution and is truncated, so the server's clock read
 * somewhere in [D, D + 1000) at some instant in [start, end]. We take the midpoints of both:
 * offset = D + 500 - (start + end) / 2. The error is at most ±(500 + (end - start) / 2) ms,
 * which is why callers must only act on offsets well above a second (see shouldCorrect).
 *
 * Returns null for an unparseable header, impossible timings, or a round trip over
 * MAX_ROUND_TRIP_MS.
 */
export function offsetFromDateHeader(dateHeader: string, requestStartMs: number, responseEndMs: number): number | null {
  const serverMs = parseHttpDate(dateHeader);
  if (serverMs === null) return null;
  if (!Number.isFinite(requestStartMs) || !Number.isFinite(responseEndMs)) return null;
  const rtt = responseEndMs - requestStartMs;
  if (rtt < 0 || rtt > MAX_ROUND_TRIP_MS) return null;
  return Math.round(serverMs + 500 - (requestStartMs + rtt / 2));
}

/**
 * The most we correct. A portal (or whoever answers for it) could otherwise shift our codes
 * by hours, e.g. to have us hand out tomorrow's codes today. Beyond it the codes stay on the
 * local clock and the options page warns.
 */
export const MAX_CORRECTION_MS = 5 * 60_000;

/** True when the offset is large enough to matter for codes, larger than its own error, and within the cap. */
export function shouldCorrect(offsetMs: number): boolean {
  return Math.abs(offsetMs) > CORRECTION_THRESHOLD_MS && !beyondCorrection(offsetMs);
}

/** An offset too large to apply: the user is warned, codes follow the local clock. */
export function beyondCorrection(offsetMs: number): boolean {
  return Math.abs(offsetMs) > MAX_CORRECTION_MS;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * The three HTTP-date forms RFC 9110 §5.6.7 says recipients must accept. Parsed by hand, since
 * Date.parse accepts almost anything ("1" is the year 2001) and differs between engines.
 */
export function parseHttpDate(value: string): number | null {
  const v = value.trim();
  // IMF-fixdate: Sun, 06 Nov 1994 08:49:37 GMT
  let m = /^[A-Za-z]{3}, (\d{2}) ([A-Za-z]{3}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT$/.exec(v);
  if (m) return utc(m[3]!, m[2]!, m[1]!, m[4]!, m[5]!, m[6]!);
  // RFC 850: Sunday, 06-Nov-94 08:49:37 GMT (two-digit years: RFC 9110 says interpret
  // a year more than 50 years ahead as the past century; 00-99 -> 2000-2099 until 2049).
  m = /^[A-Za-z]{6,9}, (\d{2})-([A-Za-z]{3})-(\d{2}) (\d{2}):(\d{2}):(\d{2}) GMT$/.exec(v);
  if (m) {
    const yy = Number(m[3]);
    const year = 2000 + yy > new Date().getUTCFullYear() + 50 ? 1900 + yy : 2000 + yy;
    return utc(String(year), m[2]!, m[1]!, m[4]!, m[5]!, m[6]!);
  }
  // asctime: Sun Nov  6 08:49:37 1994
  m = /^[A-Za-z]{3} ([A-Za-z]{3}) ([ \d]\d) (\d{2}):(\d{2}):(\d{2}) (\d{4})$/.exec(v);
  if (m) return utc(m[6]!, m[1]!, m[2]!.trim(), m[3]!, m[4]!, m[5]!);
  return null;
}

function utc(year: string, month: string, day: string, h: string, min: string, s: string): number | null {
  const mon = MONTHS.indexOf(month.toLowerCase());
  const [y, d, hh, mm, ss] = [year, day, h, min, s].map(Number) as [number, number, number, number, number];
  if (mon < 0 || d < 1 || d > 31 || hh > 23 || mm > 59 || ss > 60) return null;
  const t = Date.UTC(y, mon, d, hh, mm, Math.min(ss, 59));
  // Date.UTC rolls 31 Feb over into March: a date that does not exist is not a date.
  return new Date(t).getUTCDate() === d ? t : null;
}
