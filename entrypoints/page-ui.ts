import { publishPageUi } from '@/lib/content/load-page-ui';
import { mountEnrollUi } from '@/lib/page-ui/enroll-ui';
import { showStatus } from '@/lib/page-ui/status';
import { watchOutcome } from '@/lib/page-ui/outcome';
import { findBackupCodes } from '@/lib/page-ui/backup-codes';
import { reportBackupCodes } from '@/lib/page-ui/backup-report';
import { offerBackupCode, offerChoice, offerUnlock } from '@/lib/page-ui/challenge-ui';

// Injected by the background into the top frame of a CloudMC tab when the page first needs
// to show something (see lib/content/load-page-ui.ts).
export default defineUnlistedScript(() => {
  publishPageUi({
    showStatus,
    watchOutcome,
    mountEnrollUi,
    findBackupCodes,
    reportBackupCodes,
    offerUnlock,
    offerChoice,
    offerBackupCode,
  });
});
