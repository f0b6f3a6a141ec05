/**
 * CloudMC's 2FA pages, recognised by structure only: white-labelled hosts, EN/FR/ES, the current
 * and the 2015 UI, an unknown framework. Pure functions over a DOM root, run by the always-loaded
 * content script after every (debounced) mutation. One file per page kind under detect/:
 * enrollment (+ qr-candidates), backup-codes, challenge, inputs (code fields, filling), dom
 * (visibility, open shadow roots).
 *
 * The caller should also re-scan on `load` (capture phase): an <img> without width/height
 * attributes has no size until it loads, and loading fires no mutation.
 */
export { shown } from './detect/dom';
export { findEnrollmentStep, type EnrollmentStep } from './detect/enrollment';
export { mayShowBackupCodes } from './detect/may-show-backup-codes';
export { findChallenge, type Challenge } from './detect/challenge';
export { fillCode, fillInput, submit } from './detect/inputs';
