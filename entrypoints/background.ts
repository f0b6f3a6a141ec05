import { browser } from 'wxt/browser';
import { openVault, fromStorageArea, type Vault } from '@/lib/vault';
import { createRouter } from '@/lib/messages/router';
import { createUiHandlers } from '@/lib/background/ui-handlers';
import { createPageHandlers } from '@/lib/background/page-handlers';
import { createAutoLock } from '@/lib/background/autolock';
import { loadSettings, saveSettings } from '@/lib/background/settings';
import { grantedSites, isEnabledOrigin, removeSite, watchSites } from '@/lib/background/sites';
import { unwrap } from '@/lib/background/errors';

// Wiring only: the policy, the handlers and the vault live in lib/.
export default defineBackground(() => {
  const extensionOrigin = new URL(browser.runtime.getURL('/')).origin;

  // Opened once per service-worker life; restores the unlocked state a restart interrupted.
  let vault: Promise<Vault> | undefined;
  const getVault = () =>
    (vault ??= openVault({ session: fromStorageArea(browser.storage.session) }).then(unwrap));

  const autoLock = createAutoLock({
    lock: async () => unwrap(await (await getVault()).session.lock()),
    setting: async () => (await loadSettings()).autoLock,
  });

  const route = createRouter({
    env: async () => {
      await grantedSites();
      return { extensionId: browser.runtime.id, extensionOrigin, isEnabledOrigin };
    },
    ui: createUiHandlers({
      vault: getVault,
      now: Date.now,
      clockOffset: () => 0,
      settings: { load: loadSettings, save: saveSettings },
      sites: { granted: grantedSites, remove: removeSite },
      onActivity: autoLock.arm,
      onLocked: autoLock.disarm,
    }),
    page: createPageHandlers(),
    onRejected: (reason, sender) => console.warn('[cloudmc-authenticator] refused message', reason, sender.url),
  });

  browser.runtime.onMessage.addListener((message, sender) => route(message, sender));
  autoLock.listen();
  watchSites();
});
