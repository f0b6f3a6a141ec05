import { browser } from 'wxt/browser';
import { openVault, fromStorageArea, type Vault } from '@/lib/vault';
import { createRouter } from '@/lib/messages/router';
import { createUiHandlers } from '@/lib/background/ui-handlers';
import { createPageHandlers } from '@/lib/background/page-handlers';
import { createAutoLock } from '@/lib/background/autolock';
import { loadSettings, saveSettings } from '@/lib/background/settings';
import { enableOnActiveTab, grantedSites, isEnabledOrigin, removeSite, scanActiveTab, watchSites } from '@/lib/background/sites';
import { unwrap } from '@/lib/background/unwrap';
import { createEnrollment } from '@/lib/background/enroll';
import { loadOffsets, measureOffset, measuredRecently, offsetFor } from '@/lib/background/clock';
import { createLogin } from '@/lib/background/login';
import { createFirstScreenStore } from '@/lib/background/first-screen';
import { indexInPopup } from '@/lib/background/popup-url-index';
import { injectPageUi, openBackupConfirmWindow, openUnlockWindow, sendToTab } from '@/lib/background/tabs';
import { decodeQrDataUrl } from '@/lib/qr/decode';
import { showLockState } from '@/lib/background/toolbar';
import { forgetClosedTabs, forgetOnLock } from '@/lib/background/forget';
import { createAutoBackup, STORAGE_KEY as BACKUP_KEY, type DownloadsLike } from '@/lib/background/auto-backup';

// Wiring only: the policy, the handlers and the vault live in lib/.
export default defineBackground(() => {
  // User Timing only (no data): how long a waking worker takes to evaluate its script and to
  // listen, read by the bench's cold popup rows.
  performance.mark('cmc:main');
  const extensionOrigin = new URL(browser.runtime.getURL('/')).origin;

  // Opened once per service-worker life; restores the unlocked state a restart interrupted.
  let vault: Promise<Vault> | undefined;
  // The popup's first screen (labels, order and the next minutes of codes; no secret) follows
  // the decrypted list, in the toolbar popup's URL.
  const popupPage = browser.runtime.getManifest().action?.default_popup ?? 'popup.html';
  const firstScreenIndex = createFirstScreenStore(indexInPopup(browser.storage.session, browser.action, popupPage), {
    now: Date.now,
    clockOffset: offsetFor,
  });
  const getVault = (): Promise<Vault> =>
    (vault ??= openVault({ session: fromStorageArea(browser.storage.session) })
      .then(unwrap)
      .then((v) => {
        // Every lock (button, auto-lock) turns the toolbar padlock back; a restart restores it.
        v.session.onLock(() => void showLockState(false));
        void showLockState(v.session.isUnlocked());
        forgetOnLock(v.session, [login, enrollment]);
        firstScreenIndex.follow(v.accounts, () => v.session.isUnlocked());
        return backup.watch(v);
      }));

  const backup = createAutoBackup({
    load: async () => (await browser.storage.local.get(BACKUP_KEY))[BACKUP_KEY],
    save: (value) => browser.storage.local.set({ [BACKUP_KEY]: value }),
    downloads: async () =>
      (await browser.permissions.contains({ permissions: ['downloads'] })) ? (browser.downloads as unknown as DownloadsLike) : null,
    vault: getVault,
    now: Date.now,
  });
  // A worker is started by the message it must answer (the popup's list, a page's challenge):
  // open the vault now, alongside the router's own start-up reads, not after them; the toolbar
  // icon follows the state a worker restart restored.
  void getVault().catch(() => undefined);

  const autoLock = createAutoLock({
    lock: async () => unwrap(await (await getVault()).session.lock()),
    setting: async () => (await loadSettings()).autoLock,
  });

  const login = createLogin({
    vault: getVault,
    now: Date.now,
    settings: loadSettings,
    offsetFor,
    measuredRecently: (origin) => measuredRecently(origin),
    measureOffset: (origin) => measureOffset(origin),
    openUnlock: openUnlockWindow,
    openBackupConfirm: openBackupConfirmWindow,
    sendToTab,
  });

  const enrollment = createEnrollment({
    vault: getVault,
    now: Date.now,
    settings: loadSettings,
    decodeQr: decodeQrDataUrl,
    offsetFor,
    measureOffset: (origin) => measureOffset(origin),
    openUnlock: openUnlockWindow,
    sendToTab,
    lastUsed: login.lastUsed,
  });

  const route = createRouter({
    env: async () => {
      await Promise.all([grantedSites(), loadOffsets()]);
      return { extensionId: browser.runtime.id, extensionOrigin, isEnabledOrigin };
    },
    ui: createUiHandlers({
      vault: getVault,
      now: Date.now,
      clockOffset: offsetFor,
      measuredOffsets: loadOffsets,
      settings: { load: loadSettings, save: saveSettings },
      sites: { granted: grantedSites, remove: removeSite, scan: scanActiveTab, enable: enableOnActiveTab },
      // Called after create, unlock and each use while unlocked.
      onActivity: async () => {
        await Promise.all([autoLock.arm(), showLockState(true)]);
      },
      // Lock also drops the first-screen index (the repository's lock hook queues that too;
      // awaited here so the lock's answer comes after it is gone).
      onLocked: async () => {
        await Promise.all([autoLock.disarm(), firstScreenIndex.clear()]);
      },
      onUnlocked: async () => {
        await Promise.all([enrollment.resume(), login.resume()]);
      },
      fillActiveTab: (id) => login.fillActiveTab(id),
      backupFill: login,
      decodeQr: (dataUrl) => decodeQrDataUrl(dataUrl),
      backup,
      captureTab: async () => {
        const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
        if (tab?.windowId === undefined) throw new Error('no active tab');
        const image = await browser.tabs.captureVisibleTab(tab.windowId, { format: 'png' });
        return { image, name: `Screen of ${tab.url ? new URL(tab.url).host || 'this tab' : 'this tab'}` };
      },
      openOptions: () => browser.runtime.openOptionsPage(),
      firstScreenIndex,
    }),
    page: createPageHandlers({ enrollment, login, injectPageUi }),
    onRejected: (reason, sender) => console.warn('[cloudmc-authenticator] refused message', reason, sender.url),
  });

  browser.runtime.onMessage.addListener((message, sender) => route(message, sender));
  performance.mark('cmc:listening');
  autoLock.listen();
  // The keyboard shortcut (commands API): fill the code on the active tab.
  browser.commands.onCommand.addListener((command) => {
    if (command === 'fill-code') void login.fillActiveTab();
  });
  forgetClosedTabs([login, enrollment]);
  watchSites();
  void grantedSites(); // re-registers the content script on granted sites after an update
});
