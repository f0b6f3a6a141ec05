/**
 * Re-runs `scan` after the page changes, coalescing a burst of mutations into one call.
 * CloudMC renders client-side and late, so every detector is driven from here.
 * setTimeout rather than requestAnimationFrame: rAF does not run in background tabs.
 */
import { shadowRoots } from './detect/dom';

/**
 * Observes the document and every open shadow root (a mutation inside a shadow root is not seen
 * by an observer of the document). Returns a function that adds roots attached since; call it
 * from the observer's callback.
 */
export function observeDeep(observer: MutationObserver, options: MutationObserverInit): () => void {
  const observed = new WeakSet<Node>();
  const add = () => {
    for (const root of [document.documentElement, ...shadowRoots(document)]) {
      if (observed.has(root)) continue;
      observed.add(root);
      observer.observe(root, options);
    }
  };
  add();
  return add;
}

export function watchPage(scan: () => void, signal: AbortSignal): void {
  let scheduled = false;
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    setTimeout(() => {
      scheduled = false;
      if (signal.aborted) return;
      addRoots();
      scan();
    }, 0);
  };
  const observer = new MutationObserver(schedule);
  // An <img> without width/height has no size until it loads, and loading mutates nothing.
  document.addEventListener('load', schedule, { capture: true, signal });
  const addRoots = observeDeep(observer, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ['class', 'style', 'hidden', 'aria-hidden', 'open'],
  });
  signal.addEventListener('abort', () => observer.disconnect());
  scan();
}
