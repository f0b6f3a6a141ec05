/**
 * Re-runs `scan` after the page changes, coalescing a burst of mutations into one call.
 * CloudMC renders client-side and late, so every detector is driven from here.
 * setTimeout rather than requestAnimationFrame: rAF does not run in background tabs.
 */
export function watchPage(scan: () => void, signal: AbortSignal): void {
  let scheduled = false;
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    setTimeout(() => {
      scheduled = false;
      if (!signal.aborted) scan();
    }, 0);
  };
  const observer = new MutationObserver(schedule);
  // An <img> without width/height has no size until it loads, and loading mutates nothing.
  document.addEventListener('load', schedule, { capture: true, signal });
  observer.observe(document.documentElement, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ['class', 'style', 'hidden', 'aria-hidden', 'open'],
  });
  signal.addEventListener('abort', () => observer.disconnect());
  scan();
}
