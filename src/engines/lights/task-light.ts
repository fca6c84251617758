/**
 * The light of one (leaf) task at a status date T — SPEC "Lights", first match wins.
 */
import { type IsoDate, isoWeekMonday } from "../indicators/dates.js";
import type { Percent } from "../indicators/types.js";
import type { Light, Reason } from "./light.js";
import { taskReasons as R } from "./task-reasons.js";
import {
  DEFAULT_LIGHT_THRESHOLDS,
  type DispatchRound,
  type LightsCalendar,
  type LightsOptions,
  type LightTask,
  type LightThresholds,
} from "./types.js";

/** Slack so that exact boundaries (exactly 10 or 20 points) survive floating point. */
const EPS = 1e-9;

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

/**
 * The light of a leaf task at T. First match wins:
 * 1. blue — done (`DONE`).
 *    (suspended tasks: red on an overdue supervision item, else grey `SUSPENDED`; nothing else applies)
 * 2. red — deadline < T (`PAST_DEADLINE`); not started and lateStart < T (`LATE_START_PASSED`);
 *    float < 0 (`NEGATIVE_FLOAT`); planned − percent > 20 points (`BEHIND_PLAN`); a supervision
 *    item not verified with dueDate < T (`SUPERVISION_OVERDUE`, one reason per item).
 * 3. yellow — T ≤ deadline and working days in (T, deadline] ≤ 5 (`DEADLINE_SOON`; 0 on the day
 *    itself); planned − percent > 10 points (`BEHIND_PLAN`); in progress, started before the round
 *    and no report dated in [round start, T] (`NO_REPORT_THIS_ROUND`); float ≤ 2 (`LOW_FLOAT`).
 * 4. grey — not started and lateStart > T (`NOT_YET_DUE`; baselineStart stands in without a lateStart).
 * 5. green — otherwise (`ON_TRACK`).
 * Every reason found at the winning colour is listed. Status comes from `status` alone.
 */
export function taskLight(
  task: LightTask,
  statusDate: IsoDate,
  calendar: LightsCalendar,
  options: LightsOptions = {},
): Light & { readonly plannedProgress: Percent | null } {
  const th: LightThresholds = { ...DEFAULT_LIGHT_THRESHOLDS, ...options.thresholds };
  const t = task.code || task.id;
  const T = statusDate;
  const planned = plannedProgress(task, T, calendar);
  const light = (color: Light["color"], reasons: Reason[]) => ({ color, reasons, plannedProgress: planned });
  if (task.status === "done") return light("blue", [R.done(t)]);
  const overdue = overdueSupervision(task, t, T);
  if (task.status === "suspended")
    return overdue.length ? light("red", overdue) : light("grey", [R.suspended(t)]);

  const notStarted = task.status === "not_started";
  const behind = planned === null ? null : planned - task.percent;
  const float = task.totalFloat ?? null;
  const red: Reason[] = [];
  if (task.deadline && task.deadline < T) {
    red.push(R.pastDeadline(t, task.deadline, calendar.workdaysBetween(task.deadline, T)));
  }
  if (notStarted && task.lateStart && task.lateStart < T) red.push(R.lateStartPassed(t, task.lateStart));
  if (float !== null && float < 0) red.push(R.negativeFloat(t, float));
  if (behind !== null && behind > th.redBehindPoints + EPS) {
    red.push(R.behindPlan(t, planned!, task.percent, th.redBehindPoints));
  }
  red.push(...overdue);
  if (red.length) return light("red", red);

  const yellow: Reason[] = [];
  if (task.deadline && task.deadline >= T) {
    const left = calendar.workdaysBetween(T, task.deadline);
    if (left <= th.deadlineSoonWorkdays) yellow.push(R.deadlineSoon(t, task.deadline, left));
  }
  if (behind !== null && behind > th.yellowBehindPoints + EPS) {
    yellow.push(R.behindPlan(t, planned!, task.percent, th.yellowBehindPoints));
  }
  const since = roundStart(options.dispatchRound ?? "weekly", T);
  if (since && task.status === "in_progress" && !(task.actualStart && task.actualStart >= since)) {
    const last = task.lastReportDate ?? null;
    if (!last || last < since || last > T) yellow.push(R.noReport(t, since, last));
  }
  if (float !== null && float <= th.lowFloatWorkdays) yellow.push(R.lowFloat(t, float));
  if (yellow.length) return light("yellow", yellow);

  const due = task.lateStart ?? task.baselineStart;
  if (notStarted && due && due > T) return light("grey", [R.notYetDue(t, due)]);
  return light("green", [R.onTrack(t, planned, task.percent)]);
}

function overdueSupervision(task: LightTask, t: string, statusDate: IsoDate): Reason[] {
  const out: Reason[] = [];
  task.supervision.forEach((item, k) => {
    if (item.state !== "verified" && item.dueDate < statusDate) {
      out.push(R.supervisionOverdue(t, item.dueDate, item.id ?? `${task.id}#${k + 1}`));
    }
  });
  return out;
}
