/**
 * Lights for a whole picture: every task (summary tasks from their sub-tasks), every indicator, and
 * every task force from its tasks and indicators.
 */
import type { IsoDate } from "../indicators/dates.js";
import { indicatorProgress } from "../indicators/progress.js";
import { LIGHT_COLORS_WORST_FIRST, LIGHT_SEVERITY, type LightColor, type Reason } from "./light.js";
import {
  type LightSettings,
  pushOverdueSupervision,
  resolveLightSettings,
  taskLightWith,
} from "./task-light.js";
import { taskReasons as R, sharedReason } from "./task-reasons.js";
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
 * - Leaf tasks: `taskLight`.
 * - Summary tasks (any task another task names as `parentId`): the worst colour
 *   ({@link LIGHT_SEVERITY}: red > yellow > green > grey > blue) among their sub-tasks' lights and
 *   their own `SUPERVISION_OVERDUE` and (unless every sub-task is done) `PAST_DEADLINE` checks;
 *   reasons are one `CHILD_LIGHT` per sub-task at that colour plus the own reasons at it. A summary
 *   is blue only when every sub-task is blue; its own percent and status are not used (they are
 *   derived from the sub-tasks).
 * - Indicators: `indicatorProgress(...).light`.
 * - Task forces: the worst colour among all their tasks (every level) and indicators, with one
 *   `TASK_LIGHT` / `INDICATOR_LIGHT` reason per item at that colour (leaf tasks only, so a red leaf is not
 *   repeated by its parents), at most `maxTaskForceReasons` (default 10) of them, then one `MORE_ITEMS`
 *   reason with the count of the rest (the counts and the items' own lights carry the full picture);
 *   grey `EMPTY_TASK_FORCE` when there is nothing to light. Hence a task force is never lighter than
 *   any of its tasks, and blue only when everything in it is done.
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
  // Group by task force through indices (tasks[i] is input.tasks[i]'s light).
  const byForce = new Map<string, { tasks: number[]; indicators: IndicatorLight[] }>();
  for (const tf of input.taskForces) byForce.set(tf.id, { tasks: [], indicators: [] });
  for (let i = 0; i < tasks.length; i++) byForce.get(tasks[i]!.taskForceId)?.tasks.push(i);
  for (const l of indicators) if (l.taskForceId !== null) byForce.get(l.taskForceId)?.indicators.push(l);
  const taskForces = input.taskForces.map((tf) =>
    taskForceLight(tf.id, byForce.get(tf.id)!, input.tasks, tasks, options.maxTaskForceReasons ?? 10),
  );
  return { tasks, indicators, taskForces };
}

function lightTasks(
  tasks: readonly LightTask[],
  statusDate: IsoDate,
  calendar: LightsCalendar,
  options: LightsOptions,
): TaskLight[] {
  const settings = resolveLightSettings(options, statusDate);
  const n = tasks.length;
  const index = new Map<string, number>();
  for (let i = 0; i < n; i++) index.set(tasks[i]!.id, i);
  // Children as index lists; one Map lookup per task, the rest is array work.
  const children: (number[] | undefined)[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const t = tasks[i]!;
    const p = t.parentId && t.parentId !== t.id ? index.get(t.parentId) : undefined;
    if (p === undefined) continue;
    const list = children[p];
    if (list) list.push(i);
    else children[p] = [i];
  }
  const out: TaskLight[] = new Array(n);
  const state = new Uint8Array(n); // 0 new, 1 visiting, 2 done
  const visit = (i: number): TaskLight => {
    if (state[i] === 2) return out[i]!;
    const task = tasks[i]!;
    const list = children[i];
    let result: TaskLight;
    if (!list) {
      result = taskLightWith(task, statusDate, calendar, settings);
    } else {
      state[i] = 1;
      const kids: TaskLight[] = [];
      const kidCodes: string[] = [];
      for (const c of list)
        if (state[c] !== 1) {
          kids.push(visit(c));
          kidCodes.push(tasks[c]!.code || tasks[c]!.id);
        }
      result = kids.length
        ? summaryLight(task, kids, kidCodes, statusDate, calendar, settings)
        : taskLightWith(task, statusDate, calendar, settings);
    }
    state[i] = 2;
    out[i] = result;
    return result;
  };
  for (let i = 0; i < n; i++) visit(i);
  return out;
}

function summaryLight(
  task: LightTask,
  kids: readonly TaskLight[],
  /** Each kid's WBS code (its id when it has none), for the reasons' text. */
  kidCodes: readonly string[],
  statusDate: IsoDate,
  calendar: LightsCalendar,
  settings: LightSettings,
): TaskLight {
  // The summary's own checks: only what does not depend on its (derived) status and percent.
  let kidsDone = true;
  for (const k of kids) if (k.color !== "blue") kidsDone = false;
  const ownRed: Reason[] = [];
  pushOverdueSupervision(task, statusDate, settings.reasons, ownRed);
  if (!kidsDone && task.deadline && task.deadline < statusDate) {
    const overdueWorkdays = calendar.workdaysBetween(task.deadline, statusDate);
    ownRed.unshift(sharedReason(settings.reasons, "PAST_DEADLINE", task.deadline, overdueWorkdays));
  }
  let color: LightColor = ownRed.length ? "red" : "blue";
  for (const k of kids) if (LIGHT_SEVERITY[k.color] > LIGHT_SEVERITY[color]) color = k.color;
  const reasons: Reason[] = color === "red" ? [...ownRed] : [];
  kids.forEach((k, i) => {
    if (k.color === color) reasons.push(R.child(kidCodes[i] ?? k.taskId, color, k.reasons[0]));
  });
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
  items: { tasks: number[]; indicators: IndicatorLight[] },
  inputs: readonly LightTask[],
  lights: readonly TaskLight[],
  max: number,
): TaskForceLight {
  // Count by severity in arrays (hot loop), then name the colours once.
  const byTask = [0, 0, 0, 0, 0];
  const byIndicator = [0, 0, 0, 0, 0];
  for (const i of items.tasks) byTask[LIGHT_SEVERITY[lights[i]!.color]]!++;
  for (const l of items.indicators) byIndicator[LIGHT_SEVERITY[l.color]]!++;
  const named = (xs: number[]) => ({
    red: xs[4]!,
    yellow: xs[3]!,
    green: xs[2]!,
    grey: xs[1]!,
    blue: xs[0]!,
  });
  const taskCounts = named(byTask);
  const indicatorCounts = named(byIndicator);
  const counts = named(byTask.map((x, k) => x + byIndicator[k]!));
  let worst = -1;
  for (let k = 4; k >= 0 && worst < 0; k--) if (byTask[k]! + byIndicator[k]! > 0) worst = k;
  if (worst < 0) {
    return { taskForceId, color: "grey", reasons: [R.empty()], counts, taskCounts, indicatorCounts };
  }
  const color = LIGHT_COLORS_WORST_FIRST[4 - worst]!;
  // Name at most `max` items (tasks first, then indicators); say how many more there are.
  const reasons: Reason[] = [];
  let more = 0;
  for (const i of items.tasks) {
    const l = lights[i]!;
    if (l.color !== color) continue;
    // A summary's CHILD_LIGHT reasons repeat its leaves; list a summary only for its own reasons.
    const first = l.summary ? l.reasons.find((r) => r.code !== "CHILD_LIGHT") : l.reasons[0];
    if (l.summary && !first) continue;
    if (reasons.length < max) reasons.push(R.taskLight(inputs[i]!.code || l.taskId, color, first));
    else more++;
  }
  for (const l of items.indicators) {
    if (l.color !== color) continue;
    if (reasons.length < max) reasons.push(R.indicatorLight(l.indicatorId, color, l.reasons[0]));
    else more++;
  }
  if (more > 0) reasons.push(R.more(more, color));
  return { taskForceId, color, reasons, counts, taskCounts, indicatorCounts };
}
