/**
 * A component whose code loads on first use (a dynamic import: a chunk of its own, so its
 * bytes are not in what the popup parses before its first render). Renders nothing until
 * loaded; `preload()` fetches it ahead of use (the popup does that when idle).
 */
import { h, type ComponentType, type FunctionComponent } from 'preact';
import { useState } from 'preact/hooks';

export type Lazy<P> = FunctionComponent<P> & { preload(): Promise<void> };

export function lazy<P extends object>(load: () => Promise<ComponentType<P>>): Lazy<P> {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<void> | null = null;
  const preload = () =>
    (loading ??= load().then((c) => {
      loaded = c;
    }));
  const Lazy = ((props: P) => {
    const [, rerender] = useState(0);
    if (loaded) return h(loaded, props);
    void preload().then(() => rerender((n) => n + 1));
    return null;
  }) as Lazy<P>;
  Lazy.preload = preload;
  return Lazy;
}
