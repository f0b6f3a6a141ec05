import { browser } from 'wxt/browser';
import { isCloudmcOrigin } from '@/lib/cloudmc/sites';
import { createRouter } from '@/lib/messages/router';

// Wiring only: the policy, the handlers and the vault live in lib/.
export default defineBackground(() => {
  const extensionOrigin = new URL(browser.runtime.getURL('/')).origin;

  const route = createRouter({
    env: () => ({
      extensionId: browser.runtime.id,
      extensionOrigin,
      isEnabledOrigin: (origin) => isCloudmcOrigin(origin),
    }),
    ui: {
      'vault.status': async () => ({ state: 'absent' }),
    },
    page: {
      'page.hello': async () => ({ enabled: true }),
    },
    onRejected: (reason, sender) => console.warn('[cloudmc-authenticator] refused message', reason, sender.url),
  });

  browser.runtime.onMessage.addListener((message, sender) => route(message, sender));
});
