/**
 * What every detector shares: visibility, sizes, and walking the page through open shadow
 * roots (Angular ShadowDom encapsulation, Lit, Stencil). Closed shadow roots cannot be entered
 * and frames are never looked into (a cross-origin frame is another site).
 *
 * Visibility (`shown`): no `[hidden]` ancestor, `checkVisibility()` (display:none anywhere up the
 * tree, visibility:hidden; Chrome 105+, Firefox 106+, happy-dom), and, when the page is laid
 * out, a non-empty box (which also catches display:none where checkVisibility is missing).
 * Opacity is ignored on purpose: a modal fading in starts at opacity 0 and no mutation follows
 * the transition. `aria-hidden` is ignored too: it says nothing about what is painted (Bootstrap
 * 3.3 modal templates keep aria-hidden="true" while shown; react-modal sets it on the app root).
 * "Laid out" = the root element has a width: true in browsers, false in happy-dom/jsdom, where
 * every box is 0×0 and sizes come from the width/height attributes instead.
 */

const TEXT_NODE = 3;
const FOLLOWING = 4;

export const attr = (el: Element, name: string): string => el.getAttribute(name) ?? '';

/** The open shadow roots under `root`, at any depth. */
export function shadowRoots(root: ParentNode): ShadowRoot[] {
  const out: ShadowRoot[] = [];
  for (const el of root.querySelectorAll('*')) {
    if (el.shadowRoot) out.push(el.shadowRoot, ...shadowRoots(el.shadowRoot));
  }
  return out;
}

/** querySelectorAll through open shadow roots: light DOM matches first, then each root's. */
export function all<T extends Element = Element>(root: ParentNode, selector: string): T[] {
  const out = [...root.querySelectorAll<T>(selector)];
  for (const shadow of shadowRoots(root)) out.push(...shadow.querySelectorAll<T>(selector));
  return out;
}

/** The text nodes under `root` (an element or a document), shadow roots included. */
export function textNodes(root: Node): Text[] {
  const elements = [root, ...all(root as ParentNode, '*')];
  return elements.flatMap((el) => [...el.childNodes].filter((n): n is Text => n.nodeType === TEXT_NODE));
}

/** The parent element, stepping out of a shadow root to its host. */
export function parentOf(el: Element): Element | null {
  const parent = el.parentNode;
  if (parent instanceof Element) return parent;
  return parent && 'host' in parent ? (parent as ShadowRoot).host : null;
}

/** `a` holds `b` (not the same), across shadow boundaries. */
export function holds(a: Element, b: Element): boolean {
  for (let n = parentOf(b); n; n = parentOf(n)) if (n === a) return true;
  return false;
}

/** The outermost host of `el` (itself when it is in the document's tree). */
function inDocument(el: Element): Element {
  for (let n: Element | null = el; n; n = parentOf(n)) if (n.getRootNode() === el.ownerDocument) return n;
  return el;
}

/**
 * `b` comes after `a` in the page. Across shadow trees, their outermost hosts are compared;
 * elements inside one host are not ordered (false).
 */
export function after(a: Element, b: Element): boolean {
  const [x, y] = a.getRootNode() === b.getRootNode() ? [a, b] : [inDocument(a), inDocument(b)];
  return (x.compareDocumentPosition(y) & FOLLOWING) !== 0;
}

/** The closest ancestor-or-self matching `selector`, across shadow boundaries. */
export function closest(el: Element, selector: string): Element | null {
  for (let n: Element | null = el; n; n = parentOf(n)) if (n.matches(selector)) return n;
  return null;
}

function laidOut(el: Element): boolean {
  return el.ownerDocument.documentElement.getBoundingClientRect().width > 0;
}

/** Painted: see the header. Exported for callers that watch an element found here. */
export function shown(el: Element): boolean {
  // A [hidden] host outside el's shadow tree is display:none, which checkVisibility sees.
  if (el.closest('[hidden]')) return false;
  if (el.checkVisibility?.({ visibilityProperty: true }) === false) return false;
  if (!laidOut(el)) return true;
  const r = el.getBoundingClientRect();
  return r.width > 0 && r.height > 0;
}

/** Width and height in css px: the layout box; where nothing is laid out (happy-dom), the attributes. */
export function size(el: Element): [number, number] {
  const r = el.getBoundingClientRect();
  return r.width || laidOut(el) ? [r.width, r.height] : [+attr(el, 'width'), +attr(el, 'height')];
}
