/**
 * Bar geometry in content pixels: x from the start of the time scale, y from the top of the
 * first row. Rows are `rowHeight` tall; the current bar sits in the upper part of the row and
 * the baseline bar, thin, under it.
 */
import { dayOfIso, type TimeScale, xOfDay } from "./time-scale";
import type { Task } from "./types";

/** Row layout in pixels. */
export interface RowLayout {
  readonly rowHeight: number;
}

/** A horizontal span in pixels. */
export interface Span {
  readonly x0: number;
  readonly x1: number;
}

/** Where a task's marks go; absent parts are null. */
export interface BarGeometry {
  /** Current (early / actual) dates; for a milestone x0 = x1 = the diamond's centre. */
  readonly bar: Span | null;
  readonly milestone: boolean;
  /** A summary task (has no duration of its own): drawn as a bracket. */
  readonly summary: boolean;
  readonly baseline: Span | null;
  /** x of the start of the late-start day (倒排: the last day it can start). */
  readonly lateStartX: number | null;
  /** x of the end of the late-finish day: the float whisker runs from the bar's end to here. */
  readonly lateFinishX: number | null;
  /** x of the end of the deadline day. */
  readonly deadlineX: number | null;
  /** Progress 0..1. */
  readonly progress: number;
  /** Vertical centre of the current bar and its height. */
  readonly barY: number;
  readonly barHeight: number;
  readonly baselineY: number;
  readonly baselineHeight: number;
}

function span(scale: TimeScale, start: string | null, finish: string | null): Span | null {
  if (!start || !finish) return null;
  const s = dayOfIso(start);
  const f = dayOfIso(finish);
  const x0 = xOfDay(scale, Math.min(s, f));
  const x1 = xOfDay(scale, Math.max(s, f) + 1);
  return { x0, x1: Math.max(x1, x0 + 2) };
}

function endOfDay(scale: TimeScale, iso: string | null): number | null {
  return iso ? xOfDay(scale, dayOfIso(iso) + 1) : null;
}

/**
 * The day a milestone (进度节点) stands for: reached on its actual finish, else its committed date
 * (the deadline), else when the schedule reaches it. Drawing it at its early date would show
 * 四季度项目集中开工 (due 10-31) in September.
 */
export const milestoneDate = (
  task: Pick<Task, "actualFinish" | "deadline" | "earlyFinish" | "baselineFinish">,
): string | null => task.actualFinish ?? task.deadline ?? task.earlyFinish ?? task.baselineFinish;

/** The geometry of a task's marks on a row whose top is `rowTop`. */
export function barGeometry(task: Task, scale: TimeScale, layout: RowLayout, rowTop: number): BarGeometry {
  const h = layout.rowHeight;
  const barHeight = Math.round(h * 0.42);
  const barY = rowTop + Math.round(h * 0.38);
  const baselineHeight = Math.max(3, Math.round(h * 0.14));
  const baselineY = barY + barHeight / 2 + 2 + baselineHeight / 2;
  const milestone = task.duration === 0;
  const start = task.earlyStart ?? task.actualStart ?? task.baselineStart;
  const finish = task.earlyFinish ?? task.actualFinish ?? task.baselineFinish;
  let bar: Span | null;
  if (milestone) {
    const x = endOfDay(scale, milestoneDate(task));
    bar = x === null ? null : { x0: x, x1: x };
  } else {
    bar = span(scale, start, finish);
  }
  return {
    bar,
    milestone,
    summary: task.duration === null,
    baseline: milestone ? null : span(scale, task.baselineStart, task.baselineFinish),
    lateStartX: task.lateStart && !milestone ? xOfDay(scale, dayOfIso(task.lateStart)) : null,
    lateFinishX: endOfDay(scale, task.lateFinish),
    deadlineX: endOfDay(scale, task.deadline),
    progress: Math.min(1, Math.max(0, task.percent / 100)),
    barY,
    barHeight,
    baselineY,
    baselineHeight,
  };
}

/** Rows [first, last] (inclusive, clamped) that intersect a viewport of the body. */
export function visibleRowRange(
  scrollTop: number,
  viewportHeight: number,
  rowHeight: number,
  rowCount: number,
): { first: number; last: number } {
  const first = Math.max(0, Math.floor(scrollTop / rowHeight));
  const last = Math.min(rowCount - 1, Math.ceil((scrollTop + viewportHeight) / rowHeight));
  return { first, last };
}
