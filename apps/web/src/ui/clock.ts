import { useEffect, useState } from 'react';

/**
 * The browser's time for screens, in one place: `useNow` ticks every `stepMs`; `useWithin` turns
 * over by itself at a window's edges (a lobby that opens, a session that ends).
 */
export function useNow(stepMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), stepMs);
    return () => clearInterval(id);
  }, [stepMs]);
  return now;
}

/** Whether now lies within the window; re-renders when an edge passes. */
export function useWithin(window: { from: number; until: number } | undefined): boolean {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!window) return;
    const next = [window.from, window.until].find((edge) => edge > now);
    if (next === undefined) return;
    // setTimeout takes at most ~24.8 days; a later edge is checked again then.
    const timer = setTimeout(() => setNow(Date.now()), Math.min(next - now + 50, 2 ** 31 - 1));
    return () => clearTimeout(timer);
  }, [window?.from, window?.until, now]);
  return !window || (now >= window.from && now < window.until);
}
