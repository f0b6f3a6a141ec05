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

const TEXT_NODES = 4;
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

/** The text nodes under `root`, shadow roots included. */
export function textNodes(root: Node): Text[] {
  const out: Text[] = [];
  const walk = (from: Node) => {
    const walker = (from.ownerDocument ?? (from as Document)).createTreeWalker(from, TEXT_NODES);
    for (let t = walker.nextNode(); t; t = walker.nextNode()) out.push(t as Text);
  };
  walk(root);
  if ('querySelectorAll' in root) for (const shadow of shadowRoots(root as ParentNode)) walk(shadow);
  return out;
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

/** `b`'s ancestor-or-self that lives in the tree of `root` (null if none). */
function liftInto(b: Element, root: Node): Element | null {
  for (let n: Element | null = b; n; n = parentOf(n)) if (n.getRootNode() === root) return n;
  return null;
}

/** `b` comes after `a` in the page as it is drawn (shadow content counts as inside its host). */
export function after(a: Element, b: Element): boolean {
  const root = a.getRootNode();
  const lifted = liftInto(b, root);
  if (lifted) return lifted === a ? holds(a, b) : (a.compareDocumentPosition(lifted) & FOLLOWING) !== 0;
  const liftedA = liftInto(a, b.getRootNode());
  if (liftedA) return liftedA !== b && (liftedA.compareDocumentPosition(b) & FOLLOWING) !== 0;
  const doc = a.ownerDocument;
  return after(liftInto(a, doc) ?? a, liftInto(b, doc) ?? b);
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
  if (closest(el, '[hidden]')) return false;
  if (el.checkVisibility?.({ visibilityProperty: true }) === false) return false;
  if (!laidOut(el)) return true;
  const r = el.getBoundingClientRect();
  return r.width > 0 && r.height > 0;
}

/** Width and height in css px: the layout box; where nothing is laid out (happy-dom), the attributes or inline style. */
export function size(el: Element): [number, number] {
  const r = el.getBoundingClientRect();
  if (r.width || laidOut(el)) return [r.width, r.height];
  const style = (el as HTMLElement).style;
  return [+attr(el, 'width') || parseFloat(style?.width ?? '') || 0, +attr(el, 'height') || parseFloat(style?.height ?? '') || 0];
}
