/**
 * Clickjacking defence for our buttons in a page (issue 10, item 2). A page cannot press them
 * (closed shadow root, isTrusted), but it could trick a person into doing it: make the button
 * invisible, cover it with a lure that lets clicks through, or slide it under the cursor just
 * before a click. A click counts only when, at that instant:
 * - it is trusted, and it lands on our button: the topmost element at the click point is our
 *   host in the page, and our button inside our root (a keyboard press needs our focus);
 * - the button and every ancestor up to the document are fully opaque, visible, unfiltered;
 * - the button has been on screen for at least MIN_SHOWN_MS without interruption, and, where
 *   the browser can tell (Chrome's IntersectionObserver v2, trackVisibility), unobscured: a
 *   lure drawn over it with pointer-events:none is invisible to elementFromPoint, not to this.
 * Once armed the host carries `data-armed` (tests wait for it; it tells a page nothing new).
 */
export const MIN_SHOWN_MS = 500;

export interface ClickGuard {
  /** True when `event` is a person's deliberate click on our button. */
  allows(event: MouseEvent): boolean;
}

export function guardClicks(host: HTMLElement, root: ShadowRoot, button: HTMLElement, signal: AbortSignal): ClickGuard {
  let shownSince: number | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const disarm = () => {
    shownSince = null;
    clearTimeout(timer);
    host.removeAttribute('data-armed');
  };
  const observer = new IntersectionObserver(
    (entries) => {
      const entry = entries[entries.length - 1] as IntersectionObserverEntry & { isVisible?: boolean };
      disarm();
      if (!entry.isIntersecting || entry.isVisible === false) return;
      shownSince = performance.now();
      timer = setTimeout(() => host.setAttribute('data-armed', 'true'), MIN_SHOWN_MS);
    },
    // trackVisibility/delay: IntersectionObserver v2 (Chrome); other browsers ignore them.
    { threshold: 1, trackVisibility: true, delay: 100 } as IntersectionObserverInit,
  );
  observer.observe(button);
  signal.addEventListener('abort', () => {
    observer.disconnect();
    clearTimeout(timer);
  });

  return {
    allows(event) {
      if (!event.isTrusted || !host.isConnected) return false;
      if (shownSince === null || performance.now() - shownSince < MIN_SHOWN_MS) return false;
      if (!opaque(button)) return false;
      // detail 0: a keyboard press (Enter/Space), which only reaches the focused control.
      if (event.detail === 0) return root.activeElement === button;
      const { clientX: x, clientY: y } = event;
      return topmostAt(host, x, y) && button.contains(root.elementFromPoint(x, y));
    },
  };
}

/**
 * The host is the topmost element at (x, y). A document's elementFromPoint answers with the
 * outermost shadow host when the hit lies in a shadow tree, so when our host sits in a page's
 * open shadow root (web components) ask each tree from the host's own up to the document:
 * in each, the topmost element must be the host or the shadow host that contains it.
 */
export function topmostAt(host: Element, x: number, y: number): boolean {
  for (let target = host; ; ) {
    const tree = target.getRootNode() as Document | ShadowRoot;
    if (tree.elementFromPoint(x, y) !== target) return false;
    if (!(tree instanceof ShadowRoot)) return true;
    target = tree.host;
  }
}

/** The element and all its ancestors, across our shadow boundary, are drawn as they are. */
function opaque(el: Element): boolean {
  for (let node: Element | null = el; node; node = node.parentElement ?? ((node.getRootNode() as ShadowRoot).host ?? null)) {
    const style = getComputedStyle(node);
    if (style.opacity !== '1' || style.visibility !== 'visible' || (style.filter !== 'none' && style.filter !== '')) return false;
    if (style.mixBlendMode !== 'normal' && style.mixBlendMode !== '') return false;
  }
  return true;
}
