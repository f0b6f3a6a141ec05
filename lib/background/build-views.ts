/** What extension pages are shown of an account: everything but its secret. */
import { stepEndsAt, totp } from '../otp';
import type { Account } from '../vault';
import type { AccountLabel, AccountView, BackupCodeView } from '../messages/protocol';
import { issuerUrlOrigin } from '../cloudmc/issuer';
import { sameSite } from '../cloudmc/same-site';

/** The other site a URL issuer names, if any (see AccountView.issuerSite). */
export function issuerSiteOf(a: Account): AccountView['issuerSite'] {
  const origin = issuerUrlOrigin(a.issuer);
  if (!origin || a.origin === null || origin === a.origin || sameSite(a.origin, origin)) return undefined;
  return { origin, allowed: a.issuerOriginConfirmed === origin };
}

/** An account without its secret and without codes: what the popup may paint before asking. */
export const labelOf = (a: Account): AccountLabel => ({
  id: a.id,
  origin: a.origin,
  issuer: a.issuer,
  user: a.user,
  ...(a.label === undefined ? {} : { label: a.label }),
  state: a.state,
  digits: a.digits,
  period: a.period,
  backup: { total: a.backupCodes.length, remaining: a.backupCodes.filter((c) => !c.used).length },
});

export function accountView(a: Account, nowMs: number, offsetMs = 0): AccountView {
  const validUntil = stepEndsAt(a.period, nowMs, offsetMs);
  return {
    ...labelOf(a),
    code: totp(a, nowMs, offsetMs),
    nextCode: totp(a, validUntil, offsetMs),
    validUntil,
    ...(issuerSiteOf(a) ? { issuerSite: issuerSiteOf(a) } : {}),
  };
}

export function backupView(a: Account): BackupCodeView[] {
  return a.backupCodes.map(({ code, used }) => ({ code, used }));
}
