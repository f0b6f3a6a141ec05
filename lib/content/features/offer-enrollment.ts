/**
 * Notices an enrollment step (QR + code input) and mounts the "Add to CloudMC Authenticator"
 * button from the page UI bundle, once per page: the button follows re-renders by itself.
 */
import { findEnrollmentStep } from '../detect';
import { pageUi } from '../load-page-ui';

export function offerEnrollment(signal: AbortSignal): () => void {
  let mounted = false;
  return () => {
    if (mounted || !findEnrollmentStep(document)) return;
    mounted = true;
    pageUi().then(
      (ui) => ui.mountEnrollUi(signal),
      () => (mounted = false),
    );
  };
}
