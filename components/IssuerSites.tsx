/**
 * Accounts whose issuer URL names another site than the one they were enrolled on (CloudMC's
 * login on its own domain): codes are filled there only once the user allows it here
 * (issue 10, item 9), since the page that enrolled the account chose that issuer.
 */
import type { AccountView } from '@/lib/messages/protocol';
import { useApi } from './api';

export function IssuerSites(props: { accounts: AccountView[]; whoAt(a: AccountView): string; onAllow(a: AccountView): void }) {
  const { t } = useApi();
  const asking = props.accounts.filter((a) => a.state === 'active' && a.issuerSite && !a.issuerSite.allowed);
  if (asking.length === 0) return null;
  return (
    <ul class="notice" data-testid="issuer-sites">
      {asking.map((a) => (
        <li key={a.id} data-testid="issuer-site" data-id={a.id}>
          <p>{t('issuerSiteAsk', [props.whoAt(a), a.issuerSite!.origin])}</p>
          <button class="btn small" type="button" data-testid="allow-issuer-site" onClick={() => props.onAllow(a)}>
            {t('issuerSiteAllow')}
          </button>
        </li>
      ))}
    </ul>
  );
}
