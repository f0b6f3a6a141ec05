/** Change the vault passphrase (the current one is required). */
import { useState } from 'preact/hooks';
import { useApi } from '../api';
import { MIN_PASSPHRASE } from '../format';
import { PairFields, PassField, Section, Status, useErr, usePair, useReauth } from './shared';

export function PassphraseSection() {
  const { ask, t } = useApi();
  const err = useErr();
  const current = useReauth();
  const [msg, setMsg] = useState({ ok: '', error: '' });
  const [busy, setBusy] = useState(false);
  const pair = usePair();
  const [reencrypt, setReencrypt] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    setMsg({ ok: '', error: '' });
    if (!current.present() || !pair.check()) return;
    setBusy(true);
    const r = await ask({ type: 'vault.changePassphrase', current: current.value, next: pair.next, reencrypt });
    setBusy(false);
    if (r.ok) {
      current.used();
      pair.reset();
      setMsg({ ok: t('passChanged'), error: '' });
    } else if (!current.refused(r.error)) setMsg({ ok: '', error: err(r.error) });
  };

  return (
    <Section id="sec-pass" title={t('secPassphrase')} intro={t('changeIntro')}>
      <form class="form" onSubmit={submit} noValidate>
        <PassField
          id="current-passphrase"
          label={t('currentPassphrase')}
          autocomplete="current-password"
          {...current.field}
        />
        <PairFields
          pair={pair}
          ids={['change-new-passphrase', 'change-confirm-passphrase']}
          label={t('newPassphrase')}
          hint={t('passMinHint', MIN_PASSPHRASE)}
        />
        <label class="check">
          <input type="checkbox" data-testid="reencrypt" checked={reencrypt} onChange={(e) => setReencrypt(e.currentTarget.checked)} />
          {t('reencryptAll')}
        </label>
        <button class="btn primary" type="submit" data-testid="change-passphrase" disabled={busy}>
          {busy && <span class="spinner" aria-hidden="true" />}
          {t('changePassphrase')}
        </button>
        <Status ok={msg.ok} error={msg.error} testid="change-status" />
      </form>
    </Section>
  );
}

