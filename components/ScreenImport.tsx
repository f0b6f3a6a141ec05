/**
 * "Import a transfer QR shown on this tab": the background captures the active tab's visible
 * area (activeTab, granted by opening the popup), reads the QR code with lib/qr and opens the
 * options page, whose import preview shows what it holds before anything is stored.
 */
import { useState } from 'preact/hooks';
import { errorText, useApi } from './api';

export function ScreenImport() {
  const { ask, t } = useApi();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  return (
    <div class="scan">
      <button
        class="btn small"
        type="button"
        data-testid="import-screen"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          setError('');
          const r = await ask({ type: 'import.captureTab' });
          setBusy(false);
          if (!r.ok) setError(errorText(t, r.error));
        }}
      >
        {t('importScreen')}
      </button>
      {error && (
        <p class="error" role="alert" data-testid="import-screen-error">
          {error}
        </p>
      )}
    </div>
  );
}
