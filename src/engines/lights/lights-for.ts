/**
 * Lights for a whole picture: every task (summary tasks from their sub-tasks), every indicator, and
 * every task force from its tasks and indicators.
 */
import type { IsoDate } from "../indicators/dates.js";
import { indicatorProgress } from "../indicators/progress.js";
import { LIGHT_SEVERITY, type LightColor, type Reason } from "./light.js";
import { taskLight } from "./task-light.js";
import { taskReasons as R } from "./task-reasons.js";
import type {
  IndicatorLight,
  LightsCalendar,
  LightsInput,
  LightsOptions,
  LightsResult,
  LightTask,
  TaskForceLight,
  TaskLight,
} from "./types.js";

/** A fresh zero count per colour. */
export function emptyCounts(): Record<LightColor, number> {
  return { red: 0, yellow: 0, green: 0, grey: 0, blue: 0 };
}

/**
 * Lights every task, indicator and task force at `statusDate`.
 * - Leaf tasks: {@link taskLight}.
 * - Summary tasks (any task another task names as `parentId`): the worst colour
 *   ({@link LIGHT_SEVERITY}: red > yellow > green > grey > blue) among their sub-tasks' lights and
 *   their own `SUPERVISION_OVERDUE` and (unless every sub-task is done) `PAST_DEADLINE` checks; reasons are one `CHILD_LIGHT` per sub-task
 *   at that colour plus the own reasons at it. A summary is blue only when every sub-task is blue;
 *   its own percent and status are not used (they are derived from the sub-tasks).
 * - Indicators: `indicatorProgress(...).light`.
 * - Task forces: the worst colour among all their tasks (every level) and indicators, with one
 *   `TASK_LIGHT` / `INDICATOR_LIGHT` reason per item at that colour (leaf tasks only, so a red leaf is not
 *   repeated by its parents); grey `EMPTY_TASK_FORCE` when there is nothing to light. Hence a task
 *   force is never lighter than any of its tasks, and blue only when everything in it is done.
 * A `parentId` naming an unknown task, or a parent cycle, makes the task a leaf of its own.
 */
export function lightsFor(
  input: LightsInput,
  statusDate: IsoDate,
  options: LightsOptions = {},
): LightsResult {
  const tasks = lightTasks(input.tasks, statusDate, input.calendar, options);
  const indicators: IndicatorLight[] = (input.indicators ?? []).map(({ indicator, readings }) => {
    const progress = indicatorProgress(indicator, readings, statusDate, options.indicator);
    return {
      indicatorId: indicator.id,
      taskForceId: indicator.taskForceId ?? null,
      color: progress.light.color,
      reasons: progress.light.reasons,
      progress,
    };
  });
  const byForce = new Map<string, { tasks: TaskLight[]; indicators: IndicatorLight[] }>();
  for (const tf of input.taskForces) byForce.set(tf.id, { tasks: [], indicators: [] });
  for (const l of tasks) byForce.get(l.taskForceId)?.tasks.push(l);
  for (const l of indicators) if (l.taskForceId !== null) byForce.get(l.taskForceId)?.indicators.push(l);
  const codeOf = new Map(input.tasks.map((t) => [t.id, t.code || t.id]));
  const taskForces = input.taskForces.map((tf) => taskForceLight(tf.id, byForce.get(tf.id)!, codeOf));
  return { tasks, indicators, taskForces };
}

function lightTasks(
  tasks: readonly LightTask[],
  statusDate: IsoDate,
  calendar: LightsCalendar,
  options: LightsOptions,
): TaskLight[] {
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const children = new Map<string, LightTask[]>();
  for (const t of tasks) {
    if (t.parentId && t.parentId !== t.id && byId.has(t.parentId)) {
      const list = children.get(t.parentId);
      if (list) list.push(t);
      else children.set(t.parentId, [t]);
    }
  }
  const done = new Map<string, TaskLight>();
  const visiting = new Set<string>();
  const visit = (task: LightTask): TaskLight => {
    const memo = done.get(task.id);
    if (memo) return memo;
    visiting.add(task.id);
    const kids = (children.get(task.id) ?? []).filter((c) => !visiting.has(c.id));
    const result = kids.length
      ? summaryLight(task, kids.map(visit), statusDate, calendar, options)
      : {
          taskId: task.id,
          taskForceId: task.taskForceId,
          summary: false,
          ...taskLight(task, statusDate, calendar, options),
        };
    visiting.delete(task.id);
    done.set(task.id, result);
    return result;
  };
  return tasks.map(visit);
}

function summaryLight(
  task: LightTask,
  kids: readonly TaskLight[],
  statusDate: IsoDate,
  calendar: LightsCalendar,
  options: LightsOptions,
): TaskLight {
  // The summary's own checks: only what does not depend on its (derived) status and percent.
  const own = taskLight(
    {
      ...task,
      status: "in_progress",
      percent: 100,
      baselineStart: null,
      lateStart: null,
      totalFloat: null,
      lastReportDate: null,
    },
    statusDate,
    calendar,
    { ...options, dispatchRound: "off" },
  );
  const kidsDone = kids.every((k) => k.color === "blue");
  const ownRed = own.reasons.filter(
    (r) => r.code === "SUPERVISION_OVERDUE" || (r.code === "PAST_DEADLINE" && !kidsDone),
  );
  let color: LightColor = ownRed.length ? "red" : "blue";
  for (const k of kids) if (LIGHT_SEVERITY[k.color] > LIGHT_SEVERITY[color]) color = k.color;
  const t = task.code || task.id;
  const reasons: Reason[] = color === "red" ? [...ownRed] : [];
  for (const k of kids) if (k.color === color) reasons.push(R.child(t, k.taskId, color, k.reasons[0]));
  return {
    taskId: task.id,
    taskForceId: task.taskForceId,
    summary: true,
    plannedProgress: null,
    color,
    reasons,
  };
}

function taskForceLight(
  taskForceId: string,
  items: { tasks: TaskLight[]; indicators: IndicatorLight[] },
  codeOf: ReadonlyMap<string, string>,
): TaskForceLight {
  const taskCounts = emptyCounts();
  const indicatorCounts = emptyCounts();
  let worst = -1;
  for (const l of items.tasks) {
    taskCounts[l.color]++;
    worst = Math.max(worst, LIGHT_SEVERITY[l.color]);
  }
  for (const l of items.indicators) {
    indicatorCounts[l.color]++;
    worst = Math.max(worst, LIGHT_SEVERITY[l.color]);
  }
  const counts = emptyCounts();
  for (const c of Object.keys(counts) as LightColor[]) counts[c] = taskCounts[c] + indicatorCounts[c];
  if (worst < 0)
    return { taskForceId, color: "grey", reasons: [R.empty()], counts, taskCounts, indicatorCounts };
  const color = (Object.keys(LIGHT_SEVERITY) as LightColor[]).find((c) => LIGHT_SEVERITY[c] === worst)!;
  const reasons: Reason[] = [];
  for (const l of items.tasks) {
    if (l.color !== color) continue;
    // A summary's CHILD_LIGHT reasons repeat its leaves; list a summary only for its own reasons.
    const first = l.summary ? l.reasons.find((r) => r.code !== "CHILD_LIGHT") : l.reasons[0];
    if (!l.summary || first) reasons.push(R.taskLight(codeOf.get(l.taskId)!, color, first));
  }
  for (const l of items.indicators) {
    if (l.color === color) reasons.push(R.indicatorLight(l.indicatorId, color, l.reasons[0]));
  }
  return { taskForceId, color, reasons, counts, taskCounts, indicatorCounts };
}
