/** Pure helpers for the UI (no DOM, no browser): unit-tested in test/unit/components-format.test.ts. */
import { originFromIssuer } from '@/lib/cloudmc/issuer';
import type { AccountView } from '@/lib/messages/protocol';

/** `123456` -> `123 456`, `12345678` -> `1234 5678`, 7 digits -> `123 4567`. */
export function groupCode(code: string): string {
  if (!/^\d+$/.test(code) || code.length < 6) return code;
  const half = Math.floor(code.length / 2);
  return code.slice(0, half) + ' ' + code.slice(half);
}

const hosts = new Map<string, string>();

/** The host (with port) of an origin, or the origin itself when it is not a URL (memoised: rows ask every second). */
export function hostOf(origin: string): string {
  let host = hosts.get(origin);
  if (host === undefined) {
    try {
      host = new URL(origin).host || origin;
    } catch {
      host = origin;
    }
    hosts.set(origin, host);
  }
  return host;
}

/** Where an account is used: its portal's host, or its issuer while it is bound to no portal. */
export const siteOf = (a: Pick<AccountView, 'origin' | 'issuer'>): string => (a.origin === null ? a.issuer : hostOf(a.origin));

/** The name a row shows: the user's label, else the portal's host. */
export const displayName = (a: AccountView): string => a.label || siteOf(a);

/** An account in a sentence: "rwalker@portal.example", or "r@x.com (portal.example)". */
export const whoAt = (a: AccountView): string => (a.user.includes('@') ? `${a.user} (${siteOf(a)})` : `${a.user}@${siteOf(a)}`);

/** Lower-cased text a search matches against: host, issuer, user and label. */
export const searchText = (a: AccountView): string => [siteOf(a), a.issuer, a.user, a.label ?? ''].join('\n').toLowerCase();

export interface Face {
  /** The code to show now; '' when the one we hold is stale too. */
  code: string;
  /** Whole seconds left for that code (>= 0). */
  left: number;
  /** True once `validUntil` passed: the list must be asked again. */
  stale: boolean;
}

/**
 * What a row shows at `now`: the current code, or `nextCode` right after rollover (while the
 * popup asks the background for fresh ones), or nothing when even `nextCode` expired.
 */
export function faceAt(a: Pick<AccountView, 'code' | 'nextCode' | 'validUntil' | 'period'>, now: number): Face {
  const ms = a.validUntil - now;
  if (ms > 0) return { code: a.code, left: Math.ceil(ms / 1000), stale: false };
  const nextMs = ms + a.period * 1000;
  if (nextMs > 0) return { code: a.nextCode, left: Math.ceil(nextMs / 1000), stale: true };
  return { code: '', left: 0, stale: true };
}

/** Local calendar date as YYYY-MM-DD (file names, printouts). */
export function dateStamp(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** Is this input a bare secret (not an otpauth URI)? */
export const isBareSecret = (input: string): boolean => {
  const v = input.trim();
  return v !== '' && !/^otpauth:/i.test(v);
};

/** `portal.example.com` -> `https://portal.example.com`; a full URL keeps its scheme; '' stays ''. */
export function normalizeOrigin(input: string): string {
  const v = input.trim();
  if (!v) return '';
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(v) ? v : 'https://' + v;
  try {
    const u = new URL(withScheme);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : v;
  } catch {
    return v;
  }
}

export { MIN_PASSPHRASE } from '../lib/messages/protocol';

/** The text a copy-all or a .txt download holds. */
export function backupText(
  lines: { title: string; portal: string; user: string; date: string; usedMark: string; note: string },
  codes: Array<{ code: string; used: boolean }>,
): string {
  return [
    lines.title,
    lines.portal,
    lines.user,
    lines.date,
    '',
    ...codes.map((c) => (c.used ? `${c.code}  ${lines.usedMark}` : c.code)),
    '',
    lines.note,
    '',
  ].join('\n');
}

/**
 * The portal an otpauth URI names (its issuer parameter, else the label's issuer prefix) as an
 * origin, or null when it names none (e.g. issuer "Heldout Bank"): then the add form asks for
 * the portal address, as an optional field.
 */
export function portalOfUri(input: string): string | null {
  const v = input.trim();
  if (!/^otpauth:/i.test(v)) return null;
  try {
    const url = new URL(v);
    const label = decodeURIComponent(url.pathname.replace(/^\/+/, ''));
    const at = label.lastIndexOf(':');
    const issuer = url.searchParams.get('issuer') || (at > 0 ? label.slice(0, at) : '');
    return originFromIssuer(issuer);
  } catch {
    return null;
  }
}
