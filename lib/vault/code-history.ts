/** Regenerated backup codes: the new set becomes current, the old one is kept as history. */
import { MAX_CODE_HISTORY, type Account, type BackupCode } from './accounts';

/** The account with `codes` current and its previous set (if any) first in its history. */
export function withNewCodes(a: Account, codes: readonly BackupCode[], now: number): Account {
  const history = a.backupCodes.length === 0 ? a.backupCodeHistory : [{ codes: a.backupCodes, replacedAt: now }, ...a.backupCodeHistory];
  return { ...a, state: 'active', backupCodes: codes, backupCodeHistory: history.slice(0, MAX_CODE_HISTORY) };
}

/** Makes history set `index` current again; the current set takes its place in the history. */
export function restoreCodes(a: Account, index: number, now: number): Account | null {
  const chosen = a.backupCodeHistory[index];
  if (!chosen) return null;
  const rest = a.backupCodeHistory.filter((_, i) => i !== index);
  const history = a.backupCodes.length === 0 ? rest : [{ codes: a.backupCodes, replacedAt: now }, ...rest];
  return { ...a, backupCodes: chosen.codes, backupCodeHistory: history.slice(0, MAX_CODE_HISTORY) };
}
