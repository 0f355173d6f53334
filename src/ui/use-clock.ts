// A clock for relative times ("3 minutes ago"). It ticks every second only while
// something on screen counts seconds, else every 30 s: an idle dtui stays idle.
// A view without ages passes enabled = false and gets no timer at all.
import { useEffect, useState } from 'react';

export function useClock(fast: boolean, enabled = true): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!enabled) return undefined;
    const timer = setInterval(() => setNow(Date.now()), fast ? 1000 : 30_000);
    timer.unref?.();
    return () => clearInterval(timer);
  }, [fast, enabled]);
  return now;
}
