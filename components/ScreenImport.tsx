/**
 * "Import a transfer QR shown on this tab": the background captures the active tab's visible
 * area (activeTab, granted by opening the popup), reads the QR code with lib/qr and opens the
 * options page, whose import preview shows what it holds before anything is stored.
 */
import { errorText, useApi } from './api';
import { useAction } from './use-action';

export function ScreenImport() {
  const { ask, t } = useApi();
  const { busy, error, run } = useAction(async () => {
    const r = await ask({ type: 'import.captureTab' });
    return r.ok ? '' : errorText(t, r.error);
  });
  return (
    <div class="scan">
      <button
        class="btn small"
        type="button"
        data-testid="import-screen"
        disabled={busy}
        onClick={run}
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
