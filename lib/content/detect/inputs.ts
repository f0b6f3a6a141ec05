/**
 * Code inputs, at the enrollment step and the login challenge alike: what looks like a code
 * field, a code split into one-digit boxes, the button that submits the step, and filling a
 * code the way a person's typing reaches the page's framework.
 */
import { after, all, attr, parentOf, shown } from './dom';

export type Button = HTMLButtonElement | HTMLInputElement;

/** Split code widgets: 6 (TOTP) or 8 (backup code) boxes of one character each. */
const SPLIT_TOTP = 6;
const SPLIT_BACKUP = 8;
/** Levels from a box up to the element holding all the boxes of its widget. */
const SPLIT_UP = 3;

/** Enabled, writable and visible. */
export const usable = (i: HTMLInputElement): boolean => !i.disabled && !i.readOnly && shown(i);

/** A usable single-line field that could hold a code: type text, tel or number. */
export const editable = (i: HTMLInputElement): boolean => /^(te|nu)/.test(i.type) && usable(i);

/** A box of a split code widget: takes one character. */
const oneChar = (i: HTMLInputElement): boolean => attr(i, 'maxlength') === '1' && editable(i);

/**
 * The boxes of the split code widget `input` belongs to, in order: the 6 or 8 one-character
 * boxes of its nearest ancestor (within SPLIT_UP levels) holding such a run. Null if it is not
 * part of one.
 */
export function splitBoxes(input: HTMLInputElement): HTMLInputElement[] | null {
  if (!oneChar(input)) return null;
  let box: Element | null = input;
  for (let n = 0; n < SPLIT_UP && (box = parentOf(box)); n++) {
    const boxes = all<HTMLInputElement>(box, 'input').filter(editable);
    if (boxes.length > SPLIT_BACKUP) return null;
    if ((boxes.length === SPLIT_TOTP || boxes.length === SPLIT_BACKUP) && boxes.every(oneChar)) return boxes;
  }
  return null;
}

/** Looks like a code field: one-time-code, numeric keyboard, 6-8 chars, a digit pattern, a code-ish name, or a split box. */
export function codeLike(i: HTMLInputElement): boolean {
  const max = +attr(i, 'maxlength');
  return (
    attr(i, 'autocomplete').includes('one-time-code') ||
    attr(i, 'inputmode') === 'numeric' ||
    (max > 5 && max < 9) ||
    /\\d|0-9/.test(attr(i, 'pattern')) ||
    /code|otp|token|mfa|2fa|verif/i.test(i.name + ' ' + i.id) ||
    !!splitBoxes(i)
  );
}

/** Score of a button as the step's submit: a form's submit (2), type=submit (1), a "primary" look (2). */
function submitScore(b: Button): number {
  const formSubmit = b.type === 'submit' && b.form !== null;
  return 2 * +formSubmit + +(attr(b, 'type') === 'submit') + 2 * +/primary/i.test(b.className + attr(b, 'color'));
}

/**
 * The button that submits the input's step: among the visible buttons after the input, at the
 * nearest ancestor level that has one scoring > 0 (see submitScore). Disabled buttons count
 * (2015's "Verify and Save" is disabled until 6 digits are typed). A Cancel that is neither
 * gets 0, so with no such button the answer is null rather than a guess.
 */
export function submitOf(input: HTMLInputElement, levels: number): Button | null {
  let el: Element | null = input;
  for (let n = 0; n < levels && (el = parentOf(el)); n++) {
    let best: Button | null = null;
    let top = 0;
    for (const b of all<Button>(el, 'button,input[type=submit]')) {
      if (!after(input, b) || !shown(b)) continue;
      const score = submitScore(b);
      if (score > top) {
        best = b;
        top = score;
      }
    }
    if (best) return best;
  }
  return null;
}

const setValue = (input: HTMLInputElement, value: string): void =>
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, value);

/** Sets the value through the native setter (bypassing React's tracked instance setter) and fires input + change. */
export function fillInput(input: HTMLInputElement, value: string): void {
  setValue(input, value);
  for (const type of ['input', 'change']) input.dispatchEvent(new Event(type, { bubbles: true }));
}

/**
 * Types `code` into its field: one input, or each box of a split widget in turn, as a person
 * would (focus, the value, an `insertText` input event with the digit, change): what React,
 * Angular and Vue bindings read, and what auto-advance widgets move focus on. (No synthetic
 * key events: a page cannot tell them from a person's, and none is needed to set a value.)
 */
export function fillCode(input: HTMLInputElement, code: string): void {
  const boxes = splitBoxes(input);
  // A backup code shown as "1234-5678" goes into 8 boxes without its separator.
  const chars = boxes && code.length !== boxes.length ? code.replace(/[\s\-\u2010-\u2015]/g, '') : code;
  if (!boxes || boxes.length !== chars.length) return fillInput(input, code);
  boxes.forEach((box, i) => {
    const key = chars[i]!;
    box.focus();
    setValue(box, key);
    box.dispatchEvent(new InputEvent('input', { data: key, inputType: 'insertText', bubbles: true }));
    box.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

/** Clicks the form's own submit control, as a person would (frameworks listen to the click). */
export function submit(input: HTMLInputElement, button: HTMLElement | null): void {
  if (button) button.click();
  else input.form?.requestSubmit();
}
