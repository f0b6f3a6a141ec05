/**
 * The first screen's codes for a bounded horizon, kept in its index (in the popup's URL, see
 * popup-url-index.ts) so that the popup shows codes in its first render, asleep worker or not.
 *
 * Why this is allowed: the popup shows these codes anyway; the popup's URL, like
 * storage.session, is browser memory only (reset by a restart) that only our own extension
 * contexts read, and storage.session already holds the vault's data key (lib/vault/session.ts),
 * which is worth far more than ten minutes of eight codes. Never a secret, a backup code or the
 * key here; nothing past the horizon is ever shown from it; lock removes it.
 */
import { stepEndsAt, totp } from '../otp';
import type { Account } from '../vault';
import type { FirstScreenIndex, UpcomingCodes } from '../messages/protocol';

/** How far ahead the codes go. */
export const HORIZON_MS = 10 * 60_000;
/** Rewritten only once less than this is left: at most one write per ~5 minutes of use. */
export const LOW_MS = 5 * 60_000;

/** Local epoch ms at which the step current at `now` began. */
const stepStart = (a: Pick<Account, 'period'>, now: number, offsetMs: number) => stepEndsAt(a.period, now, offsetMs) - a.period * 1000;

/** The codes from the current step to `horizonMs` ahead, plus one (the last is only ever a next code). */
export function upcomingOf(a: Account, now: number, offsetMs: number, horizonMs = HORIZON_MS): UpcomingCodes {
  const ms = a.period * 1000;
  const from = stepStart(a, now, offsetMs);
  const steps = Math.ceil(horizonMs / ms) + 2;
  return { from, codes: Array.from({ length: steps }, (_, i) => totp(a, from + i * ms, offsetMs)) };
}

/** Ms of the horizon left at `now` (the last code is a next code only). */
export const leftOf = (u: UpcomingCodes, period: number, now: number): number => u.from + (u.codes.length - 1) * period * 1000 - now;

const sameLabel = (a: object, b: object) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Is the stored entry still right for these rows (same labels, order and offset grid) with
 * more than LOW_MS of codes left? Then there is nothing to write.
 */
export function stillGood(
  stored: FirstScreenIndex | undefined,
  labels: FirstScreenIndex,
  rows: readonly Account[],
  now: number,
  offset: (origin: string | null) => number,
): boolean {
  if (!stored || stored.more !== labels.more || stored.rows.length !== labels.rows.length) return false;
  return stored.rows.every((r, i) => {
    const { upcoming, ...label } = r;
    const a = rows[i]!;
    if (!upcoming || !sameLabel(label, labels.rows[i]!)) return false;
    // A step boundary on the grid the current offset gives (a new offset means new codes).
    const start = stepStart(a, now, offset(a.origin));
    return start >= upcoming.from && (start - upcoming.from) % (a.period * 1000) === 0 && leftOf(upcoming, a.period, now) > LOW_MS;
  });
}
