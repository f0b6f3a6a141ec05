/** What extension pages are shown of an account: everything but its secret. */
import { stepEndsAt, totp } from '../otp';
import type { Account } from '../vault';
import type { AccountView, BackupCodeView } from '../messages/protocol';

export function accountView(a: Account, nowMs: number, offsetMs = 0): AccountView {
  const validUntil = stepEndsAt(a.period, nowMs, offsetMs);
  return {
    id: a.id,
    origin: a.origin,
    issuer: a.issuer,
    user: a.user,
    ...(a.label === undefined ? {} : { label: a.label }),
    state: a.state,
    digits: a.digits,
    period: a.period,
    code: totp(a, nowMs, offsetMs),
    nextCode: totp(a, validUntil, offsetMs),
    validUntil,
    backup: { total: a.backupCodes.length, remaining: a.backupCodes.filter((c) => !c.used).length },
  };
}

export function backupView(a: Account): BackupCodeView[] {
  return a.backupCodes.map(({ code, used }) => ({ code, used }));
}
