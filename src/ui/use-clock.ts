// A clock for relative times ("3 minutes ago"). It ticks every second only while
// something on screen counts seconds, else every 30 s: an idle dtui stays idle.
// A view without ages passes enabled = false and gets no timer at all.
// It returns the time of the render, not of the last tick: a render caused by anything
// else (a re-list) must not show ages from a clock up to 30 s old — combined with a
// freshly read status, that made ages count backwards.
import { useEffect, useState } from 'react';

export function useClock(fast: boolean, enabled = true): number {
  const [, setTick] = useState(0);
  useEffect(() => {
    if (!enabled) return undefined;
    const timer = setInterval(() => setTick((t) => t + 1), fast ? 1000 : 30_000);
    timer.unref?.();
    return () => clearInterval(timer);
  }, [fast, enabled]);
  return Date.now();
}
