/** Scheduling for work that must not delay the first paint. */

/** Runs `fn` when the page is next idle (after its first paint), or within `timeout` ms at the latest. */
export function whenIdle(fn: () => void, timeout = 300): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(fn, { timeout });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(fn, 16);
  return () => clearTimeout(id);
}
