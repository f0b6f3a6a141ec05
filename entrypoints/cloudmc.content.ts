import { browser } from 'wxt/browser';
import { CLOUDMC_MATCHES } from '@/lib/cloudmc/sites';

// Runs on every CloudMC page, so it stays tiny (DESIGN.md budget: 8 KB gzip): features that
// need more load on demand.
export default defineContentScript({
  matches: [...CLOUDMC_MATCHES],
  runAt: 'document_idle',
  main(ctx) {
    const onMessage = (message: unknown, sender: { id?: string; tab?: unknown }) => {
      // Only our own background may talk to us (it has no tab); pages cannot reach this listener.
      if (sender.id !== browser.runtime.id || sender.tab) return undefined;
      if ((message as { type?: string } | null)?.type === 'cs.ping') {
        return Promise.resolve({ alive: true as const });
      }
      return undefined;
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
  },
});
