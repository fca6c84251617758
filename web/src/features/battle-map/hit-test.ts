/**
 * Hit testing on the canvas: which row is under a point, and whether the point is on a row's
 * collapse caret.
 */
import type { Row } from "./row-model";
import type { ThemeSpec } from "./theme";

/** What lies under a point of the canvas. */
export interface Hit {
  readonly row: number;
  /** On the collapse caret of a row that has children. */
  readonly caret: boolean;
  /** In the left pane (labels) rather than the timeline. */
  readonly pane: boolean;
}

/** x of the caret of a row in the left pane (its centre). */
export function caretX(row: Row, spec: ThemeSpec): number {
  const depth = row.kind === "task" ? row.depth + 1 : 0;
  return 10 + depth * spec.indent + spec.fontSize * 0.4;
}

/** The row, caret and pane under canvas point (x, y); null outside the rows. */
export function hitTest(
  rows: readonly Row[],
  spec: ThemeSpec,
  scrollTop: number,
  x: number,
  y: number,
): Hit | null {
  if (y < spec.headerHeight) return null;
  const row = Math.floor((y - spec.headerHeight + scrollTop) / spec.rowHeight);
  if (row < 0 || row >= rows.length) return null;
  const r = rows[row]!;
  const pane = x < spec.leftWidth;
  const collapsible = r.kind === "taskForce" || r.hasChildren;
  const caret = pane && collapsible && Math.abs(x - caretX(r, spec)) <= spec.fontSize * 0.8;
  return { row, caret, pane };
}
