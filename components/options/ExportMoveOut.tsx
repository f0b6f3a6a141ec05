/**
 * Exports to move out: Aegis plain JSON (back to a phone) and a printable page of QR codes (one
 * per account, with its backup codes). Both hold every secret in clear, so both ask for the
 * vault passphrase again; the background checks it (`passphrase` in the request).
 */
import { useRef, useState } from 'preact/hooks';
import type { AnswerOf, UiProtocol } from '@/lib/messages/protocol';
import { useApi } from '../api';
import { dateStamp } from '../format';
import { PassField, Status, useErr } from './shared';
import { PrintSheet } from './PrintSheet';

type Printable = AnswerOf<UiProtocol, 'export.printable'>['accounts'];

export function ExportMoveOut() {
  const api = useApi();
  const { ask, t } = api;
  const err = useErr();
  const [pass, setPass] = useState('');
  const [passErr, setPassErr] = useState('');
  const [msg, setMsg] = useState({ ok: '', error: '' });
  const [busy, setBusy] = useState(false);
  const [sheet, setSheet] = useState<Printable | null>(null);
  const passRef = useRef<HTMLInputElement>(null);

  const run = async (kind: 'aegis' | 'print') => {
    setMsg({ ok: '', error: '' });
    setPassErr('');
    if (!pass) {
      setPassErr(t('passRequired'));
      return passRef.current?.focus();
    }
    setBusy(true);
    const r = kind === 'aegis' ? await ask({ type: 'export.aegis', passphrase: pass }) : await ask({ type: 'export.printable', passphrase: pass });
    setBusy(false);
    if (!r.ok) {
      if (r.error.code === 'wrong-passphrase') {
        setPassErr(err(r.error));
        return passRef.current?.focus();
      }
      return setMsg({ ok: '', error: err(r.error) });
    }
    setPass('');
    if ('file' in r.value) {
      const name = `cloudmc-authenticator-aegis-${dateStamp(new Date(api.now()))}.json`;
      api.download(name, r.value.file, 'application/json');
      setMsg({ ok: t('exported', name), error: '' });
    } else setSheet(r.value.accounts);
  };

  return (
    <>
      <h3>{t('moveOutHeading')}</h3>
      <p class="muted small">{t('moveOutIntro')}</p>
      <form class="form" noValidate onSubmit={(e) => (e.preventDefault(), void run('aegis'))}>
        <PassField
          id="export-reauth"
          label={t('vaultPassphraseAgain')}
          value={pass}
          error={passErr}
          autocomplete="current-password"
          inputRef={passRef}
          onInput={setPass}
        />
        <div class="actions start">
          <button class="btn" type="submit" data-testid="export-aegis" disabled={busy}>
            {t('exportAegis')}
          </button>
          <button class="btn" type="button" data-testid="export-print" disabled={busy} onClick={() => void run('print')}>
            {t('exportPrint')}
          </button>
        </div>
      </form>
      <Status ok={msg.ok} error={msg.error} testid="moveout-status" />
      {sheet && <PrintSheet accounts={sheet} onClose={() => setSheet(null)} />}
    </>
  );
}
