/**
 * The first-screen index travels in the toolbar popup's own URL: the background sets it with
 * `action.setPopup` (lib/background/popup-url-index.ts) and the popup reads it from `location`
 * at its first script, synchronously, so its first render already holds the rows and their
 * codes. An extension page has no synchronous storage (storage.* and messages are one IPC
 * each, 15-30 ms on a loaded 2-core machine, as long as the popup's whole render); the URL of
 * the page being opened is the one thing it holds without asking.
 *
 * Compact, because a longer URL costs the navigation itself (measured here: a 2.5 KB fragment
 * makes an extension page's first script ~1.3x later, 1.5 KB ~1.1x; URI-encoded JSON of eight
 * rows was 6 KB). In the fragment (never sent anywhere, apart from the `?unlock` / `?backup`
 * routes and the `#print=` view):
 *
 *   #first=1;<more: 0|1>;<row>;<row>...
 *   row = id,origin,issuer,user,label,state,digits,period,backupTotal,backupRemaining,from,codes
 *
 * Text fields are URI-encoded (so `,` `;` `#` `%` never appear raw; `:` `/` `@`, legal in a
 * fragment, are left as they are); origin is empty for an unbound account; label is empty
 * when there is none, else `=` and the label; `from` (ms, base 36) and `codes` (the digits of
 * each code, end to end) are empty when the row has no upcoming codes.
 */
import { parseFirstScreenIndex, type FirstScreenIndex, type FirstScreenRow } from './account-views';

const PREFIX = 'first=1;';

const enc = (s: string) => encodeURIComponent(s).replace(/%3A/g, ':').replace(/%2F/g, '/').replace(/%40/g, '@');

function rowText(r: FirstScreenRow): string {
  const u = r.upcoming;
  return [
    enc(r.id),
    enc(r.origin ?? ''),
    enc(r.issuer),
    enc(r.user),
    r.label === undefined ? '' : '=' + enc(r.label),
    enc(r.state),
    r.digits,
    r.period,
    r.backup.total,
    r.backup.remaining,
    u ? u.from.toString(36) : '',
    u ? u.codes.join('') : '',
  ].join(',');
}

/** `page` (the manifest's popup, e.g. "popup.html") carrying `index`; `page` alone without one. */
export function popupUrlWith(page: string, index: FirstScreenIndex | undefined): string {
  const bare = page.split('#')[0]!;
  return index ? `${bare}#${PREFIX}${index.more ? 1 : 0}${index.rows.map((r) => ';' + rowText(r)).join('')}` : bare;
}

const int = (s: string) => (/^\d+$/.test(s) ? Number(s) : NaN);

function parseRow(text: string): FirstScreenRow {
  const f = text.split(',');
  if (f.length !== 12) throw new Error('row');
  const [id, origin, issuer, user, label, state, digits, period, total, remaining, from, codes] = f.map(decodeURIComponent) as [string, ...string[]];
  const row: FirstScreenRow = {
    id,
    origin: origin || null,
    issuer: issuer!,
    user: user!,
    ...(label ? { label: label.slice(1) } : {}),
    state: state as FirstScreenRow['state'],
    digits: int(digits!),
    period: int(period!),
    backup: { total: int(total!), remaining: int(remaining!) },
  };
  if (from) {
    const n = row.digits;
    if (!/^[\da-z]+$/.test(from) || !(n > 0) || codes!.length % n !== 0 || !/^\d+$/.test(codes!)) throw new Error('codes');
    row.upcoming = { from: parseInt(from, 36), codes: Array.from({ length: codes!.length / n }, (_, i) => codes!.slice(i * n, (i + 1) * n)) };
  }
  return row;
}

/** The index a popup URL carries (absolute or relative), checked for shape; undefined when none or malformed. */
export function indexInPopupUrl(url: string): FirstScreenIndex | undefined {
  const hash = url.indexOf('#');
  if (hash < 0 || !url.startsWith(PREFIX, hash + 1)) return undefined;
  const [more, ...rows] = url.slice(hash + 1 + PREFIX.length).split(';');
  if (more !== '0' && more !== '1') return undefined;
  try {
    const index = { rows: rows.map(parseRow), more: more === '1' };
    // Same checks as any stored index; numbers that did not parse are NaN and fail them.
    return parseFirstScreenIndex(index) && index.rows.every((r) => [r.digits, r.period, r.backup.total, r.backup.remaining].every(Number.isFinite)) ? index : undefined;
  } catch {
    return undefined;
  }
}
