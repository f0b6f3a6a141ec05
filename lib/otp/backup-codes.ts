/**
 * Backup codes as portals show them: 8 digits, or letters and digits grouped by a dash or a
 * space ("1234-5678", "abcd efgh"). We store a code as shown (that is what the user will read
 * and type) and compare codes by their key, without separators or case.
 * Kept free of imports: the always-loaded content script uses it to recognise a set.
 */

/** Dashes (ASCII and Unicode) and whitespace that portals group a code's characters with. */
const SEPARATORS = /[\s\-\u2010-\u2015]/g;

export const backupCodeKey = (code: string): string => code.replace(SEPARATORS, '').toLowerCase();
export const sameBackupCode = (a: string, b: string): boolean => backupCodeKey(a) === backupCodeKey(b);

/** One code as shown: groups of letters or digits joined by single separators, 6 to 24 of them in all. */
const CODE = /^[A-Za-z0-9]+(?:[ \-\u2010-\u2015][A-Za-z0-9]+)*$/;
export const MIN_CODE_CHARS = 6;
export const MAX_CODE_CHARS = 24;

export function isBackupCode(text: string): boolean {
  const key = backupCodeKey(text);
  // At least one digit: a word such as "Download" or "Regenerate" is never a code.
  return CODE.test(text) && key.length >= MIN_CODE_CHARS && key.length <= MAX_CODE_CHARS && /\d/.test(key);
}

/** Portals show 8 to 16 codes at a time; fewer is a page we misread, not a set. */
export const MIN_SET = 4;
export const MAX_SET = 20;

/** A set a portal showed: each a code, none repeated (by key), a plausible count. */
export function isBackupCodeSet(codes: readonly string[]): boolean {
  return (
    codes.length >= MIN_SET &&
    codes.length <= MAX_SET &&
    codes.every(isBackupCode) &&
    new Set(codes.map(backupCodeKey)).size === codes.length
  );
}
