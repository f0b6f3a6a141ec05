/**
 * Exports to move out: Aegis's plain vault JSON (docs/vault.md of Aegis: version 1, no slots,
 * db version 3 with totp entries) and what the printable page of QR codes shows.
 */
import { formatOtpauthUri } from '../otp';
import type { Account } from '../vault';

export function aegisExport(accounts: readonly Account[]): string {
  const entries = accounts.map((a) => ({
    type: 'totp',
    uuid: a.id,
    name: a.user,
    issuer: a.issuer,
    note: [a.label, a.origin ? `Portal: ${a.origin}` : ''].filter(Boolean).join('\n'),
    favorite: false,
    icon: null,
    info: { secret: a.secret, algo: a.algorithm, digits: a.digits, period: a.period },
    groups: [],
  }));
  return JSON.stringify({ version: 1, header: { slots: null, params: null }, db: { version: 3, entries, groups: [] } }, null, 4);
}

export function printable(accounts: readonly Account[]) {
  return accounts.map((a) => ({
    name: a.label || [a.issuer, a.user].filter(Boolean).join(' — '),
    uri: formatOtpauthUri(a),
    backupCodes: a.backupCodes.map((c) => ({ code: c.code, used: c.used })),
  }));
}
