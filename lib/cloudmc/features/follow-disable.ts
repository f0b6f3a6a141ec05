/**
 * Notices the user turning 2FA off on the portal, so the account is marked disabled (the
 * popup then offers to delete it; nothing is deleted by itself). No page structure tells
 * "Disable" from "Regenerate" (both are plain buttons side by side), so this one feature
 * reads the clicked button's words, in CloudMC's three languages. It reports only once the
 * clicked button is gone, no disable button remains and no password prompt is open: a
 * cancelled prompt or a wrong password reports nothing.
 */
import { tellBackground } from '../../messages/client';
import { pageUi } from '../page-ui';
import { t } from '../ui/i18n';

const DISABLE = /\b(disable|d[ée]sactiver|deshabilitar|desactivar)\b/i;
const BUTTONS = 'button,a,[role=button],input[type=submit],input[type=button]';
const words = (el: Element) => el.textContent || (el as HTMLInputElement).value || '';

export function followDisable(signal: AbortSignal): () => void {
  let clicked: Element | undefined;
  document.addEventListener(
    'click',
    (e) => {
      const button = e.isTrusted ? (e.target as Element).closest?.(BUTTONS) : null;
      if (button && DISABLE.test(words(button))) clicked = button;
    },
    { capture: true, signal },
  );
  return () => {
    if (!clicked || clicked.isConnected || document.querySelector('input[type=password]')) return;
    if ([...document.querySelectorAll(BUTTONS)].some((b) => DISABLE.test(words(b)))) return;
    clicked = undefined;
    void tellBackground({ type: 'twofactor.disabled' }).then(async (r) => {
      if (r.ok && r.value.status === 'marked') (await pageUi()).showStatus(t('disabledMarked'));
    });
  };
}
