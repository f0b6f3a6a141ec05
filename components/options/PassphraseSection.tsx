/** Change the vault passphrase (the current one is required). */
import { useRef, useState } from 'preact/hooks';
import { useApi } from '../api';
import { MIN_PASSPHRASE } from '../format';
import { PairFields, PassField, Section, Status, useErr, usePair } from './shared';

export function PassphraseSection() {
  const { ask, t } = useApi();
  const err = useErr();
  const [current, setCurrent] = useState('');
  const [currentErr, setCurrentErr] = useState('');
  const [msg, setMsg] = useState({ ok: '', error: '' });
  const [busy, setBusy] = useState(false);
  const pair = usePair();
  const currentRef = useRef<HTMLInputElement>(null);
  const [reencrypt, setReencrypt] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    setMsg({ ok: '', error: '' });
    setCurrentErr('');
    if (!current) {
      setCurrentErr(t('passRequired'));
      return currentRef.current?.focus();
    }
    if (!pair.check()) return;
    setBusy(true);
    const r = await ask({ type: 'vault.changePassphrase', current, next: pair.next, reencrypt });
    setBusy(false);
    if (r.ok) {
      setCurrent('');
      pair.reset();
      setMsg({ ok: t('passChanged'), error: '' });
    } else if (r.error.code === 'wrong-passphrase') {
      setCurrentErr(err(r.error));
      currentRef.current?.focus();
    } else setMsg({ ok: '', error: err(r.error) });
  };

  return (
    <Section id="sec-pass" title={t('secPassphrase')} intro={t('changeIntro')}>
      <form class="form" onSubmit={submit} noValidate>
        <PassField
          id="current-passphrase"
          label={t('currentPassphrase')}
          value={current}
          error={currentErr}
          autocomplete="current-password"
          inputRef={currentRef}
          onInput={setCurrent}
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

