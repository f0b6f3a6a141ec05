/** Pages' account requests: add, rename, bind to a portal, delete, fill, allow, restore. */
import { parseOtpInput } from '../otp';
import { createAccount } from '../vault';
import { originFromIssuer } from '../cloudmc/issuer';
import { ReplyError, type UiHandlers } from '../messages/router';
import { issuerSiteOf } from './build-views';
import type { UiContext } from './ui-context';
import { unwrap } from './unwrap';

/** The http(s) origin of a portal address the user typed (`portal.example.com` means https). */
function portalOrigin(address: string): string {
  const v = String(address).trim();
  try {
    const url = new URL(/^[a-z][a-z\d+.-]*:\/\//i.test(v) ? v : `https://${v}`);
    if ((url.protocol === 'https:' || url.protocol === 'http:') && url.hostname) return url.origin;
  } catch {
    // reported below
  }
  throw new ReplyError('bad-origin', 'The portal address must be a web address such as https://portal.example.com.');
}

export function accountHandlers({ deps, view, active }: UiContext) {
  return {
    'accounts.add': ({ input, issuer, user, origin }) =>
      active(async (v) => {
        const parsed = unwrap(parseOtpInput(input));
        const params = {
          ...parsed,
          issuer: parsed.issuer || issuer?.trim() || '',
          user: parsed.user || user?.trim() || '',
        };
        // No portal given or derivable: stored unbound (codes in the popup, never filled in).
        const boundTo = origin?.trim() ? portalOrigin(origin) : originFromIssuer(params.issuer);
        const account = unwrap(createAccount({ params, origin: boundTo, state: 'active' }));
        const existing = unwrap(await v.accounts.list()).accounts;
        if (existing.some((e) => e.secret === account.secret && e.origin === account.origin)) {
          throw new ReplyError('duplicate', 'This account is already in the vault.');
        }
        return { account: view(unwrap(await v.accounts.put(account))) };
      }),
    'accounts.rename': ({ id, label }) =>
      active(async (v) => {
        const trimmed = label.trim();
        const next = unwrap(
          await v.accounts.update(id, ({ label: _old, ...rest }) => (trimmed ? { ...rest, label: trimmed } : rest)),
        );
        return { account: view(next) };
      }),
    'accounts.bind': ({ id, origin }) =>
      active(async (v) => {
        const boundTo = portalOrigin(origin);
        return { account: view(unwrap(await v.accounts.update(id, (a) => ({ ...a, origin: boundTo })))) };
      }),
    'accounts.delete': ({ id }) =>
      active(async (v) => {
        unwrap(await v.accounts.delete(id));
        return {};
      }),

    'accounts.fillActiveTab': ({ id }) => active(async () => ({ filled: await deps.fillActiveTab(id) })),
    'accounts.allowIssuerSite': ({ id }) =>
      active(async (v) => {
        const next = unwrap(
          await v.accounts.update(id, (a) => {
            const site = issuerSiteOf(a);
            if (!site) throw new ReplyError('no-issuer-site', 'This account names no other site.');
            return { ...a, issuerOriginConfirmed: site.origin };
          }),
        );
        return { account: view(next) };
      }),
    'accounts.restore': ({ id }) =>
      active(async (v) => {
        const next = unwrap(
          await v.accounts.update(id, (a) => {
            if (a.state !== 'replaced') throw new ReplyError('not-replaced', 'This account is not a replaced one.');
            return { ...a, state: 'active' };
          }),
        );
        return { account: view(next) };
      }),
  } satisfies Partial<UiHandlers>;
}
