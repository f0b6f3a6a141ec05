/**
 * The "Add to CloudMC Authenticator" button beside an enrollment QR, and what one real click
 * does: capture the QR, let the background store the account, fill the code it answers with,
 * confirm the step, and retry once if the portal refuses. Injected on demand by the
 * background (see lib/content/features/offer-enrollment.ts); it holds no secret: the QR pixels go to the
 * background, only a 6-digit code comes back.
 */
import { pageRequest } from '../messages/client';
import type { EnrollAnswer, Reply } from '../messages/protocol';
import { fail } from '../result';
import { captureQr } from '../qr/capture';
import { fillCode, findEnrollmentStep, submit, type EnrollmentStep } from '../content/detect';
import { orderCandidates } from '../content/detect/enrollment';
import { t } from '../content/i18n';
import { watchPage } from '../content/watch';
import { onTabMessages } from '../content/tab-messages';
import { findBackupCodes } from './backup-codes';
import { watchOutcome } from './outcome';
import { showStatus } from './status';
import { closedHost } from './shadow';
import { guardClicks } from './click-guard';

/**
 * Answers that say "this candidate is not the QR": the next candidate of the step is tried.
 * (Any other answer, a fill or a locked vault or a stored-account error, ends the search.)
 */
const NOT_THIS_ONE = new Set(['qr-not-found', 'qr-not-otpauth', 'qr-mismatch', 'qr-bad-image', 'qr-unreadable', 'qr-too-large']);

/**
 * Captures each candidate of the step in turn, likeliest first, until the background decodes one
 * to an otpauth URI (matching the written key). When none does: the likeliest candidate's error,
 * unless a later one held a QR whose key differs from the written one (the clearer message).
 */
async function enrollFrom(step: EnrollmentStep): Promise<Reply<EnrollAnswer>> {
  let first: Reply<EnrollAnswer> | undefined;
  let mismatch: Reply<EnrollAnswer> | undefined;
  for (const candidate of orderCandidates(step)) {
    const qr = await captureQr(candidate);
    const reply: Reply<EnrollAnswer> = qr.ok ? await pageRequest({ type: 'enroll.begin', qr: qr.value, secretText: step.secretText }) : qr;
    if (reply.ok || !NOT_THIS_ONE.has(reply.error.code)) return reply;
    first ??= reply;
    if (reply.error.code === 'qr-mismatch') mismatch ??= reply;
  }
  return mismatch ?? first ?? fail('qr-not-found', 'No QR code was found in the image.');
}

export function mountEnrollUi(signal: AbortSignal): void {
  // Closed root, and a click counts only if a person could see what they clicked (click-guard.ts).
  const { host, root, content: button } = closedHost(document.createElement('button'), { type: 'button', 'data-testid': 'cmc-enroll' });
  host.style.margin = '8px 0';
  button.textContent = t('enrollButton');
  const guard = guardClicks(host, root, button, signal);
  let busy = false;

  // Keep the button beside the QR through re-renders; remove it when the step is gone.
  watchPage(() => {
    const step = findEnrollmentStep(document);
    if (!step) host.remove();
    else if (host.previousElementSibling !== step.qr) step.qr.after(host);
  }, signal);

  async function fillAndConfirm(code: string, autoConfirm: boolean): Promise<void> {
    const step = findEnrollmentStep(document);
    if (!step) return showStatus(t('enrollStepGone'), 'error');
    fillCode(step.codeInput, code);
    if (!autoConfirm || !(step.confirm || step.codeInput.form)) {
      busy = false;
      button.disabled = false;
      return showStatus(t('enrollFilled'));
    }
    showStatus(t('enrollConfirming'));
    const outcome = watchOutcome(step.codeInput, () => !!findBackupCodes(document), signal);
    submit(step.codeInput, step.confirm);
    if ((await outcome) === 'refused') {
      showStatus(t('enrollRetrying'));
      await handle(await pageRequest({ type: 'enroll.retry' }));
    }
    // 'confirmed': the backup-code capture in the main content script reports the result.
  }

  async function handle(reply: Reply<EnrollAnswer>): Promise<void> {
    if (!reply.ok) {
      busy = false;
      button.disabled = false;
      return showStatus(reply.error.message, 'error');
    }
    if (reply.value.status === 'locked') {
      return showStatus(t('enrollLocked'));
    }
    await fillAndConfirm(reply.value.code, reply.value.autoConfirm);
  }

  button.addEventListener(
    'click',
    async (event) => {
      // Only a person's deliberate click: a page script calling click() gets isTrusted === false,
      // and an invisible, covered or just-moved button refuses.
      if (!guard.allows(event) || busy) return;
      const step = findEnrollmentStep(document);
      if (!step) return;
      busy = true;
      button.disabled = true;
      showStatus(t('enrollReading'));
      await handle(await enrollFrom(step));
    },
    { signal },
  );

  // After an unlock, the code for the enrollment the page asked for while locked.
  onTabMessages(
    {
      'cs.enrollCode': async (m) => {
        void fillAndConfirm(m.code, m.autoConfirm);
        return {};
      },
    },
    signal,
  );
  signal.addEventListener('abort', () => host.remove());
}
