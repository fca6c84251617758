import { emptyCounts, type IsoDate, type Light } from "../../engines/index.js";
import type { PendingExtension } from "../../shared/api/extensions.js";
import type { BattleMapOutline, ScheduleRun } from "../../shared/api/schedule.js";
import { readScope } from "../accounts/scope.js";
import { baselineNumbersOf, baselineSpans } from "../baselines/baseline.repository.js";
import { pendingExtensionsOf } from "../chasing/extension.repository.js";
import { lightsById } from "../closed-loop/closed-loop.service.js";
import { closedLoopData } from "../closed-loop/closed-loop.snapshot.js";
import { readerOf, type ServiceContext } from "../context.js";
import { organisationStatusDate } from "../settings/settings.service.js";
import type { TaskForce } from "../task-forces/task-force.js";
import { readTaskForces } from "../task-forces/task-force.repository.js";
import { getTaskForce } from "../task-forces/task-force.service.js";
import type { Dependency, Task } from "../tasks/task.js";
import {
  dependencyRowsOf,
  readTaskCoUnits,
  readTaskIndicators,
  taskRowsOf,
} from "../tasks/task.repository.js";
import { schedulesAt, taskSchedulesOf, withSchedule } from "./schedule-read-model.js";

/** Filters of the battle map. */
export interface BattleMapFilter {
  readonly taskForceId?: readonly string[];
  readonly responsibleUnitId?: readonly string[];
  readonly responsiblePersonId?: readonly string[];
  readonly criticalOnly?: boolean;
  /** The date the schedule and lights are computed at (default: the organisation's status date). */
  readonly statusDate?: IsoDate;
  /** Baseline numbers to compare (at most two). */
  readonly baselines?: readonly number[];
}

/** Everything the battle map draws: task forces with their schedule run, tasks, dependencies, lights. */
export interface BattleMap {
  readonly statusDate: string;
  readonly taskForces: (TaskForce & { schedule: ScheduleRun | null })[];
  readonly tasks: Task[];
  readonly dependencies: Dependency[];
  /** Lights of the tasks and task forces shown, with their reasons. */
  readonly lights: { tasks: Record<string, Light>; taskForces: Record<string, Light> };
  readonly baselineNumbers: number[];
  readonly compared: { number: number; tasks: Record<string, { start: string; finish: string }> }[];
  /** Pending 延期申请 of the tasks shown, by task id. */
  readonly pendingExtensions: Record<string, PendingExtension>;
}

export type { BattleMapOutline };
/** A task force's tasks folded into its row of the battle map (those passing the filters). */
export type TaskForceOutline = BattleMapOutline["outline"][string];

const byCode = <T extends { taskForceId: string; code: string }>(a: T, b: T) =>
  a.taskForceId < b.taskForceId
    ? -1
    : a.taskForceId > b.taskForceId
      ? 1
      : a.code < b.code
        ? -1
        : a.code > b.code
          ? 1
          : 0;

/**
 * The battle map of every task force the caller may read (all for leaders and the supervision
 * office), narrowed by the filters, at the requested status date: schedule dates, float, critical
 * flags and lights are all computed at that date. Naming a task force the caller may not read is
 * refused (403), not answered with an empty map. Dependencies are those between the tasks shown.
 */
export async function readBattleMap(ctx: ServiceContext, filter: BattleMapFilter): Promise<BattleMap> {
  const db = readerOf(ctx);
  const { ids, statusDate, shown: none } = await scopeOf(ctx, filter);
  if (none) return { ...none, tasks: [], dependencies: [], compared: [], pendingExtensions: {} };
  const { schedules, computed, passes } = await schedulesFor(ctx, ids, statusDate, filter);
  const rows = (await taskRowsOf(db, ids)).filter(passes).sort(byCode);
  const coUnits = await readTaskCoUnits(
    db,
    rows.map((r) => r.id),
  );
  const linked = await readTaskIndicators(
    db,
    rows.map((r) => r.id),
  );
  const tasks = rows.map((r) =>
    withSchedule(
      { ...r, coUnitIds: coUnits.get(r.id) ?? [], indicatorIds: linked.get(r.id) ?? [] },
      computed,
    ),
  );
  const shown = new Set(tasks.map((t) => t.id));
  const dependencies = (await dependencyRowsOf(db, ids))
    .filter((d) => shown.has(d.predecessorId) && shown.has(d.successorId))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const taskForces = (await readTaskForces(db, ids)).map((tf) => ({
    ...tf,
    schedule: schedules.get(tf.id)?.run ?? null,
    scheduleProblems: [...(schedules.get(tf.id)?.problems ?? [])],
  }));
  const all = await lightsById(ctx, ids, statusDate);
  const numbers = [...new Set(filter.baselines ?? [])].slice(0, 2);
  const compared: BattleMap["compared"] = numbers.map((number) => ({ number, tasks: {} }));
  if (numbers.length)
    for (const s of await baselineSpans(db, ids, numbers))
      if (shown.has(s.taskId)) {
        const c = compared.find((x) => x.number === s.number);
        if (c) c.tasks[s.taskId] = { start: s.start, finish: s.finish };
      }
  const pending = await pendingExtensionsOf(db, ids);
  return {
    baselineNumbers: await baselineNumbersOf(db, ids),
    pendingExtensions: Object.fromEntries(Object.entries(pending).filter(([taskId]) => shown.has(taskId))),
    compared,
    statusDate,
    taskForces,
    tasks,
    dependencies,
    lights: {
      tasks: Object.fromEntries(tasks.flatMap((t) => (all.tasks[t.id] ? [[t.id, all.tasks[t.id]]] : []))),
      taskForces: all.taskForces,
    },
  };
}

/**
 * The battle map's outline (see {@link BattleMapOutline}) under the same scope and filters as
 * {@link readBattleMap}: the tasks are folded from the closed-loop snapshot, so a province's
 * outline selects no task rows.
 */
export async function readBattleMapOutline(
  ctx: ServiceContext,
  filter: BattleMapFilter,
): Promise<BattleMapOutline> {
  const { ids, statusDate, shown: none } = await scopeOf(ctx, filter);
  if (none) return { ...none, tasks: [], dependencies: [], compared: [], pendingExtensions: {}, outline: {} };
  const { schedules, computed, passes } = await schedulesFor(ctx, ids, statusDate, filter);
  return outlineOf(ctx, ids, statusDate, schedules, computed, passes);
}
/** The task forces the caller may read among those named (403 for one they may not), and the date. */
async function scopeOf(ctx: ServiceContext, filter: BattleMapFilter) {
  for (const id of filter.taskForceId ?? []) await getTaskForce(ctx, id);
  const ids = readScope(ctx, filter.taskForceId);
  const statusDate = filter.statusDate ?? (await organisationStatusDate(ctx));
  const empty = {
    statusDate,
    taskForces: [],
    lights: { tasks: {}, taskForces: {} },
    baselineNumbers: [],
  };
  return { ids, statusDate, shown: ids && ids.length === 0 ? empty : null };
}

/** The schedules at the date, and which tasks pass the filters (unit, person, critical chain). */
async function schedulesFor(
  ctx: ServiceContext,
  ids: readonly string[] | null,
  statusDate: IsoDate,
  filter: BattleMapFilter,
) {
  const schedules = await schedulesAt(ctx, ids, statusDate);
  const computed = taskSchedulesOf(schedules);
  const units = filter.responsibleUnitId && new Set(filter.responsibleUnitId);
  const persons = filter.responsiblePersonId && new Set(filter.responsiblePersonId);
  const passes = (t: { id: string; responsibleUnitId: string | null; responsiblePersonId: string | null }) =>
    (!units || (t.responsibleUnitId !== null && units.has(t.responsibleUnitId))) &&
    (!persons || (t.responsiblePersonId !== null && persons.has(t.responsiblePersonId))) &&
    (!filter.criticalOnly || computed.get(t.id)?.critical === true);
  return { schedules, computed, passes };
}

const briefRun = (run: ScheduleRun | undefined) =>
  run ? { feasible: run.feasible, error: run.error, earliestFinish: run.earliestFinish } : null;

async function outlineOf(
  ctx: ServiceContext,
  ids: readonly string[] | null,
  statusDate: IsoDate,
  schedules: Awaited<ReturnType<typeof schedulesAt>>,
  computed: ReturnType<typeof taskSchedulesOf>,
  passes: (t: {
    id: string;
    responsibleUnitId: string | null;
    responsiblePersonId: string | null;
  }) => boolean,
): Promise<BattleMapOutline> {
  const db = readerOf(ctx);
  const data = await closedLoopData(ctx, ids);
  const all = await lightsById(ctx, ids, statusDate);
  const outline: Record<string, TaskForceOutline> = {};
  for (const t of data.tasks) {
    if (!passes(t)) continue;
    let o = outline[t.taskForceId];
    if (!o) {
      o = {
        tasks: 0,
        lights: emptyCounts(),
        start: null,
        finish: null,
      };
      outline[t.taskForceId] = o;
    }
    o.tasks++;
    const color = all.tasks[t.id]?.color;
    if (color) o.lights[color]++;
    // Fields read one by one: a spread copy per task was a fifth of a province's outline.
    const c = computed.get(t.id);
    for (const v of [c?.earlyStart, c?.earlyFinish, t.baselineStart, t.baselineFinish, c?.lateFinish]) {
      if (!v) continue;
      if (o.start === null || v < o.start) o.start = v;
      if (o.finish === null || v > o.finish) o.finish = v;
    }
  }
  // Brief: a province's task-book texts and lights' reasons are megabytes nobody reads folded.
  return {
    statusDate,
    taskForces: (await readTaskForces(db, ids)).map((tf) => ({
      id: tf.id,
      code: tf.code,
      name: tf.name,
      startDate: tf.startDate,
      deadline: tf.deadline,
      schedule: briefRun(schedules.get(tf.id)?.run),
      scheduleProblems: [...(schedules.get(tf.id)?.problems ?? [])],
    })),
    tasks: [],
    dependencies: [],
    lights: {
      tasks: {},
      taskForces: Object.fromEntries(
        Object.entries(all.taskForces).map(([id, l]) => [id, { color: l.color, reasons: [] }]),
      ),
    },
    baselineNumbers: await baselineNumbersOf(db, ids),
    compared: [],
    pendingExtensions: {},
    outline,
  };
}
