/**
 * Fills the 6-digit code at the login challenge. The background decides which account and
 * whether this origin gets a code at all; this side only recognises the page, remembers the
 * user name typed at the step before (never a password), and types what it is given.
 */
import { tellBackground } from '../../messages/client';
import type { ChallengeAnswer, Reply } from '../../messages/protocol';
import { fillInput, findChallenge, type Challenge } from '../detect';
import { submit, watchOutcome } from '../outcome';
import { showPanel } from '../ui/panel';
import { showStatus } from '../ui/status';
import { t } from '../ui/i18n';


const USER_FIELD = 'input:not([type]),input[type=text],input[type=email]';

export function autofill(signal: AbortSignal) {
  const seen = new WeakSet<HTMLInputElement>();
  let removePanel = () => {};
  let settledSent = false;

  // The user name of the step before the challenge; the password field beside it is never read.
  document.addEventListener(
    'submit',
    (e) => {
      const form = e.target as HTMLFormElement;
      if (!form.querySelector('input[type=password]')) return;
      const user = (form.querySelector(USER_FIELD) as HTMLInputElement | null)?.value;
      if (user) void tellBackground({ type: 'login.user', user });
    },
    { capture: true, signal },
  );

  async function act(challenge: Challenge, reply: Reply<ChallengeAnswer>, retried = false): Promise<boolean> {
    removePanel();
    if (!reply.ok) {
      showStatus(reply.error.message, 'error');
      return false;
    }
    const answer = reply.value;
    if (answer.status === 'locked') {
      removePanel = showPanel(challenge.input, 'CloudMC Authenticator', [
        { label: t('unlockToFill', 'Unlock to fill your code'), testid: 'cmc-unlock', onClick: () => void tellBackground({ type: 'login.unlock' }) },
      ], signal);
      return false;
    }
    if (answer.status === 'choose') {
      removePanel = showPanel(
        challenge.input,
        t('chooseAccount', 'Which account?'),
        answer.accounts.map((a) => ({
          label: a.name,
          testid: 'cmc-choose',
          onClick: () => void tellBackground({ type: 'login.pick', accountId: a.id }).then((r) => act(challenge, r)),
        })),
        signal,
      );
      return false;
    }
    if (answer.status !== 'fill') return false;
    const wait = answer.notBefore - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait)); // the next code's step begins
    if (!challenge.input.isConnected) return false;
    fillInput(challenge.input, answer.code);
    if (!answer.autoSubmit) return true;
    const outcome = watchOutcome(challenge.input, () => !challenge.input.isConnected, signal);
    submit(challenge.input, challenge.submit);
    if ((await outcome) === 'refused' && !retried) {
      showStatus(t('loginRetrying', 'The portal refused the code; trying once more…'));
      return act(challenge, await tellBackground({ type: 'login.retry' }), true);
    }
    return true;
  }

  function offerBackup(challenge: Challenge): void {
    removePanel = showPanel(challenge.input, 'CloudMC Authenticator', [
      {
        label: t('fillBackupCode', 'Fill a backup code'),
        testid: 'cmc-fill-backup',
        onClick: () =>
          void tellBackground({ type: 'login.backup' }).then((r) => {
            if (r.ok && r.value.status === 'fill') {
              removePanel();
              fillInput(challenge.input, r.value.code);
            } else showStatus(r.ok ? t('noBackupCode', 'No unused backup code for this account.') : r.error.message, 'error');
          }),
      },
    ], signal);
  }

  /** From the popup or the shortcut, or after an unlock. */
  async function fillNow(accountId?: string): Promise<boolean> {
    const challenge = findChallenge(document);
    if (!challenge || challenge.kind !== 'totp') return false;
    seen.add(challenge.input);
    return act(
      challenge,
      await tellBackground(accountId ? { type: 'login.pick', accountId } : { type: 'login.challenge' }),
    );
  }

  function scan(): void {
    const challenge = findChallenge(document);
    if (!challenge) {
      // A page past the login (no challenge, no password): tell the background it went through.
      if (!settledSent && !document.querySelector('input[type=password]')) {
        settledSent = true;
        void tellBackground({ type: 'login.settled' });
      }
      return;
    }
    settledSent = false;
    if (seen.has(challenge.input)) return;
    seen.add(challenge.input);
    if (challenge.kind === 'backup') offerBackup(challenge);
    else void tellBackground({ type: 'login.challenge' }).then((r) => act(challenge, r));
  }

  return { scan, fillNow };
}
