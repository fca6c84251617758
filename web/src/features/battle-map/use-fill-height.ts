/**
 * Hook: the height that fills the window below an element (minus a bottom margin), kept up to
 * date on resize — the battle map takes the rest of the screen whatever the layout above it.
 */
import { type RefObject, useLayoutEffect, useState } from "react";

/** Pixels from the element's top to the bottom of the window, minus `margin`, at least `min`. */
export function useFillHeight(ref: RefObject<HTMLElement | null>, margin = 16, min = 360): number {
  const [height, setHeight] = useState(min);
  useLayoutEffect(() => {
    const update = () => {
      const el = ref.current;
      if (!el) return;
      const top = el.getBoundingClientRect().top + window.scrollY;
      setHeight(Math.max(min, Math.floor(window.innerHeight - top - margin)));
    };
    update();
    const ro = new ResizeObserver(update);
    if (ref.current?.parentElement) ro.observe(ref.current.parentElement);
    window.addEventListener("resize", update);
    return () => {
      ro.disconnect();
      window.removeEventListener("resize", update);
    };
  }, [ref, margin, min]);
  return height;
}
