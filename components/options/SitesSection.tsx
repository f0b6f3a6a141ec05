/** CloudMC sites: the built-in domains and the ones granted at run time. */
import { useEffect, useState } from 'preact/hooks';
import { useApi } from '../api';
import { Section, Status, useErr } from './shared';

export function SitesSection() {
  const api = useApi();
  const { ask, t } = api;
  const err = useErr();
  const [sites, setSites] = useState<{ builtIn: string[]; granted: string[] } | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    void ask({ type: 'sites.list' }).then((r) => (r.ok ? setSites(r.value) : setError(err(r.error))));
  }, []);

  const remove = async (pattern: string) => {
    const r = await api.removeSite(pattern);
    if (r.ok) setSites((s) => s && { ...s, granted: r.value.granted });
    else setError(err(r.error));
  };

  return (
    <Section id="sec-sites" title={t('secSites')} intro={t('sitesIntro')}>
      {sites && (
        <ul class="sites" data-testid="sites">
          {sites.builtIn.map((p) => (
            <li key={p}>
              <code>{p}</code>
              <span class="tag">{t('builtIn')}</span>
            </li>
          ))}
          {sites.granted.map((p) => (
            <li key={p} data-testid="granted-site">
              <code>{p}</code>
              <button class="btn small" type="button" aria-label={t('removeSite', p)} onClick={() => remove(p)}>
                {t('remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {sites && sites.granted.length === 0 && <p class="hint">{t('sitesNoneGranted')}</p>}
      <Status error={error} />
    </Section>
  );
}

