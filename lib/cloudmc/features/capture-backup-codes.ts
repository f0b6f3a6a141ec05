/**
 * Sends the 8 backup codes to the background when the page shows them: after an enrollment
 * (they confirm it) or after "Regenerate backup codes". Tells the background whether the
 * user just did something on the page, so numbers a page shows on its own never overwrite
 * stored codes.
 */
import { tellBackground } from '../../messages/client';
import { mayShowBackupCodes } from '../detect/backup-codes';
import { t } from '../ui/i18n';
import { pageUi } from '../page-ui';

const USER_ACTION_WINDOW_MS = 2 * 60_000;

export function captureBackupCodes(signal: AbortSignal): () => void {
  let lastTrustedClick = -Infinity;
  let reported = '';
  document.addEventListener('click', (e) => e.isTrusted && (lastTrustedClick = performance.now()), {
    capture: true,
    signal,
  });

  // The full look lives in the page UI bundle (content-script size budget): loaded only when
  // the page shows enough code-shaped text.
  const find = async (): Promise<string[] | null> => (mayShowBackupCodes(document) ? (await pageUi()).findBackupCodes(document) : null);

  return () => void find().then(report, () => undefined);

  function report(codes: string[] | null): void {
    const key = codes?.join(' ') ?? '';
    if (key === reported) return;
    reported = key;
    if (!codes) return;
    void tellBackground({
      type: 'backup.shown',
      codes,
      userAction: performance.now() - lastTrustedClick < USER_ACTION_WINDOW_MS,
    }).then(async (reply) => {
      const status = !reply.ok ? reply.error.message : reply.value.status === 'stored' ? t(reply.value.replaced ? 'backupReplaced' : 'backupSaved') : reply.value.status === 'locked' ? t('backupLocked') : '';
      if (status) (await pageUi()).showStatus(status, reply.ok && reply.value.status === 'stored' ? 'ok' : 'error');
    });
  }
}
