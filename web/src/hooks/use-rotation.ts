/** Hook: a slide index that advances every `ms` unless paused; arrow keys and space control it. */
import { useCallback, useEffect, useState } from "react";

export function useRotation(count: number, ms: number) {
  const [index, setIndex] = useState(0);
  const [paused, setPaused] = useState(false);
  const go = useCallback((d: number) => setIndex((i) => (i + d + count) % count), [count]);
  useEffect(() => {
    if (paused) return;
    const h = setInterval(() => go(1), ms);
    return () => clearInterval(h);
  }, [paused, ms, go]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "ArrowRight") go(1);
      else if (e.key === "ArrowLeft") go(-1);
      else if (e.key === " ") setPaused((p) => !p);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [go]);
  return { index, setIndex, paused, setPaused };
}

/** The big screen's scale: 1 at 1920 px wide, 2 at 3840 px. */
const viewportScale = () => Math.max(1, Math.min(window.innerWidth / 1920, window.innerHeight / 1080));

export function useViewportScale(): number {
  const [scale, setScale] = useState(viewportScale);
  useEffect(() => {
    const on = () => setScale(viewportScale());
    window.addEventListener("resize", on);
    return () => window.removeEventListener("resize", on);
  }, []);
  return scale;
}
