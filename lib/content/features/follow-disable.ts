/**
 * Notices the user turning 2FA off on the portal, so the account is marked disabled (the
 * popup then offers to delete it; nothing is deleted by itself). No page structure tells
 * "Disable" from "Regenerate" (both are plain buttons side by side), so this one feature
 * reads the clicked button's words, in CloudMC's three languages. It reports only once the
 * clicked button is gone, no disable button remains and no password prompt is open: a
 * cancelled prompt or a wrong password reports nothing.
 */
import { pageRequest } from '../../messages/client';
import { pageUi } from '../load-page-ui';
import { t } from '../i18n';
import { all } from '../detect/dom';

const DISABLE = /\b(disable|d[ée]sactiver|deshabilitar|desactivar)\b/i;
const BUTTONS = 'button,a,[role=button],input[type=submit],input[type=button]';
const words = (el: Element) => el.textContent || (el as HTMLInputElement).value || '';

export function followDisable(signal: AbortSignal): () => void {
  let clicked: Element | undefined;
  document.addEventListener(
    'click',
    (e) => {
      // The element clicked, inside an open shadow root too (e.target is retargeted to its host).
      const target = e.composedPath()[0];
      const button = e.isTrusted && target instanceof Element ? target.closest(BUTTONS) : null;
      if (button && DISABLE.test(words(button))) clicked = button;
    },
    { capture: true, signal },
  );
  return () => {
    if (!clicked || clicked.isConnected || all(document, 'input[type=password]').length) return;
    if (all(document, BUTTONS).some((b) => DISABLE.test(words(b)))) return;
    clicked = undefined;
    void pageRequest({ type: 'twofactor.disabled' }).then(async (r) => {
      if (r.ok && r.value.status === 'marked') (await pageUi()).showStatus(t('disabledMarked'));
    });
  };
}
