import { publishPageUi } from '@/lib/cloudmc/page-ui';
import { mountEnrollUi } from '@/lib/cloudmc/enroll-ui';
import { showStatus } from '@/lib/cloudmc/ui/status';
import { showPanel } from '@/lib/cloudmc/ui/panel';
import { watchOutcome } from '@/lib/cloudmc/outcome';
import { findBackupCodes } from '@/lib/cloudmc/detect/backup-codes';

// Injected by the background into the top frame of a CloudMC tab when the page first needs
// to show something (see lib/cloudmc/page-ui.ts).
export default defineUnlistedScript(() => {
  publishPageUi({ showStatus, showPanel, watchOutcome, mountEnrollUi, findBackupCodes });
});
