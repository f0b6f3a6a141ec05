/**
 * The printable page: one QR code per account (its otpauth URI) with its name and backup codes.
 * Shown over the options page; printing hides everything else (styles/options.css @media print).
 */
import { useEffect, useState } from 'preact/hooks';
import QRCode from 'qrcode';
import type { AnswerOf, UiProtocol } from '@/lib/messages/protocol';
import { useApi } from '../api';

type Printable = AnswerOf<UiProtocol, 'export.printable'>['accounts'];

export function PrintSheet({ accounts, onClose }: { accounts: Printable; onClose(): void }) {
  const api = useApi();
  const { t } = api;
  const [svgs, setSvgs] = useState<string[] | null>(null);
  useEffect(() => {
    void Promise.all(accounts.map((a) => QRCode.toString(a.uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }))).then(setSvgs);
    // The secrets leave the page as soon as it is closed.
    return () => setSvgs(null);
  }, [accounts]);
  return (
    <div class="print-sheet" data-testid="print-sheet" role="dialog" aria-label={t('exportPrint')}>
      <div class="actions start no-print">
        <button class="btn primary" type="button" data-testid="print-now" onClick={() => api.print()} disabled={!svgs}>
          {t('print')}
        </button>
        <button class="btn" type="button" data-testid="print-close" onClick={onClose}>
          {t('close')}
        </button>
      </div>
      <p class="no-print warning">{t('printWarning')}</p>
      {accounts.map((a, i) => (
        <article class="print-account" key={i} data-testid="print-account">
          <h2>{a.name}</h2>
          {svgs && <div class="print-qr" dangerouslySetInnerHTML={{ __html: svgs[i]! }} />}
          {a.backupCodes.length > 0 && (
            <ol class="print-codes">
              {a.backupCodes.map((c) => (
                <li key={c.code} class={c.used ? 'used' : ''}>
                  {c.code}
                </li>
              ))}
            </ol>
          )}
        </article>
      ))}
    </div>
  );
}
