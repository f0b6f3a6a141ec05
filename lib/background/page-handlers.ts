/**
 * What content scripts may ask. The router has already checked that the sender is our
 * content script in the top frame of an enabled CloudMC origin; `sender.origin` is the
 * browser's word for where it runs, and the only origin these handlers ever trust.
 */
import type { PageHandlers } from '../messages/router';

export function createPageHandlers(): PageHandlers {
  return {
    'page.hello': async () => ({ enabled: true }),
  };
}
