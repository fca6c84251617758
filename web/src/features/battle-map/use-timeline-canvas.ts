/**
 * Hook: the one-canvas timeline — sizes the canvas to the scroll viewport, redraws the visible
 * rows in requestAnimationFrame on scroll, resize and model change, keeps the centre date when
 * the zoom changes, hit-tests hover and click, and marks "battle map ready" after the first frame
 * with data (`data-ready` on the root and `performance.mark("battle-map-ready")`).
 */
import {
  type KeyboardEvent,
  type MouseEvent,
  type RefObject,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import { canvasSize } from "./canvas-size";
import { drawFrame } from "./draw-frame";
import { createFitText } from "./fit-text";
import { hitTest } from "./hit-test";
import type { RowModel } from "./row-model";
import type { ThemeSpec } from "./theme";
import { type Ticks, type TimeScale, xOfDay } from "./time-scale";
import type { ComparedBaselines, Lang } from "./types";

/** Inputs of the canvas hook. */
export interface TimelineCanvasProps {
  readonly model: RowModel;
  readonly scale: TimeScale;
  readonly ticks: Ticks;
  readonly spec: ThemeSpec;
  readonly lang: Lang;
  readonly statusDay: number;
  readonly statusLabel: string;
  readonly paneTitle: string;
  readonly compared?: ComparedBaselines;
  readonly onToggle: (id: string) => void;
  readonly onOpen: (row: number) => void;
  /** CSS pixels per layout pixel, positive (2 on a 3840×2160 big screen); see `canvas-size.ts`. */
  readonly magnify: number;
}

/** The hovered row and the pointer position relative to the root, in CSS pixels. */
export interface Hover {
  readonly row: number;
  readonly x: number;
  readonly y: number;
}

/** Refs and handlers to wire into the DOM. */
export interface TimelineCanvas {
  readonly rootRef: RefObject<HTMLDivElement | null>;
  readonly scrollerRef: RefObject<HTMLDivElement | null>;
  readonly canvasRef: RefObject<HTMLCanvasElement | null>;
  readonly viewport: { width: number; height: number };
  readonly hover: Hover | null;
  readonly onScroll: () => void;
  readonly onMouseMove: (e: MouseEvent<HTMLCanvasElement>) => void;
  readonly onMouseLeave: () => void;
  readonly onClick: (e: MouseEvent<HTMLCanvasElement>) => void;
  /** ↑/↓ move the current row, ←/→ collapse/expand, Enter opens (or toggles a task force). */
  readonly onKeyDown: (e: KeyboardEvent<HTMLDivElement>) => void;
}

/** What is under CSS point (x, y) of the canvas: hit-testing works in layout pixels. */
function hitAt(c: TimelineCanvasProps, scroller: HTMLElement, x: number, y: number) {
  const k = c.magnify;
  return hitTest(c.model.rows, c.spec, scroller.scrollTop / k, x / k, y / k);
}

/** Wires a scroll container, a sticky canvas and the frame drawer together. */
export function useTimelineCanvas(p: TimelineCanvasProps): TimelineCanvas {
  const rootRef = useRef<HTMLDivElement | null>(null);
  const scrollerRef = useRef<HTMLDivElement | null>(null);
  const canvasRef = useRef<HTMLCanvasElement | null>(null);
  const [viewport, setViewport] = useState({ width: 0, height: 0 });
  const [hover, setHover] = useState<Hover | null>(null);
  const props = useRef(p);
  props.current = p;
  const hoverRow = useRef(-1);
  const frame = useRef(0);
  const ready = useRef(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new theme means new fonts, so a fresh cache
  const fit = useMemo(() => createFitText(), [p.spec]);

  const draw = useCallback(() => {
    frame.current = 0;
    const canvas = canvasRef.current;
    const scroller = scrollerRef.current;
    if (!canvas || !scroller) return;
    const c = props.current;
    const w = scroller.clientWidth;
    const h = scroller.clientHeight;
    // The backing store follows the device pixels; the frame is drawn in layout pixels.
    const size = canvasSize(w, h, window.devicePixelRatio || 1, c.magnify);
    if (canvas.width !== size.backingWidth || canvas.height !== size.backingHeight) {
      canvas.width = size.backingWidth;
      canvas.height = size.backingHeight;
      canvas.style.width = `${w}px`;
      canvas.style.height = `${h}px`;
    }
    const ctx = canvas.getContext("2d");
    if (!ctx || w === 0) return;
    ctx.setTransform(size.pixelRatio, 0, 0, size.pixelRatio, 0, 0);
    const k = c.magnify;
    const t0 = performance.now();
    drawFrame(ctx, {
      width: size.width,
      height: size.height,
      scrollLeft: scroller.scrollLeft / k,
      scrollTop: scroller.scrollTop / k,
      model: c.model,
      scale: c.scale,
      ticks: c.ticks,
      spec: c.spec,
      lang: c.lang,
      statusDay: c.statusDay,
      statusLabel: c.statusLabel,
      paneTitle: c.paneTitle,
      compared: c.compared,
      hoverRow: hoverRow.current,
      fit,
    });
    // Draw durations for `npm run bench:ui`, only when the bench asks for them.
    (window as { __battleMapDrawMs?: number[] }).__battleMapDrawMs?.push(performance.now() - t0);
    if (!ready.current && c.model.rows.length > 0) {
      ready.current = true;
      rootRef.current?.setAttribute("data-ready", "true");
      performance.mark("battle-map-ready");
    }
  }, [fit]);

  const requestDraw = useCallback(() => {
    if (!frame.current) frame.current = requestAnimationFrame(draw);
  }, [draw]);

  useEffect(() => {
    const scroller = scrollerRef.current;
    if (!scroller) return;
    const ro = new ResizeObserver(() => {
      setViewport({ width: scroller.clientWidth, height: scroller.clientHeight });
      requestDraw();
    });
    ro.observe(scroller);
    return () => {
      ro.disconnect();
      cancelAnimationFrame(frame.current);
      frame.current = 0;
    };
  }, [requestDraw]);

  // Keep the date at the centre of the timeline when the zoom changes; start at the status date.
  const prevScale = useRef<TimeScale | null>(null);
  useLayoutEffect(() => {
    const scroller = scrollerRef.current;
    const prev = prevScale.current;
    prevScale.current = p.scale;
    if (!scroller || prev === p.scale) return;
    const k = p.magnify;
    const body = Math.max(0, scroller.clientWidth / k - p.spec.leftWidth);
    if (prev) {
      const centreDay = prev.startDay + (scroller.scrollLeft / k + body / 2) / prev.pxPerDay;
      scroller.scrollLeft = (xOfDay(p.scale, centreDay) - body / 2) * k;
    } else {
      scroller.scrollLeft = (xOfDay(p.scale, p.statusDay) - body / 3) * k;
    }
  }, [p.scale, p.spec, p.statusDay, p.magnify]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: redraw whenever an input of the frame changes
  useEffect(requestDraw, [requestDraw, p.model, p.scale, p.ticks, p.spec, p.lang, p.magnify, viewport]);

  const pointer = useRef<{ x: number; y: number } | null>(null);
  const hoverAt = useCallback(
    (row: number, x: number, y: number) => {
      if (row !== hoverRow.current) {
        hoverRow.current = row;
        requestDraw();
      }
      setHover(row >= 0 ? { row, x, y } : null);
    },
    [requestDraw],
  );
  const onMouseMove = useCallback(
    (e: MouseEvent<HTMLCanvasElement>) => {
      const scroller = scrollerRef.current;
      if (!scroller) return;
      const { offsetX: x, offsetY: y } = e.nativeEvent;
      pointer.current = { x, y };
      const hit = hitAt(props.current, scroller, x, y);
      e.currentTarget.style.cursor = hit ? "pointer" : "default";
      hoverAt(hit?.row ?? -1, x, y);
    },
    [hoverAt],
  );
  // Scrolling moves rows under a still pointer: hover what is under it now.
  const onScroll = useCallback(() => {
    requestDraw();
    const scroller = scrollerRef.current;
    const at = pointer.current;
    if (!scroller || !at) return;
    const hit = hitAt(props.current, scroller, at.x, at.y);
    const row = hit?.row ?? -1;
    if (row !== hoverRow.current) hoverAt(row, at.x, at.y);
  }, [requestDraw, hoverAt]);
  const onMouseLeave = useCallback(() => {
    pointer.current = null;
    hoverRow.current = -1;
    setHover(null);
    requestDraw();
  }, [requestDraw]);
  const onClick = useCallback((e: MouseEvent<HTMLCanvasElement>) => {
    const scroller = scrollerRef.current;
    if (!scroller) return;
    const { offsetX: x, offsetY: y } = e.nativeEvent;
    const c = props.current;
    const hit = hitAt(c, scroller, x, y);
    if (!hit) return;
    const row = c.model.rows[hit.row]!;
    if (hit.caret || row.kind === "taskForce") c.onToggle(row.id);
    else c.onOpen(hit.row);
  }, []);

  const onKeyDown = useCallback(
    (e: KeyboardEvent<HTMLDivElement>) => {
      const scroller = scrollerRef.current;
      const c = props.current;
      const rows = c.model.rows;
      if (!scroller || rows.length === 0) return;
      const cur = Math.min(Math.max(hoverRow.current, 0), rows.length - 1);
      const r = rows[cur]!;
      const collapsible = r.kind === "taskForce" || r.hasChildren;
      let next = cur;
      if (e.key === "ArrowDown") next = Math.min(rows.length - 1, hoverRow.current + 1);
      else if (e.key === "ArrowUp") next = Math.max(0, hoverRow.current - 1);
      else if (e.key === "ArrowLeft" && collapsible && !r.collapsed) c.onToggle(r.id);
      else if (e.key === "ArrowRight" && collapsible && r.collapsed) c.onToggle(r.id);
      else if (e.key === "Enter" && hoverRow.current >= 0) {
        if (r.kind === "taskForce") c.onToggle(r.id);
        else c.onOpen(cur);
      } else return;
      e.preventDefault();
      const k = c.magnify;
      const rowHeight = c.spec.rowHeight * k;
      const headerHeight = c.spec.headerHeight * k;
      const body = scroller.clientHeight - headerHeight;
      if (next * rowHeight < scroller.scrollTop) scroller.scrollTop = next * rowHeight;
      else if ((next + 1) * rowHeight > scroller.scrollTop + body)
        scroller.scrollTop = (next + 1) * rowHeight - body;
      hoverRow.current = next;
      const y = headerHeight + (next + 1) * rowHeight - scroller.scrollTop;
      setHover({ row: next, x: c.spec.leftWidth * 0.5 * k, y });
      requestDraw();
    },
    [requestDraw],
  );

  return {
    onKeyDown,
    rootRef,
    scrollerRef,
    canvasRef,
    viewport,
    hover,
    onScroll,
    onMouseMove,
    onMouseLeave,
    onClick,
  };
}
