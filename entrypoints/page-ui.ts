import { publishPageUi } from '@/lib/cloudmc/page-ui';
import { mountEnrollUi } from '@/lib/cloudmc/enroll-ui';
import { showStatus } from '@/lib/cloudmc/ui/status';
import { watchOutcome } from '@/lib/cloudmc/outcome';
import { findBackupCodes } from '@/lib/cloudmc/detect/backup-codes';
import { reportBackupCodes } from '@/lib/cloudmc/backup-report';
import { offerBackupCode, offerChoice, offerUnlock } from '@/lib/cloudmc/challenge-ui';

// Injected by the background into the top frame of a CloudMC tab when the page first needs
// to show something (see lib/cloudmc/page-ui.ts).
export default defineUnlistedScript(() => {
  publishPageUi({ showStatus, watchOutcome, mountEnrollUi, findBackupCodes, reportBackupCodes, offerUnlock, offerChoice, offerBackupCode });
});
