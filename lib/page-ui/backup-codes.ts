/**
 * The backup codes a portal shows after enrollment or "Regenerate", however they are listed:
 * a list, a table (one or two codes a row), two columns, one `pre` block, codes grouped with a
 * dash or a space ("1234-5678", "abcd efgh"). Stored as shown; compared without separators
 * (lib/otp/backup-codes.ts). Through open shadow roots.
 *
 * In the page UI bundle (for its size): the always-loaded content script first takes a cheap
 * look (lib/content/detect/may-show-backup-codes.ts).
 *
 * CloudMC shows 8 codes; a set is exactly SET_SIZE codes of one length. Other counts are not
 * taken: a page's 7 invoice ids or 9 phone numbers are structurally the same as codes.
 */
import { backupCodeKey, isBackupCode, isBackupCodeSet } from '../otp/backup-codes';
import { parentOf, shown, textNodes } from '../content/detect/dom';

/** The same as lib/content/detect/may-show-backup-codes.ts SET_SIZE. */
const SET_SIZE = 8;
/** Levels above a code's element where the list holding all codes may be. */
const GROUP_LEVELS = 4;
/** Between codes on one line of a `pre` block: a tab or 2+ spaces. */
const COLUMN_GAP = /\t| {2,}/;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** A code whose separated groups have one length ("1234-5678", not "Code 12345678"). */
function evenCode(text: string): boolean {
  if (!isBackupCode(text)) return false;
  const groups = text.split(/[ \-\u2010-\u2015]/);
  return groups.every((g) => g.length === groups[0]!.length);
}

/** A set: distinct codes (lib/otp/backup-codes.ts) of one key length. */
const oneLength = (codes: string[]): boolean => isBackupCodeSet(codes) && new Set(codes.map((c) => backupCodeKey(c).length)).size === 1;

/** The codes of a text node that holds several, one or two a line (a `pre` block); null if any line is something else. */
function codesInBlock(text: string): string[] | null {
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  if (lines.length < 2) return null;
  const codes = lines.flatMap((l) => l.split(COLUMN_GAP));
  return codes.every(evenCode) ? codes : null;
}

/** Ancestor of `t` that is `box`'s child, and how deep `t`'s element sits under it (its shape in the list). */
function branchOf(t: Text, box: Element): { branch: Element; shape: string } {
  let el: Element = t.parentElement!;
  const tag = el.localName;
  let shape = tag;
  for (let up = parentOf(el); up && up !== box; up = parentOf(up)) {
    el = up;
    shape += '<';
  }
  return { branch: el, shape };
}

/**
 * One group of exactly SET_SIZE code nodes under `box`, all at the same depth under the same tag,
 * each of the box's children that holds a code holding nothing else with a letter or a digit
 * (8 rows of an invoice table carry other cells too).
 */
function groupUnder(box: Element, items: Text[]): Text[] | null {
  const group = items.filter((t) => box.contains(t) || box.shadowRoot?.contains(t));
  if (group.length !== SET_SIZE) return null;
  const branches = new Set<Element>();
  const shapes = new Set<string>();
  for (const t of group) {
    const { branch, shape } = branchOf(t, box);
    branches.add(branch);
    shapes.add(shape);
  }
  if (shapes.size > 1) return null;
  const codes = new Set<Node>(group);
  for (const b of branches) {
    if (textNodes(b).some((n) => !codes.has(n) && LETTER_OR_DIGIT.test(n.nodeValue!))) return null;
  }
  return oneLength(group.map((t) => t.nodeValue!.trim())) ? group : null;
}

/** The backup codes shown together, in page order, as shown; null if none, or two sets (ambiguous). */
export function findBackupCodes(root: ParentNode): string[] | null {
  const visible = (t: Text) => t.parentElement !== null && shown(t.parentElement);
  const texts = textNodes(root as Node);
  const sets: string[][] = [];
  // One block of text holding the whole set.
  for (const t of texts) {
    if (!t.nodeValue!.includes('\n')) continue;
    const codes = codesInBlock(t.nodeValue!);
    if (codes?.length === SET_SIZE && oneLength(codes) && visible(t)) sets.push(codes);
  }
  // One code per element.
  const items = texts.filter((t) => evenCode(t.nodeValue!.trim()) && visible(t));
  const boxes = new Set<Element>();
  for (const t of items) {
    let el: Element | null = t.parentElement!;
    for (let n = 0; n < GROUP_LEVELS && (el = parentOf(el)); n++) boxes.add(el);
  }
  let last: Text | undefined;
  for (const box of boxes) {
    const group = groupUnder(box, items);
    if (!group || group[0] === last) continue;
    last = group[0];
    sets.push(group.map((t) => t.nodeValue!.trim()));
  }
  return sets.length === 1 ? sets[0]! : null;
}
