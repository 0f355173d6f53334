// A clock for relative times ("3 minutes ago"). It ticks every second only while
// something on screen counts seconds, else every 30 s: an idle dtui stays idle.
import { useEffect, useState } from 'react';

export function useClock(fast: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), fast ? 1000 : 30_000);
    timer.unref?.();
    return () => clearInterval(timer);
  }, [fast]);
  return now;
}
