/**
 * The battle map as a week grid, for the ledger's Gantt sheet: a column per week (weeks start on
 * Monday), each task's bar from the week of its start to the week of its finish, a milestone as one
 * marked week. Pure: tasks with their dates and light in, column indices out.
 */
import type { IsoDate } from "../calendar/index.js";
import type { LightColor } from "../lights/light.js";

/** A task as the Gantt sheet draws it. */
export interface GanttTask {
  readonly start: IsoDate | null;
  readonly finish: IsoDate | null;
  readonly milestone: boolean;
  readonly color: LightColor | null;
}

/** Where a task's bar lies: week indices (inclusive), or null when it has no dates in the grid. */
export interface GanttBar {
  readonly from: number;
  readonly to: number;
  /** The milestone's week, when the task is a milestone. */
  readonly mark: number | null;
  /** Whether the bar runs past the grid's first or last week. */
  readonly clipped: boolean;
}

export interface GanttLayout {
  /** The Monday of each week column. */
  readonly weeks: readonly IsoDate[];
  /** The week column holding the status date, or null when outside the grid. */
  readonly statusWeek: number | null;
  readonly bars: readonly (GanttBar | null)[];
}

const DAY = 86_400_000;
const ms = (d: IsoDate) => Date.parse(`${d}T00:00:00Z`);
const iso = (t: number): IsoDate => new Date(t).toISOString().slice(0, 10);

/** The Monday on or before `d`. */
export function mondayOf(d: IsoDate): IsoDate {
  const t = ms(d);
  const weekday = (new Date(t).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return iso(t - weekday * DAY);
}

/**
 * Lays `tasks` out on weeks from the earliest start to the latest finish (at most `maxWeeks`
 * columns, counted from the first; later bars are clipped). Without any dated task the grid is the
 * status date's week.
 */
export function ganttLayout(tasks: readonly GanttTask[], statusDate: IsoDate, maxWeeks = 156): GanttLayout {
  let first: number | null = null;
  let last: number | null = null;
  for (const t of tasks)
    for (const d of [t.start, t.finish]) {
      if (!d) continue;
      const m = ms(mondayOf(d));
      if (first === null || m < first) first = m;
      if (last === null || m > last) last = m;
    }
  const start = first ?? ms(mondayOf(statusDate));
  const count = Math.min(maxWeeks, Math.max(1, Math.round(((last ?? start) - start) / (7 * DAY)) + 1));
  const weeks = Array.from({ length: count }, (_, i) => iso(start + i * 7 * DAY));
  const weekOf = (d: IsoDate) => Math.round((ms(mondayOf(d)) - start) / (7 * DAY));
  const inGrid = (i: number) => Math.min(count - 1, Math.max(0, i));
  const status = weekOf(statusDate);
  const bars = tasks.map((t): GanttBar | null => {
    const a = t.start ?? t.finish;
    const b = t.finish ?? t.start;
    if (!a || !b) return null;
    const from = weekOf(a);
    const to = weekOf(b);
    if (to < 0 || from >= count) return null;
    const mark = t.milestone ? inGrid(to) : null;
    return {
      from: t.milestone ? inGrid(to) : inGrid(from),
      to: inGrid(to),
      mark,
      clipped: from < 0 || to >= count,
    };
  });
  return { weeks, statusWeek: status >= 0 && status < count ? status : null, bars };
}
