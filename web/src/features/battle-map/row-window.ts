/**
 * A window of the row model: rows [first, first + count) renumbered from 0, with the links whose
 * both ends are inside it — a page of the map when a task force has more rows than fit a screen.
 */
import type { RowModel } from "./row-model";

/** Which rows to show: `count` rows from `first` (0-based, clamped to the model). */
export interface RowWindow {
  readonly first: number;
  readonly count: number;
}

/**
 * Rows `[first, first + count)` of a model. Example: a window `{ first: 20, count: 10 }` of 28
 * rows holds rows 20…27 as 0…7; a link 21 → 25 becomes 1 → 5, a link 3 → 22 is left out.
 */
export function windowRows(model: RowModel, w: RowWindow): RowModel {
  const first = Math.max(0, Math.min(w.first, model.rows.length));
  const end = Math.min(model.rows.length, first + Math.max(0, w.count));
  if (first === 0 && end === model.rows.length) return model;
  const rowOfTask = new Map<string, number>();
  for (const [id, row] of model.rowOfTask) if (row >= first && row < end) rowOfTask.set(id, row - first);
  const inside = (r: number) => r >= first && r < end;
  const links = model.links
    .filter((l) => inside(l.from) && inside(l.to))
    .map((l) => ({ ...l, from: l.from - first, to: l.to - first }));
  return { rows: model.rows.slice(first, end), rowOfTask, links };
}
