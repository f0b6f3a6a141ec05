/**
 * The 2FA enrollment step, recognised by structure only (white-labelled hosts, EN/FR/ES, the
 * current and the 2015 UI, an unknown framework): a code input, image-like elements beside it,
 * the key written out, the step's buttons. No label, id, class or input name is relied on.
 */
import { after, all, holds, parentOf, shown, textNodes } from './dom';
import { codeLike, editable, submitOf, type Button } from './inputs';
import type { QrElement } from '../../qr/capture';
import { looksLikeQr, qrCandidates } from './qr-candidates';

export interface EnrollmentStep {
  /** The candidate nearest the input (the last before it, else the first after): where the enroll button goes. */
  qr: QrElement;
  /** Every image-like element of the step, in page order; `orderCandidates` puts the likeliest first. */
  candidates: QrElement[];
  /** The step's code input (the first box of a split code widget). */
  codeInput: HTMLInputElement;
  /** The step's submit (Enable / Verify and Save / Activer / Habilitar …), found by structure. */
  confirm: Button | null;
  /** The base32 secret written near the QR, spaces removed (e.g. WMN2B6O54ADDPUHJ); null if none. */
  secretText: string | null;
}

/** Levels climbed from a code input to find what belongs to its step (QR, buttons). */
const UP = 8;
/** Extra levels above the step's box where its submit button may sit. */
const SUBMIT_EXTRA_LEVELS = 3;
/** 16-64 base32 characters (upper case), a multiple of four, in groups of four or in one run. */
const SECRET = /^([A-Z2-7]{4}\s?){4,16}$/;

/**
 * The first text node of the step's box that is a base32 secret (`WMN2 B6O5 4ADD PUHJ`,
 * 2015's `MNMR 4Z7K R6U4 WC6T` box), spaces removed. Text split across elements is not joined.
 */
function secretIn(box: Element): string | null {
  for (const t of textNodes(box)) if (SECRET.test(t.nodeValue!.trim())) return t.nodeValue!.replace(/\s/g, '');
  return null;
}

/** Candidates by place: the nearest before the input first (a QR is drawn above its input), then those after. */
function byPlace(candidates: QrElement[], input: HTMLInputElement): QrElement[] {
  const before = candidates.filter((c) => !after(input, c)).reverse();
  return [...before, ...candidates.filter((c) => after(input, c))];
}

/**
 * The step's candidates in the order the decoder should try them: those that look like a QR
 * first, each group by place. (Used at the click, in the page UI bundle.)
 */
export function orderCandidates(step: EnrollmentStep): QrElement[] {
  const placed = byPlace(step.candidates, step.codeInput);
  return [...placed.filter(looksLikeQr), ...placed.filter((c) => !looksLikeQr(c))];
}

/**
 * The enrollment step: a code input and image-like candidates sharing a box (their nearest
 * common ancestor, at most UP levels above the input, through open shadow roots) with no
 * visible password field in it. Code-like inputs are tried first; any other text field counts
 * only when it is the box's only one (the 2015 input may carry no hint).
 *
 * With the base32 key written in the box (both CloudMC UIs show it), every candidate counts and
 * the decoder decides. Without it, only a candidate that looks like a QR does, and only inside
 * the input's own form: a login challenge under a logo must stay a challenge.
 */
export function findEnrollmentStep(root: ParentNode): EnrollmentStep | null {
  const inputs = all<HTMLInputElement>(root, 'input').filter(editable);
  const passwords = all<HTMLInputElement>(root, 'input[type=password]').filter(shown);
  for (const input of [...inputs.filter(codeLike), ...inputs.filter((i) => !codeLike(i))]) {
    let box: Element | null = input;
    for (let n = 0; n < UP && (box = parentOf(box)); n++) {
      const b = box;
      if (passwords.some((p) => holds(b, p))) break;
      const found = qrCandidates(b);
      if (!found.length) continue;
      const secretText = secretIn(b);
      const candidates = secretText ? found : found.filter(looksLikeQr);
      if (!candidates.length) continue;
      const crowded = !codeLike(input) && inputs.filter((i) => holds(b, i)).length > 1;
      const outsideForm = !secretText && input.form !== null && holds(b, input.form);
      if (crowded || outsideForm) break;
      return {
        qr: candidates.filter((c) => !after(input, c)).pop() ?? candidates[0]!,
        candidates,
        codeInput: input,
        confirm: submitOf(input, n + SUBMIT_EXTRA_LEVELS),
        secretText,
      };
    }
  }
  return null;
}
