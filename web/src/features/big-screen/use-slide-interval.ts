/**
 * Hook: seconds per slide — `?interval=` when given (a pinned screen), else the last choice made
 * on the screen (localStorage), else 20 s. A choice made on the screen is remembered.
 */
import { useCallback, useState } from "react";

/** Seconds per slide when nothing is chosen. */
export const DEFAULT_INTERVAL_S = 20;
/** Bounds of the interval, in seconds. */
export const MIN_INTERVAL_S = 2;
export const MAX_INTERVAL_S = 3600;
const STORAGE_KEY = "guatu.bigScreen.intervalSeconds";

/** A usable interval in whole seconds from text, or null. */
export function parseInterval(text: string | null | undefined): number | null {
  if (!text || !/^\d+(\.\d+)?$/.test(text.trim())) return null;
  return Math.min(MAX_INTERVAL_S, Math.max(MIN_INTERVAL_S, Math.round(Number(text))));
}

function stored(): number | null {
  try {
    return parseInterval(localStorage.getItem(STORAGE_KEY));
  } catch {
    return null;
  }
}

/** The interval in seconds and a setter that remembers it. */
export function useSlideInterval(param: string | null): readonly [number, (seconds: number) => void] {
  const [seconds, setSeconds] = useState(() => parseInterval(param) ?? stored() ?? DEFAULT_INTERVAL_S);
  const choose = useCallback((s: number) => {
    const v = parseInterval(String(s));
    if (v === null) return;
    setSeconds(v);
    try {
      localStorage.setItem(STORAGE_KEY, String(v));
    } catch {
      /* private mode: the choice lasts for this page only */
    }
  }, []);
  return [seconds, choose] as const;
}
