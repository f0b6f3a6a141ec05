/**
 * The login challenge ("Please enter the verification code from your authenticator app"),
 * recognised by structure: the page's only field is a code input (one box, or a split widget of
 * one-digit boxes), through open shadow roots; never in a frame.
 */
import { all, attr, shown } from './dom';
import { codeLike, editable, splitBoxes, submitOf, usable, type Button } from './inputs';
import { findEnrollmentStep } from './enrollment';

export interface Challenge {
  /** The code input of the login challenge (the first box of a split code widget). */
  input: HTMLInputElement;
  /** 'backup' when the page asks for a backup code instead of the app's code. */
  kind: 'totp' | 'backup';
  submit: Button | null;
}

/** Levels climbed from the input to its submit button. */
const SUBMIT_LEVELS = 8;
/** text, tel, textarea, password, email, search, url, number */
const FIELD_TYPES = /^(te|pa|em|se|ur|nu)/;

/** The page's visible fields, a split code widget counted once (as its first box). */
function fieldsOf(root: ParentNode): HTMLInputElement[] {
  const fields = all<HTMLInputElement>(root, 'input,textarea').filter((i) => FIELD_TYPES.test(i.type) && usable(i));
  return fields.filter((f) => (splitBoxes(f) ?? [f])[0] === f);
}

/** The input's form; without one, the ancestor 3 levels up stands for it. */
function formOf(input: HTMLInputElement): Element {
  return input.form ?? input.parentElement?.parentElement?.parentElement ?? input;
}

/** The code length the input announces: maxlength 6-9, a `{6}`-`{9}` pattern, or a split widget's box count; 0 if none. */
function announcedLength(input: HTMLInputElement): number {
  const boxes = splitBoxes(input);
  if (boxes) return boxes.length;
  const max = +attr(input, 'maxlength');
  if (max > 5 && max < 10) return max;
  return +(/\{([6-9])/.exec(attr(input, 'pattern'))?.[1] ?? 0);
}

/**
 * The login challenge: the page's only visible editable text field (text, password, email,
 * search, textarea…) is a code-like input, not in a search landmark, not part of an enrollment
 * step (`findEnrollmentStep` finds nothing), and its form (or the ancestor 3 levels up) has no
 * image still loading (maybe a QR not sized yet: decided after `load`).
 * Requiring it to be the only field on the page keeps a one-field form of the app (a quota,
 * a filter) from ever getting a code.
 *
 * kind: 'backup' when the input expects 8+ characters (maxlength 8-9, a `{8}` pattern, 8 boxes)
 * or, with no such hint, when an earlier code input of the same form is hidden (CloudMC hides
 * the app-code input and shows another one for "Use my backup codes"). A length of 6-7 says
 * 'totp'; the default is 'totp'.
 */
export function findChallenge(root: ParentNode): Challenge | null {
  const fields = fieldsOf(root);
  const input = fields[0];
  if (fields.length !== 1 || !input || input.localName !== 'input' || !editable(input) || !codeLike(input) || input.closest('[role=search]')) {
    return null;
  }
  const form = formOf(input);
  if (findEnrollmentStep(root) || all<HTMLImageElement>(form, 'img').some((i) => !i.complete)) return null;
  const length = announcedLength(input);
  const codes = all<HTMLInputElement>(form, 'input').filter(codeLike);
  const backup = length ? length > 7 : codes.length > 1 && codes[0] !== input && !shown(codes[0]!) && !splitBoxes(input);
  return { input, kind: backup ? 'backup' : 'totp', submit: submitOf(input, SUBMIT_LEVELS) };
}
