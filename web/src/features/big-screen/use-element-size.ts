/** Hook: an element's content size in CSS px, kept up to date by a ResizeObserver (0 × 0 before layout). */
import { type RefObject, useLayoutEffect, useState } from "react";

/** Content box of an element, in CSS px. */
export interface Size {
  readonly width: number;
  readonly height: number;
}

/** The size of `ref`'s element, floored to whole px so what is laid out in it never spills. */
export function useElementSize(ref: RefObject<HTMLElement | null>): Size {
  const [size, setSize] = useState<Size>({ width: 0, height: 0 });
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const update = () => {
      const width = Math.floor(el.clientWidth);
      const height = Math.floor(el.clientHeight);
      setSize((s) => (s.width === width && s.height === height ? s : { width, height }));
    };
    update();
    const ro = new ResizeObserver(update);
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref]);
  return size;
}
