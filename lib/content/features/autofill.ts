/**
 * Fills the 6-digit code at the login challenge. The background decides which account and
 * whether this origin gets a code at all; this side only recognises the page, remembers the
 * user name typed at the step before (never a password), and types what it is given.
 * Prompts and the chooser come from the page UI bundle (challenge-ui.ts), loaded only when needed.
 */
import { pageRequest } from '../../messages/client';
import type { ChallengeAnswer, Reply } from '../../messages/protocol';
import { fillCode, findChallenge, submit, type Challenge } from '../detect';
import { all, shadowRoots } from '../detect/dom';
import { pageUi } from '../load-page-ui';
import { t } from '../i18n';

const USER_FIELD = 'input:not([type]),input[type=text],input[type=email]';

export function autofill(signal: AbortSignal) {
  const seen = new WeakSet<HTMLInputElement>();
  let removePanel = () => {};
  let settledSent = false;

  // The user name of the step before the challenge; the password field beside it is never read.
  // A submit event is not composed: it is heard on the document and on each open shadow root.
  const onSubmit = (e: Event) => {
    const form = e.target as HTMLFormElement;
    if (!form.querySelector('input[type=password]')) return;
    const user = (form.querySelector(USER_FIELD) as HTMLInputElement | null)?.value;
    if (user) void pageRequest({ type: 'login.user', user });
  };
  const heard = new WeakSet<Node>();
  const hearSubmits = () => {
    for (const root of [document, ...shadowRoots(document)]) {
      if (heard.has(root)) continue;
      heard.add(root);
      root.addEventListener('submit', onSubmit, { capture: true, signal });
    }
  };

  async function act(challenge: Challenge, reply: Reply<ChallengeAnswer>, retried = false): Promise<boolean> {
    removePanel();
    if (!reply.ok) {
      (await pageUi()).showStatus(reply.error.message, 'error');
      return false;
    }
    const answer = reply.value;
    if (answer.status === 'locked') {
      removePanel = (await pageUi()).offerUnlock(challenge.input, signal);
      return false;
    }
    if (answer.status === 'choose') {
      const pick = (accountId: string) => void pageRequest({ type: 'login.pick', accountId }).then((r) => act(challenge, r));
      removePanel = (await pageUi()).offerChoice(challenge.input, answer.accounts, pick, signal);
      return false;
    }
    if (answer.status !== 'fill') return false;
    const wait = answer.notBefore - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait)); // the next code's step begins
    if (!challenge.input.isConnected) return false;
    fillCode(challenge.input, answer.code);
    if (!answer.autoSubmit) return true;
    const ui = await pageUi();
    const outcome = ui.watchOutcome(challenge.input, () => !challenge.input.isConnected, signal);
    submit(challenge.input, challenge.submit);
    if ((await outcome) === 'refused' && !retried) {
      ui.showStatus(t('loginRetrying'));
      return act(challenge, await pageRequest({ type: 'login.retry' }), true);
    }
    return true;
  }

  /** The backup code the user confirmed in the extension window (cs.backupCode). */
  function fillBackup(code: string): boolean {
    const challenge = findChallenge(document);
    if (!challenge || challenge.kind !== 'backup' || !challenge.input.isConnected) return false;
    removePanel();
    fillCode(challenge.input, code);
    return true;
  }

  /** From the popup or the shortcut, or after an unlock. */
  async function fillNow(accountId?: string): Promise<boolean> {
    const challenge = findChallenge(document);
    if (!challenge || challenge.kind !== 'totp') return false;
    seen.add(challenge.input);
    return act(challenge, await pageRequest(accountId ? { type: 'login.pick', accountId } : { type: 'login.challenge' }));
  }

  function scan(): void {
    hearSubmits();
    const challenge = findChallenge(document);
    if (!challenge) {
      // A page past the login (no challenge, no password): tell the background it went through.
      if (!settledSent && !all(document, 'input[type=password]').length) {
        settledSent = true;
        void pageRequest({ type: 'login.settled' });
      }
      return;
    }
    settledSent = false;
    if (seen.has(challenge.input)) return;
    seen.add(challenge.input);
    // Load the page UI alongside: it watches for a refused code once we submit.
    void pageUi().catch(() => undefined);
    if (challenge.kind === 'backup') void pageUi().then((ui) => (removePanel = ui.offerBackupCode(challenge.input, signal)), () => undefined);
    else void pageRequest({ type: 'login.challenge' }).then((r) => act(challenge, r));
  }

  return { scan, fillNow, fillBackup };
}
