/**
 * The light of one (leaf) task at a status date T — SPEC "Lights", first match wins.
 */
import type { IsoDate } from "../indicators/dates.js";
import type { Percent } from "../indicators/types.js";
import type { LightColor, Reason } from "./light.js";
import { plannedProgress, roundStart } from "./planned-progress.js";
import { type ReasonCache, sharedReason } from "./task-reasons.js";
import {
  DEFAULT_LIGHT_THRESHOLDS,
  type LightsCalendar,
  type LightsOptions,
  type LightTask,
  type LightThresholds,
  type TaskLight,
} from "./types.js";

/** Slack so that exact boundaries (exactly 10 or 20 points) survive floating point. */
const EPS = 1e-9;

export { plannedProgress, roundStart };

/**
 * The light of a leaf task at T. First match wins:
 * 1. blue — done (`DONE`), unless its completion is only claimed: a claimed task (reported 100 %,
 *    awaiting review) is lit as unfinished by the deadline and supervision rules only — red past its
 *    deadline or on an overdue item, yellow within 5 working days of it, else green — and always
 *    carries `AWAITING_CONFIRMATION` (last). Plan, float, start and report rules do not apply to it.
 *    (suspended tasks: red on an overdue supervision item, else grey `SUSPENDED`; nothing else applies)
 * 2. red — deadline < T (`PAST_DEADLINE`); not started and lateStart < T (`LATE_START_PASSED`);
 *    float < 0 (`NEGATIVE_FLOAT`); planned − percent > 20 points (`BEHIND_PLAN`); a supervision
 *    item not verified with dueDate < T (`SUPERVISION_OVERDUE`, one reason per item).
 * 3. yellow — T ≤ deadline and working days in (T, deadline] ≤ 5 (`DEADLINE_SOON`; 0 on the day
 *    itself); planned − percent > 10 points (`BEHIND_PLAN`); in progress, started before the round
 *    and no report dated in [round start, T] (`NO_REPORT_THIS_ROUND`); float ≤ 2 (`LOW_FLOAT`).
 * 4. grey — not started and lateStart > T (`NOT_YET_DUE`; baselineStart stands in without a lateStart).
 * 5. green — otherwise (`ON_TRACK`).
 * Every reason found at the winning colour is listed. Status comes from `status` (and `completion`) alone.
 */
export function taskLight(
  task: LightTask,
  statusDate: IsoDate,
  calendar: LightsCalendar,
  options: LightsOptions = {},
): TaskLight {
  return taskLightWith(task, statusDate, calendar, resolveLightSettings(options, statusDate));
}

/** Thresholds, dispatch round and shared reasons for one status date (see {@link taskLightWith}). */
export interface LightSettings {
  readonly thresholds: LightThresholds;
  /** First day of the current dispatch round, `null` when the rule is off. */
  readonly roundStart: IsoDate | null;
  /** Equal reasons, shared between tasks. */
  readonly reasons: ReasonCache;
  /** One-reason lists, shared between tasks with the same single reason. */
  readonly singles: Map<Reason, readonly Reason[]>;
}

/** Resolves options against the defaults for one status date, with empty reason caches. */
export function resolveLightSettings(options: LightsOptions, statusDate: IsoDate): LightSettings {
  return {
    thresholds: { ...DEFAULT_LIGHT_THRESHOLDS, ...options.thresholds },
    roundStart: roundStart(options.dispatchRound ?? "weekly", statusDate),
    reasons: new Map(),
    singles: new Map(),
  };
}

/** {@link taskLight} with settings resolved once, for lighting many tasks at one status date. */
export function taskLightWith(
  task: LightTask,
  statusDate: IsoDate,
  calendar: LightsCalendar,
  settings: LightSettings,
): TaskLight {
  const th = settings.thresholds;
  const cache = settings.reasons;
  const T = statusDate;
  const claimed = task.status === "done" && task.completion === "claimed";
  if (task.status === "done" && !claimed)
    return result(task, null, "blue", one(settings, sharedReason(cache, "DONE")));
  const planned = plannedProgress(task, T, calendar);
  // Reasons collect in two module-level scratch lists, copied out only when there are several.
  const red = RED;
  const yellow = YELLOW;
  red.length = 0;
  yellow.length = 0;
  if (task.status === "suspended") {
    pushOverdueSupervision(task, T, cache, red);
    if (red.length) return result(task, planned, "red", take(settings, red));
    return result(task, planned, "grey", one(settings, sharedReason(cache, "SUSPENDED")));
  }

  const notStarted = task.status === "not_started";
  const behind = planned === null ? null : planned - task.percent;
  const float = task.totalFloat ?? null;
  if (task.deadline && task.deadline < T) {
    const overdueWorkdays = calendar.workdaysBetween(task.deadline, T);
    red.push(sharedReason(cache, "PAST_DEADLINE", task.deadline, overdueWorkdays));
  }
  if (notStarted && task.lateStart && task.lateStart < T) {
    red.push(sharedReason(cache, "LATE_START_PASSED", task.lateStart));
  }
  if (!claimed && float !== null && float < 0) red.push(sharedReason(cache, "NEGATIVE_FLOAT", float));
  if (behind !== null && behind > th.redBehindPoints + EPS)
    red.push(behindPlan(cache, planned!, task.percent, th.redBehindPoints));
  pushOverdueSupervision(task, T, cache, red);
  const awaiting = claimed ? sharedReason(cache, "AWAITING_CONFIRMATION", task.actualFinish ?? "") : null;
  if (awaiting && red.length) red.push(awaiting);
  if (red.length) return result(task, planned, "red", take(settings, red));

  if (task.deadline && task.deadline >= T) {
    const workdaysLeft = calendar.workdaysBetween(T, task.deadline);
    if (workdaysLeft <= th.deadlineSoonWorkdays) {
      yellow.push(sharedReason(cache, "DEADLINE_SOON", task.deadline, workdaysLeft));
    }
  }
  if (behind !== null && behind > th.yellowBehindPoints + EPS) {
    yellow.push(behindPlan(cache, planned!, task.percent, th.yellowBehindPoints));
  }
  const since = settings.roundStart;
  if (since && task.status === "in_progress" && !(task.actualStart && task.actualStart >= since)) {
    const last = task.lastReportDate ?? null;
    if (!last || last < since || last > T) {
      yellow.push(sharedReason(cache, "NO_REPORT_THIS_ROUND", since, last ?? ""));
    }
  }
  if (!claimed && float !== null && float <= th.lowFloatWorkdays)
    yellow.push(sharedReason(cache, "LOW_FLOAT", float));
  if (awaiting && yellow.length) yellow.push(awaiting);
  if (yellow.length) return result(task, planned, "yellow", take(settings, yellow));
  if (awaiting) return result(task, planned, "green", one(settings, awaiting));

  const due = task.lateStart ?? task.baselineStart;
  if (notStarted && due && due > T) {
    return result(task, planned, "grey", one(settings, sharedReason(cache, "NOT_YET_DUE", due)));
  }
  const onTrack = sharedReason(cache, "ON_TRACK", planned ?? "", task.percent);
  return result(task, planned, "green", one(settings, onTrack));
}

function behindPlan(cache: ReasonCache, planned: Percent, percent: Percent, threshold: number): Reason {
  return sharedReason(cache, "BEHIND_PLAN", planned, percent, planned - percent, threshold);
}

function result(
  task: LightTask,
  planned: Percent | null,
  color: LightColor,
  reasons: readonly Reason[],
): TaskLight {
  return {
    taskId: task.id,
    taskForceId: task.taskForceId,
    summary: false,
    plannedProgress: planned,
    color,
    reasons,
  };
}

/** The shared one-element list of `r` (most tasks have a single, shared reason). */
function one(settings: LightSettings, r: Reason): readonly Reason[] {
  let l = settings.singles.get(r);
  if (!l) {
    l = Object.freeze([r]);
    settings.singles.set(r, l);
  }
  return l;
}

const RED: Reason[] = [];
const YELLOW: Reason[] = [];

/** The reasons gathered in a scratch list, as a list of their own (shared when there is one). */
function take(settings: LightSettings, scratch: Reason[]): readonly Reason[] {
  return scratch.length === 1 ? one(settings, scratch[0]!) : scratch.slice();
}

/** Appends to `out` a reason for each of the task's supervision items past due (due date < T) and not verified. */
export function pushOverdueSupervision(
  task: LightTask,
  statusDate: IsoDate,
  cache: ReasonCache,
  out: Reason[],
): void {
  const items = task.supervision;
  for (let k = 0; k < items.length; k++) {
    const item = items[k]!;
    if (item.state !== "verified" && item.dueDate < statusDate) {
      const supervisionId = item.id ?? `${task.id}#${k + 1}`;
      out.push(
        sharedReason(cache, "SUPERVISION_OVERDUE", item.dueDate, supervisionId, item.code ?? supervisionId),
      );
    }
  }
}
