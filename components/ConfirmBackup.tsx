/**
 * The window the background opens when a page's "Fill a backup code" is clicked (issue 10,
 * item 2): it names the account and the portal's host, and only its Fill sends the code to the
 * tab that asked. A page can trick a click on its own surface, not in this window; Cancel or
 * closing the window sends nothing, and the request expires on its own.
 */
import { useEffect, useState } from 'preact/hooks';
import { errorText, useApi } from './api';

export function ConfirmBackup({ id }: { id: string }) {
  const { ask, t, close } = useApi();
  const [request, setRequest] = useState<{ account: string; host: string } | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void ask({ type: 'login.backupPending', id }).then((r) => {
      if (r.ok) setRequest(r.value);
      else setError(errorText(t, r.error));
    });
  }, [id]);

  const fill = async () => {
    if (busy) return;
    setBusy(true);
    const r = await ask({ type: 'login.backupConfirm', id });
    setBusy(false);
    if (r.ok && r.value.filled) return close();
    setRequest(null);
    setError(r.ok ? t('backupConfirmFailed') : errorText(t, r.error));
  };

  const cancel = async () => {
    await ask({ type: 'login.backupCancel', id });
    close();
  };

  return (
    <main class="card vault-form" data-testid="backup-confirm">
      <h1>{t('backupConfirmTitle')}</h1>
      {request && (
        <>
          <p data-testid="backup-confirm-text">{t('backupConfirmText', [request.account, request.host])}</p>
          <p class="muted small">{t('backupConfirmWhy')}</p>
          <div class="actions">
            <button class="btn" type="button" data-testid="backup-confirm-cancel" onClick={() => void cancel()}>
              {t('cancel')}
            </button>
            <button
              class="btn primary"
              type="button"
              data-testid="backup-confirm-fill"
              disabled={busy}
              aria-busy={busy}
              onClick={() => void fill()}
            >
              {t('backupConfirmFill')}
            </button>
          </div>
        </>
      )}
      {error && (
        <>
          <p class="error" role="alert" data-testid="backup-confirm-error">
            {error}
          </p>
          <button class="btn" type="button" onClick={close}>
            {t('close')}
          </button>
        </>
      )}
    </main>
  );
}
