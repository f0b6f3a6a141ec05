/**
 * The popup's one clock for every code on screen: the time, ticking once a second aligned to
 * the codes' rollover, and a fresh list asked for when the codes roll over.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { AccountView } from '@/lib/messages/protocol';

/** `now`: the popup's clock (api.now). `refresh`: asks the background for fresh codes. */
export function useCodeClock(accounts: AccountView[] | null, now: () => number, refresh: () => Promise<void>): number {
  const [time, setTime] = useState(now);
  const asked = useRef({ for: 0, at: 0 });

  // The earliest expiry: every code rolls over on the same second grid, so one ticker aligned
  // to it serves all rows (no per-row timers). Preview rows have no code yet.
  const anchor = useMemo(() => (accounts ?? []).reduce((m, a) => (a.code ? Math.min(m, a.validUntil) : m), Infinity), [accounts]);
  const anchorRef = useRef(anchor);
  anchorRef.current = anchor;
  useEffect(() => {
    let timer = 0;
    const schedule = (n: number) => {
      const a = anchorRef.current;
      const phase = Number.isFinite(a) ? (((a - n) % 1000) + 1000) % 1000 : 1000;
      timer = window.setTimeout(tick, (phase || 1000) + 5);
    };
    const tick = () => {
      const n = now();
      setTime(n);
      schedule(n);
    };
    schedule(now());
    return () => clearTimeout(timer);
  }, []);

  // At rollover the rows already show `nextCode`; ask for fresh codes once (again after 5 s
  // if the answer was stale too).
  useEffect(() => {
    if (!accounts || time < anchor) return;
    const last = asked.current;
    if (last.for === anchor && time - last.at < 5000) return;
    asked.current = { for: anchor, at: time };
    void refresh();
  }, [time, anchor]);

  return time;
}
