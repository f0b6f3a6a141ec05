/**
 * Exports: our encrypted file under its own passphrase, the plaintext otpauth list behind a
 * warning, and the move-out formats. Every one needs the vault passphrase typed again (issue 10,
 * item 8), as password managers do: an unlocked vault left open is not enough to carry every
 * secret away. One field at the top serves them all; the background checks it.
 */
import { useState } from 'preact/hooks';
import { useApi } from '../api';
import { ConfirmDialog } from '../Dialog';
import { dateStamp } from '../format';
import { Icon } from '../Icon';
import { PairFields, PassField, Section, Status, useErr, usePair, useReauth } from './shared';
import { ExportMoveOut } from './ExportMoveOut';

export function ExportSection() {
  const api = useApi();
  const { ask, t } = api;
  const err = useErr();
  const pair = usePair();
  const [busy, setBusy] = useState(false);
  const [msg, setMsg] = useState({ ok: '', error: '' });
  const [warn, setWarn] = useState(false);
  const reauth = useReauth();
  const vaultPassphrase = reauth.value;
  const stamp = () => dateStamp(new Date(api.now()));

  const encrypted = async (e: Event) => {
    e.preventDefault();
    setMsg({ ok: '', error: '' });
    if (!pair.check() || !reauth.present()) return;
    setBusy(true);
    const r = await ask({ type: 'export.encrypted', vaultPassphrase, passphrase: pair.next });
    setBusy(false);
    if (!r.ok) return reauth.refused(r.error) || setMsg({ ok: '', error: err(r.error) });
    reauth.used();
    const name = `cloudmc-authenticator-backup-${stamp()}.json`;
    api.download(name, r.value.file, 'application/json');
    pair.reset();
    setMsg({ ok: t('exported', name), error: '' });
  };

  return (
    <Section id="sec-export" title={t('secExport')} intro={t('exportIntro')}>
      <div class="form">
        <PassField
          id="export-vault-passphrase"
          label={t('exportVaultPassphrase')}
          autocomplete="current-password"
          {...reauth.field}
        />
      </div>
      <form class="form" onSubmit={encrypted} noValidate>
        <PairFields pair={pair} ids={['export-passphrase', 'export-confirm']} label={t('exportPassphrase')} hint={t('exportPassHint')} />
        <button class="btn primary" type="submit" data-testid="export-encrypted" disabled={busy}>
          {busy && <span class="spinner" aria-hidden="true" />}
          <Icon name="download" size={16} />
          {t('exportEncrypted')}
        </button>
      </form>
      <h3>{t('plainHeading')}</h3>
      <p class="muted small">{t('plainIntro')}</p>
      <button class="btn" type="button" data-testid="export-plain" onClick={() => setWarn(true)}>
        {t('exportPlain')}
      </button>
      <Status ok={msg.ok} error={msg.error} testid="export-status" />
      <ExportMoveOut reauth={reauth} />
      {warn && (
        <ConfirmDialog
          testid="plain-warning"
          title={t('plainTitle')}
          confirmLabel={t('plainConfirm')}
          danger
          onCancel={() => setWarn(false)}
          onConfirm={async () => {
            const r = await ask({ type: 'export.plain', vaultPassphrase });
            if (!r.ok) return err(r.error);
            reauth.used();
            const name = `cloudmc-authenticator-otpauth-${stamp()}.txt`;
            api.download(name, r.value.text, 'text/plain');
            setWarn(false);
            setMsg({ ok: t('exported', name), error: '' });
            return '';
          }}
        >
          <p>
            <strong>{t('plainWarning')}</strong>
          </p>
          <p>{t('plainWarningMore')}</p>
        </ConfirmDialog>
      )}
    </Section>
  );
}


