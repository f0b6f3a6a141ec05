import { CLOUDMC_MATCHES } from '@/lib/cloudmc/sites';
import { watchPage } from '@/lib/content/watch';
import { offerEnrollment } from '@/lib/content/features/offer-enrollment';
import { captureBackupCodes } from '@/lib/content/features/capture-backup-codes';
import { autofill } from '@/lib/content/features/autofill';
import { followDisable } from '@/lib/content/features/follow-disable';
import { onTabMessages } from '@/lib/content/tab-messages';

// Runs on every CloudMC page, so it stays tiny (DESIGN.md budget: 8 KB gzip): it only
// recognises pages and reports facts; the page UI (lib/page-ui/, loaded by
// lib/content/load-page-ui.ts) is injected on demand.
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

    onTabMessages(
      {
        'cs.ping': async () => ({ alive: true }),
        'cs.fillChallenge': async (m) => ({ filled: await login.fillNow(m.accountId) }),
        'cs.backupCode': async (m) => ({ filled: login.fillBackup(m.code) }),
      },
      signal,
    );
  },
});
