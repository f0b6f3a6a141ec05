/**
 * CloudMC's 2FA pages, recognised by structure only: white-labelled hosts, EN/FR/ES, the current
 * and the 2015 UI, an unknown framework. No label, id, class or input name of CloudMC is relied
 * on; names are a hint at most. Pure functions over a DOM root, run by the always-loaded content
 * script after every (debounced) mutation, so they are small and only query a few selectors.
 *
 * Visibility (`shown`): no `[hidden]` ancestor, `checkVisibility()` (display:none anywhere up the
 * tree, visibility:hidden; Chrome 105+, Firefox 106+, happy-dom), and, when the page is laid
 * out, a non-empty box (which also catches display:none where checkVisibility is missing).
 * Opacity is ignored on purpose: a modal fading in starts at opacity 0 and no mutation follows
 * the transition. `aria-hidden` is ignored too: it says nothing about what is painted (Bootstrap
 * 3.3 modal templates keep aria-hidden="true" while shown; react-modal sets it on the app root).
 * "Laid out" = the root element has a width: true in browsers, false in happy-dom/jsdom, where
 * every box is 0×0 and sizes come from the width/height attributes instead.
 *
 * The caller should also re-scan on `load` (capture phase): an <img> without width/height
 * attributes has no size until it loads, and loading fires no mutation.
 */

export type QrElement = HTMLImageElement | HTMLCanvasElement | SVGSVGElement;

export interface EnrollmentStep {
  /** The enrollment QR: img, canvas or top-level svg, visible, square within 25 %, >= 80 css px. */
  qr: QrElement;
  /** The step's code input. */
  codeInput: HTMLInputElement;
  /** The step's submit (Enable / Verify and Save / Activer / Habilitar …), found by structure. */
  confirm: HTMLButtonElement | HTMLInputElement | null;
  /** The base32 secret written near the QR, spaces removed (e.g. WMN2B6O54ADDPUHJ); null if none. */
  secretText: string | null;
}

export interface Challenge {
  /** The single code input of the login challenge. */
  input: HTMLInputElement;
  /** 'backup' when the page asks for a backup code instead of the app's code. */
  kind: 'totp' | 'backup';
  submit: HTMLButtonElement | HTMLInputElement | null;
}

type Button = HTMLButtonElement | HTMLInputElement;

/** Levels climbed from a code input to find what belongs to its step (QR, buttons). */
const UP = 8;
/** Smallest QR side in css px: a ~45-module CloudMC QR below that is barely scannable. */
const MIN_QR = 80;
/** 16-64 base32 characters (upper case), a multiple of four, in groups of four or in one run. */
const SECRET = /^([A-Z2-7]{4}\s?){4,16}$/;
const CODE8 = /^\s*\d{8}\s*$/;

const all = <T extends Element = Element>(root: ParentNode, selector: string): T[] => [
  ...root.querySelectorAll<T>(selector),
];
const attr = (el: Element, name: string): string => el.getAttribute(name) ?? '';
const contains = (a: Element, b: Element): boolean => a !== b && a.contains(b);
/** `b` comes after `a` in document order. */
const after = (a: Node, b: Node): boolean => !!(a.compareDocumentPosition(b) & 4);

function laidOut(el: Element): boolean {
  return el.ownerDocument.documentElement.getBoundingClientRect().width > 0;
}

/** Painted: see the header. Exported for callers that watch an element found here. */
export function shown(el: Element): boolean {
  if (el.closest('[hidden]')) return false;
  if (el.checkVisibility?.({ visibilityProperty: true }) === false) return false;
  if (!laidOut(el)) return true;
  const r = el.getBoundingClientRect();
  return r.width > 0 && r.height > 0;
}

/** Width and height in css px: the layout box; where nothing is laid out (happy-dom), the attributes. */
function size(el: Element): [number, number] {
  const r = el.getBoundingClientRect();
  return r.width || laidOut(el) ? [r.width, r.height] : [+attr(el, 'width'), +attr(el, 'height')];
}

/** Verdicts of `greyInk` per <img> (a re-rendered QR is a new element or still a QR). */
const inks = new WeakMap<Element, boolean>();

/**
 * An <img> whose pixels look like a QR: grey levels only, both dark and light (>= 10 % each) on a
 * 24×24 nearest-neighbour sample. Colour photos (avatars) and coloured logos fail. Unknown (not
 * decoded yet, cross-origin, no OffscreenCanvas as in happy-dom) counts as a yes; a verdict is
 * cached per element, so each image is sampled once (~0.1 ms).
 */
function greyInk(img: HTMLImageElement): boolean {
  let yes = inks.get(img);
  if (yes === undefined) {
    try {
      // Not fully loaded yet: a half-loaded PNG samples as mostly blank, and that verdict would
      // be cached for good (seen with the QR served from a URL). Decide once it is complete.
      if (!img.complete || !img.naturalWidth) return true;
      const g = new OffscreenCanvas(24, 24).getContext('2d')!;
      g.imageSmoothingEnabled = false;
      g.drawImage(img, 0, 0, 24, 24);
      const d = g.getImageData(0, 0, 24, 24).data;
      let dark = 0;
      let light = 0;
      for (let i = 0; i < d.length; i += 4) {
        const rgb = d.subarray(i, i + 3) as unknown as number[];
        const lo = Math.min(...rgb);
        const hi = Math.max(...rgb);
        if (d[i + 3]! < 128 || lo > 160) light++;
        else if (hi - lo > 64) dark = -1e9; // a colour: never a QR
        else if (hi < 96) dark++;
      }
      yes = dark > 57 && light > 57;
    } catch {
      return true; // no OffscreenCanvas, or a cross-origin image tainted it: cannot tell
    }
    inks.set(img, yes);
  }
  return yes;
}

/**
 * A QR candidate: >= MIN_QR css px, square within 25 %, visible, not round (avatars); an <img>
 * must pass `greyInk`; an <svg> must be top-level and drawn with straight lines only, enough of
 * them (QR modules are rects, uses or h/v paths; icons and logos are small or have curves; an
 * svg wrapping a bitmap <image> is not taken).
 */
function qrLike(el: Element): el is QrElement {
  const [w, h] = size(el);
  const min = Math.min(w, h);
  if (min < MIN_QR || Math.max(w, h) > 1.25 * min || !shown(el)) return false;
  const radius = getComputedStyle(el).borderTopLeftRadius;
  if (parseFloat(radius) >= (radius.endsWith('%') ? 25 : min / 4)) return false;
  if (el.localName === 'img') return greyInk(el as HTMLImageElement);
  if (el.localName !== 'svg') return true;
  if ((el as SVGSVGElement).ownerSVGElement) return false;
  let ink = 0;
  // A rect or use: 20; a path: its length, 0 if it has curves.
  for (const s of all(el, 'path,rect,use')) ink += /[acqst]/i.test(attr(s, 'd')) ? 0 : attr(s, 'd').length || 20;
  return ink >= 1e3;
}

/** Enabled, writable and visible. */
const usable = (i: HTMLInputElement): boolean => !i.disabled && !i.readOnly && shown(i);

/** A usable single-line field that could hold a code: type text, tel or number. */
const editable = (i: HTMLInputElement): boolean => /^(te|nu)/.test(i.type) && usable(i);

/** Looks like a code field: one-time-code, numeric keyboard, 6-8 chars, a digit pattern, or a code-ish name. */
function codeLike(i: HTMLInputElement): boolean {
  const max = +attr(i, 'maxlength');
  return (
    attr(i, 'autocomplete').includes('one-time-code') ||
    attr(i, 'inputmode') === 'numeric' ||
    (max > 5 && max < 9) ||
    /\\d|0-9/.test(attr(i, 'pattern')) ||
    /code|otp|token|mfa|2fa|verif/i.test(i.name + ' ' + i.id)
  );
}

/**
 * The button that submits the input's step: among the visible buttons after the input, at the
 * nearest ancestor level that has one scoring > 0: a form's submit button (2), an explicit
 * type=submit (1), a "primary" class or color attribute (2). Disabled buttons count (2015's
 * "Verify and Save" is disabled until 6 digits are typed). A Cancel that is neither gets 0,
 * so with no such button the answer is null rather than a guess.
 */
function submitOf(input: HTMLInputElement, levels: number): Button | null {
  let el: Element | null = input;
  for (let n = 0; n < levels && (el = el.parentElement); n++) {
    let best: Button | null = null;
    let top = 0;
    for (const b of all<Button>(el, 'button,input[type=submit]')) {
      if (!after(input, b) || !shown(b)) continue;
      const score = +(b.type === 'submit' && !!b.form) * 2 + +(attr(b, 'type') === 'submit') + +/primary/i.test(b.className + attr(b, 'color')) * 2;
      if (score > top) [best, top] = [b, score];
    }
    if (best) return best;
  }
  return null;
}

/**
 * The first text node of the step's container that is a base32 secret (`WMN2 B6O5 4ADD PUHJ`,
 * 2015's `MNMR 4Z7K R6U4 WC6T` box), spaces removed. Text split across several elements is not
 * joined. (The global `document` makes the walker; the root may be any node.)
 */
function secretIn(box: Element): string | null {
  const walker = document.createTreeWalker(box, 4);
  for (let t: Node | null; (t = walker.nextNode()); ) if (SECRET.test(t.nodeValue!.trim())) return t.nodeValue!.replace(/\s/g, '');
  return null;
}

/**
 * The enrollment step: a QR and a code input sharing a container (their nearest common ancestor,
 * at most UP levels above the input) with no visible password field in it. Code-like inputs are
 * tried first; any other text field counts only when it is the container's only one (the 2015
 * input may carry no hint). A QR outside the input's <form> counts only with the base32 secret
 * written beside it (both CloudMC UIs show it): a login form under a square logo is no step.
 * When several QRs share the nearest container, the last one before the input is taken (the QR
 * is drawn above its input), else the first after it.
 */
export function findEnrollmentStep(root: ParentNode): EnrollmentStep | null {
  const qrs = all(root, 'img,canvas,svg').filter(qrLike);
  if (!qrs.length) return null;
  const passwords = all<HTMLInputElement>(root, 'input[type=password]').filter(shown);
  const inputs = all<HTMLInputElement>(root, 'input').filter(editable);
  for (const input of [...inputs.filter(codeLike), ...inputs.filter((i) => !codeLike(i))]) {
    let box: Element | null = input;
    for (let n = 0; n < UP && (box = box.parentElement); n++) {
      const b = box;
      if (passwords.some((p) => contains(b, p))) break;
      const near = qrs.filter((q) => contains(b, q));
      if (!near.length) continue;
      const secretText = secretIn(b);
      if ((!codeLike(input) && inputs.filter((i) => contains(b, i)).length > 1) || (!secretText && input.form && contains(b, input.form))) break;
      return {
        qr: near.filter((q) => after(q, input)).pop() ?? near[0]!,
        codeInput: input,
        confirm: submitOf(input, n + 3),
        secretText,
      };
    }
  }
  return null;
}

/**
 * The 8 backup codes shown together, in page order. An item is a visible text node that is
 * exactly 8 digits (its element may hold a checkbox or an icon too). A group is the nearest
 * ancestor (within 4 levels) holding exactly 8 items, all under the same tag at the same depth,
 * where each child branch holding items holds nothing else but punctuation or symbols: 8 rows of
 * an invoice table (other cells in each row) or 7/9 phone numbers are not backup codes. Two
 * different groups on the page: null (ambiguous).
 */
export function findBackupCodes(root: ParentNode): string[] | null {
  const walker = document.createTreeWalker(root as Node, 4);
  const items: Text[] = [];
  for (let t: Node | null; (t = walker.nextNode()); ) if (CODE8.test(t.nodeValue!) && t.parentElement && shown(t.parentElement)) items.push(t as Text);
  const counts = new Map<Element, number>();
  for (const t of items) {
    let el: Element | null = t.parentElement!;
    for (let n = 0; n < 4 && (el = el.parentElement); n++) counts.set(el, (counts.get(el) ?? 0) + 1);
  }
  let found: Text[] | null = null;
  for (const [box, count] of counts) {
    if (count !== 8) continue;
    const group = items.filter((t) => box.contains(t));
    if (found?.[0] === group[0]) continue;
    const branches = new Set<Element>();
    const shape = group.map((t) => {
      let el = t.parentElement!;
      let depth = el.localName;
      for (; el.parentElement !== box; el = el.parentElement!) depth += '<';
      branches.add(el);
      return depth;
    });
    if (new Set(shape).size > 1) continue;
    // Text node by text node: glued together, "00000000" + "2024" would pass for codes.
    const codes = new Set<Node>(group);
    const other = (b: Element) => {
      const w = document.createTreeWalker(b, 4);
      for (let n: Node | null; (n = w.nextNode()); ) if (!codes.has(n) && /[\p{L}\p{N}]/u.test(n.nodeValue!)) return true;
      return false;
    };
    if ([...branches].some(other)) continue;
    if (found) return null;
    found = group;
  }
  return found && found.map((t) => t.nodeValue!.trim());
}

/**
 * The login challenge: the page's only visible editable text field (text, password, email,
 * search, textarea…) is a code-like input, not in a search landmark, not part of an enrollment
 * step (`findEnrollmentStep` finds nothing), and its form (or the ancestor 3 levels up) has no
 * image still loading (maybe a QR not sized yet: decided after `load`).
 * Requiring it to be the only field on the page keeps a one-field form of the app (a quota,
 * a filter) from ever getting a code.
 *
 * kind: 'backup' when the input expects 8+ characters (maxlength 8-9, a `{8}` pattern) or,
 * with no such hint, when an earlier code input of the same form is hidden (CloudMC hides the
 * app-code input and shows another one for "Use my backup codes"). A length of 6-7 says 'totp';
 * the default is 'totp'.
 */
export function findChallenge(root: ParentNode): Challenge | null {
  // text, tel, textarea, password, email, search, url, number
  const fields = all<HTMLInputElement>(root, 'input,textarea').filter((i) => /^(te|pa|em|se|ur|nu)/.test(i.type) && usable(i));
  const input = fields[0];
  if (fields[1] || !input || input.localName !== 'input' || !editable(input) || !codeLike(input) || input.closest('[role=search]')) {
    return null;
  }
  const form: Element = input.form ?? input.parentElement?.parentElement?.parentElement ?? input;
  if (findEnrollmentStep(root) || all<HTMLImageElement>(form, 'img').some((i) => !i.complete)) return null;
  const max = +attr(input, 'maxlength');
  const length = max > 5 && max < 10 ? max : +(/\{([6-9])/.exec(attr(input, 'pattern'))?.[1] ?? 0);
  const codes = all<HTMLInputElement>(form, 'input').filter(codeLike);
  const backup = length ? length > 7 : codes.length > 1 && codes[0] !== input && !shown(codes[0]!);
  return { input, kind: backup ? 'backup' : 'totp', submit: submitOf(input, UP) };
}

/** Sets the value through the native setter (bypassing React's tracked instance setter) and fires input + change. */
export function fillInput(input: HTMLInputElement, value: string): void {
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, value);
  for (const type of ['input', 'change']) input.dispatchEvent(new Event(type, { bubbles: true }));
}
