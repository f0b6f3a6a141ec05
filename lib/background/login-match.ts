/** Which accounts a login page may be given: by the page's origin, then by the user typed. */
import type { Account } from '../vault';
import { issuerUrlOrigin } from '../cloudmc/issuer';
import { sameSite } from '../cloudmc/same-site';

/** Whether `account`'s code may go to a page of `origin`. */
export function belongsTo(account: Account, origin: string): boolean {
  // Pending (not confirmed), replaced and disabled accounts never fill; nor does an unbound one.
  if (account.state !== 'active' || account.origin === null) return false;
  if (account.origin === origin) return true;
  // The issuer's URL (CloudMC's login host) counts only on the same site as the enrollment
  // origin: a page could otherwise enroll an account naming another portal and have it offered
  // there. Another site's counts once the user confirmed it in the popup.
  const issuerOrigin = issuerUrlOrigin(account.issuer);
  return issuerOrigin === origin && (sameSite(account.origin, origin) || account.issuerOriginConfirmed === origin);
}

/** "rwalker", "RWalker@cloudops.com" and "rwalker@cloudops.com" are one user. */
export function sameUser(typed: string, account: Account): boolean {
  const norm = (s: string) => s.trim().toLowerCase();
  const local = (s: string) => norm(s).split('@')[0];
  return norm(typed) === norm(account.user) || (!typed.includes('@') && local(account.user) === norm(typed));
}
