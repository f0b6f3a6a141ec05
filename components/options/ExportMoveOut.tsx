/**
 * Exports to move out: Aegis plain JSON (back to a phone) and a printable page of QR codes (one
 * per account, with its backup codes). Both hold every secret in clear, so both need the vault
 * passphrase typed again in the export section's field (`vaultPassphrase` in the request).
 */
import { useState } from 'preact/hooks';
import type { AnswerOf, UiProtocol } from '@/lib/messages/protocol';
import { useApi } from '../api';
import { dateStamp } from '../format';
import { Status, useErr } from './shared';
import type { Reauth } from './shared';
import { PrintSheet } from './PrintSheet';

type Printable = AnswerOf<UiProtocol, 'export.printable'>['accounts'];

export function ExportMoveOut({ reauth }: { reauth: Reauth }) {
  const api = useApi();
  const { ask, t } = api;
  const err = useErr();
  const [msg, setMsg] = useState({ ok: '', error: '' });
  const [busy, setBusy] = useState(false);
  const [sheet, setSheet] = useState<Printable | null>(null);

  const run = async (kind: 'aegis' | 'print') => {
    setMsg({ ok: '', error: '' });
    if (!reauth.present()) return;
    const vaultPassphrase = reauth.value;
    setBusy(true);
    const r = kind === 'aegis' ? await ask({ type: 'export.aegis', vaultPassphrase }) : await ask({ type: 'export.printable', vaultPassphrase });
    setBusy(false);
    if (!r.ok) return reauth.refused(r.error) || setMsg({ ok: '', error: err(r.error) });
    reauth.used();
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
      <div class="actions start">
          <button class="btn" type="button" data-testid="export-aegis" onClick={() => void run('aegis')} disabled={busy}>
            {t('exportAegis')}
          </button>
          <button class="btn" type="button" data-testid="export-print" disabled={busy} onClick={() => void run('print')}>
            {t('exportPrint')}
          </button>
      </div>
      <Status ok={msg.ok} error={msg.error} testid="moveout-status" />
      {sheet && <PrintSheet accounts={sheet} onClose={() => setSheet(null)} />}
    </>
  );
}
