/**
 * A cheap first look for backup codes, for the always-loaded content script: at least SET_SIZE
 * code-shaped lines of text on the page (visibility not checked). Only then does the page UI's
 * `findBackupCodes` (lib/page-ui/backup-codes.ts) look properly.
 */
import { textNodes } from './dom';

/** CloudMC shows 8 codes (lib/page-ui/backup-codes.ts SET_SIZE). */
const SET_SIZE = 8;
/** Code-shaped text: letters/digits in groups joined by one space or dash (ASCII: a first look), with a digit. */
const CODE_SHAPED = /^(?=.*\d)[A-Za-z\d]+([ -][A-Za-z\d]+)*$/;

export function mayShowBackupCodes(root: ParentNode): boolean {
  const lines = textNodes(root as Node).flatMap((t) => t.nodeValue!.split(/[\n\t]|\s\s+/));
  return lines.filter((line) => CODE_SHAPED.test(line.trim())).length >= SET_SIZE;
}
