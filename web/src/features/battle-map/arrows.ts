/**
 * Dependency arrow routing: an orthogonal polyline from the predecessor's end (or start, for SS
 * and SF) to the successor's start (or end, for FF and SF), leaving and entering horizontally.
 */
import type { Dependency } from "./types";

/** A routed arrow: polyline points `[x0, y0, x1, y1, …]`; the head points along `headDir`. */
export interface ArrowRoute {
  readonly points: readonly number[];
  /** +1: the head points right (enters a start), −1: points left (enters an end). */
  readonly headDir: 1 | -1;
}

/** Horizontal stub before turning, in pixels. */
export const ARROW_STUB = 6;

/** Endpoints of one bar: its start and end x and the y of its centre line. */
export interface ArrowEnd {
  readonly x0: number;
  readonly x1: number;
  readonly y: number;
}

/** Routes a dependency of a type between two bars. */
export function routeArrow(type: Dependency["type"], from: ArrowEnd, to: ArrowEnd): ArrowRoute {
  const fromEnd = type === "FS" || type === "FF";
  const toStart = type === "FS" || type === "SS";
  const fx = fromEnd ? from.x1 : from.x0;
  const tx = toStart ? to.x0 : to.x1;
  const outDir = fromEnd ? 1 : -1;
  const headDir: 1 | -1 = toStart ? 1 : -1;
  const out = fx + outDir * ARROW_STUB;
  const inn = tx - headDir * ARROW_STUB;
  const fy = from.y;
  const ty = to.y;
  // Room for one vertical segment between the stubs, on the side both stubs point to.
  const straight = outDir === 1 ? (headDir === 1 ? inn >= out : true) : headDir === 1 ? true : inn <= out;
  if (straight) {
    const xm =
      outDir === 1 ? (headDir === 1 ? out : Math.max(out, inn)) : headDir === 1 ? Math.min(out, inn) : out;
    return { points: [fx, fy, xm, fy, xm, ty, tx, ty], headDir };
  }
  // No room: go out, step to the gap between the rows, cross back, then down into the target.
  const gapY = fy + (ty >= fy ? 1 : -1) * Math.max(4, Math.abs(ty - fy) / 2);
  const midY = Math.abs(ty - fy) < 1 ? fy + 8 : gapY;
  return { points: [fx, fy, out, fy, out, midY, inn, midY, inn, ty, tx, ty], headDir };
}
