/**
 * Sends the 8 backup codes to the background when the page shows them: after an enrollment
 * (they confirm it) or after "Regenerate backup codes". Tells the background whether the
 * user just did something on the page, so numbers a page shows on its own never overwrite
 * stored codes.
 */
import { tellBackground } from '../../messages/client';
import { findBackupCodes } from '../detect';
import { showStatus } from '../ui/status';

const USER_ACTION_WINDOW_MS = 2 * 60_000;

export function captureBackupCodes(signal: AbortSignal): () => void {
  let lastTrustedClick = -Infinity;
  let reported = '';
  document.addEventListener('click', (e) => e.isTrusted && (lastTrustedClick = performance.now()), {
    capture: true,
    signal,
  });

  return () => {
    const codes = findBackupCodes(document);
    const key = codes?.join(' ') ?? '';
    if (key === reported) return;
    reported = key;
    if (!codes) return;
    void tellBackground({
      type: 'backup.shown',
      codes,
      userAction: performance.now() - lastTrustedClick < USER_ACTION_WINDOW_MS,
    }).then((reply) => {
      if (!reply.ok) showStatus(reply.error.message, 'error');
      else if (reply.value.status === 'stored') {
        showStatus(
          reply.value.replaced
            ? 'CloudMC Authenticator: the 8 new backup codes are saved.'
            : 'CloudMC Authenticator: two-factor authentication is on; the 8 backup codes are saved.',
          'ok',
        );
      } else if (reply.value.status === 'locked') {
        showStatus('CloudMC Authenticator is locked: these backup codes were not saved.', 'error');
      }
    });
  };
}
