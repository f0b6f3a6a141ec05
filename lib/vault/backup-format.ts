/**
 * The one home of our backup file's format name, and the one test of "is this text one of our
 * encrypted backups". The options page (to ask for the passphrase) and the background (to
 * decrypt) both use these, so they cannot disagree on a name again. Pure: no crypto, no DOM.
 */
export const BACKUP_FORMAT = 'cmc-authenticator-backup';

/** True when `text` is JSON whose `format` is BACKUP_FORMAT (it then needs its passphrase). */
export function isEncryptedBackup(text: string): boolean {
  try {
    const v = JSON.parse(text) as unknown;
    return typeof v === 'object' && v !== null && (v as { format?: unknown }).format === BACKUP_FORMAT;
  } catch {
    return false;
  }
}
