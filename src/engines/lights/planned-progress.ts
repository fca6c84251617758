/**
 * Planned progress and the dispatch round: the two dates-only measures a task's light compares with.
 */
import { type IsoDate, isoWeekMonday } from "../indicators/dates.js";
import type { Percent } from "../indicators/types.js";
import type { DispatchRound, LightsCalendar, LightTask } from "./types.js";

/**
 * Planned progress at T, in %: the share of the working days in [baselineStart, baselineFinish]
 * that lie on or before T. A window without working days counts 100 once its finish is ≤ T, else 0.
 * `null` without both baseline dates. Example: baseline Mon–Fri, T = Wednesday → 60.
 */
export function plannedProgress(
  task: LightTask,
  statusDate: IsoDate,
  calendar: LightsCalendar,
): Percent | null {
  const start = task.baselineStart;
  const finish = task.baselineFinish;
  if (!start || !finish) return null;
  const total = calendar.workdaysInRange(start, finish);
  if (total <= 0) return finish <= statusDate ? 100 : 0;
  const elapsed = calendar.workdaysInRange(start, statusDate < finish ? statusDate : finish);
  return (elapsed / total) * 100;
}

/** First day of the dispatch round containing T (`null` when the round rule is off). */
export function roundStart(round: DispatchRound, statusDate: IsoDate): IsoDate | null {
  if (round === "off") return null;
  return round === "weekly" ? isoWeekMonday(statusDate) : `${statusDate.slice(0, 7)}-01`;
}
