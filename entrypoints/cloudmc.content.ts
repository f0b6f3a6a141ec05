import { browser } from 'wxt/browser';
import { CLOUDMC_MATCHES } from '@/lib/cloudmc/sites';
import { watchPage } from '@/lib/content/watch';
import { offerEnrollment } from '@/lib/content/features/offer-enrollment';
import { captureBackupCodes } from '@/lib/content/features/capture-backup-codes';
import { autofill } from '@/lib/content/features/autofill';
import { followDisable } from '@/lib/content/features/follow-disable';

// Runs on every CloudMC page, so it stays tiny (DESIGN.md budget: 8 KB gzip): it only
// recognises pages and reports facts; the page UI (lib/page-ui/, loaded by lib/content/load-page-ui.ts) is injected on demand.
export default defineContentScript({
  matches: [...CLOUDMC_MATCHES],
  runAt: 'document_idle',
  main(ctx) {
    const controller = new AbortController();
    ctx.onInvalidated(() => controller.abort());

    const login = autofill(controller.signal);
    const { signal } = controller;
    const features = [offerEnrollment(signal), captureBackupCodes(signal), followDisable(signal), login.scan];
    watchPage(() => features.forEach((scan) => scan()), signal);

    const onMessage = (message: unknown, sender: { id?: string; tab?: unknown }) => {
      // Only our own background may talk to us (it has no tab); pages cannot reach this listener.
      if (sender.id !== browser.runtime.id || sender.tab) return undefined;
      const m = message as { type?: string; accountId?: unknown; code?: unknown } | null;
      if (m?.type === 'cs.ping') return Promise.resolve({ alive: true as const });
      if (m?.type === 'cs.fillChallenge') {
        return login.fillNow(typeof m.accountId === 'string' ? m.accountId : undefined).then((filled) => ({ filled }));
      }
      if (m?.type === 'cs.backupCode' && typeof m.code === 'string') {
        return Promise.resolve({ filled: login.fillBackup(m.code) });
      }
      return undefined;
    };
    browser.runtime.onMessage.addListener(onMessage);
    controller.signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(onMessage));
  },
});
