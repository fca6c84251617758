/**
 * Schedules (倒排工期) computed when read, at the status date the reader asks for: early and late
 * dates, float, critical flags and slippage of every task, and each task force's run (feasible,
 * critical chain, what was skipped, why it could not be scheduled). Nothing computed is stored, so
 * the battle map, the lights, the task book and the task lists agree at any status date, and an
 * edit costs no re-scheduling writes. Outside a write the plans come from the closed-loop
 * snapshot and each task force's schedule is remembered until its plan changes.
 */
import type { DatabaseHandle } from "../../db/connection.js";
import {
  buildWorkCalendar,
  type CalendarSpec,
  type IsoDate,
  ScheduleInputError,
  type ScheduleOutput,
  schedule,
} from "../../engines/index.js";
import type { ScheduleRun } from "../../shared/api/schedule.js";
import { AppError, type ErrorDetail } from "../../shared/errors.js";
import { hasMessage, ruleDetail } from "../../shared/messages.js";
import { isSupportedDate } from "../../vocabulary/index.js";
import { groupByTaskForce } from "../closed-loop/closed-loop.input.js";
import {
  type ClosedLoopDependency,
  type ClosedLoopTask,
  type PlanData,
  readPlans,
} from "../closed-loop/closed-loop.repository.js";
import { type ClosedLoopView, closedLoopData, planStamps } from "../closed-loop/closed-loop.snapshot.js";
import type { ServiceContext, WriteContext } from "../context.js";
import { calendarOf, organisationSettings, organisationStatusDate } from "../settings/settings.service.js";
import type { TaskForce } from "../task-forces/task-force.js";
import { NO_SCHEDULE, type TaskSchedule } from "../tasks/task.js";
import { scheduleFileOf } from "./schedule-input.js";

export type { ScheduleRun };

/** One task force's schedule at a status date. */
export interface TaskForceSchedule {
  readonly run: ScheduleRun;
  /** Computed fields of each task the run placed (others: {@link NO_SCHEDULE}). */
  readonly tasks: ReadonlyMap<string, TaskSchedule>;
  /** Why the plan cannot be placed, task by task (by WBS code) and field; empty when it can. */
  readonly problems: readonly ErrorDetail[];
}

/** Engine problems name tasks by position; our users know them by WBS code. */
function problemsOf(
  e: ScheduleInputError,
  tasks: readonly ClosedLoopTask[],
  file: { tasks: readonly { id: string }[] },
) {
  const code = (i: string) => {
    const id = file.tasks[Number(i)]?.id;
    return tasks.find((t) => t.id === id)?.code ?? id ?? i;
  };
  // The path names the task by code; the engine's own label (its id and position) is dropped.
  return e.details.map((d): ErrorDetail => {
    const path = d.path.replace(/^tasks\[(\d+)\]/, (_m, i: string) => `task ${code(i)}`);
    const message = d.message.replace(/^task "(?:[^"\\]|\\.)*" \(tasks\[\d+\]\) |^tasks\[\d+\] /, "");
    // People read the engine's problem code in their language; the date is the one it names.
    const key = d.key && hasMessage(d.key) ? d.key : undefined;
    const date = /\d{4}-\d{2}-\d{2}/.exec(message)?.[0] ?? null;
    return key ? { path, message, key, params: { date } } : { path, message };
  });
}

/** The tasks a run placed outside the years the API answers, by WBS code and the first such date. */
function placedOutOfRange(out: ScheduleOutput, tasks: readonly ClosedLoopTask[]): ErrorDetail[] {
  const codes = new Map(tasks.map((t) => [t.id, t.code]));
  return out.tasks.flatMap((r) => {
    const field = (["lateStart", "earlyStart", "earlyFinish", "lateFinish"] as const).find(
      (f) => !isSupportedDate(r[f]),
    );
    if (!field) return [];
    return [
      ruleDetail(`task ${codes.get(r.id) ?? r.id}.${field}`, "scheduledOutOfRange", { date: r[field] }),
    ];
  });
}

/** Schedules one task force's plan (pure: records in, schedule out). */
export function computeTaskForceSchedule(
  taskForce: TaskForce,
  tasks: readonly ClosedLoopTask[],
  dependencies: readonly ClosedLoopDependency[],
  calendar: CalendarSpec,
  at: { readonly statusDate: IsoDate; readonly computedAt: string },
): TaskForceSchedule {
  const { file, skipped } = scheduleFileOf(taskForce, tasks, dependencies, calendar, at.statusDate);
  const base = { taskForceId: taskForce.id, computedAt: at.computedAt, statusDate: at.statusDate, skipped };
  // A plan that cannot be placed has no dates, and the run says why.
  const unplaced = (problems: readonly ErrorDetail[], reason: string): TaskForceSchedule => ({
    run: {
      ...base,
      projectStart: file.projectStart,
      deadline: taskForce.deadline,
      earliestFinish: file.projectStart,
      feasible: false,
      minFloat: 0,
      criticalPath: [],
      error: `cannot schedule: ${problems[0]?.path ?? ""} ${problems[0]?.message ?? reason}`,
    },
    tasks: new Map(),
    problems,
  });
  let out: ScheduleOutput;
  try {
    out = schedule(file);
  } catch (e) {
    if (!(e instanceof ScheduleInputError)) throw e;
    // E.g. a deadline before the start.
    return unplaced(problemsOf(e, tasks, file), e.message);
  }
  // Dates past 2999-12-31 (long tasks in a chain, a status date late in 2999) could not be answered.
  const outside = placedOutOfRange(out, tasks);
  if (outside.length) return unplaced(outside, "");
  const workdays = buildWorkCalendar(calendar, { origin: out.projectStart });
  const baselineFinish = new Map(tasks.map((t) => [t.id, t.baselineFinish]));
  const byTask = new Map<string, TaskSchedule>();
  for (const r of out.tasks) {
    const baseline = baselineFinish.get(r.id);
    byTask.set(r.id, {
      earlyStart: r.earlyStart,
      earlyFinish: r.earlyFinish,
      lateStart: r.lateStart,
      lateFinish: r.lateFinish,
      totalFloat: r.totalFloat,
      critical: r.critical,
      slippage: baseline ? workdays.workdaysBetween(baseline, r.earlyFinish) : null,
    });
  }
  const run: ScheduleRun = {
    ...base,
    projectStart: out.projectStart,
    deadline: out.deadline,
    earliestFinish: out.earliestFinish,
    feasible: out.feasible,
    minFloat: out.minFloat,
    criticalPath: [...out.criticalPath],
    error: null,
  };
  return { run, tasks: byTask, problems: [] };
}

/** Schedules remembered per database: key → the plan stamp they were computed for. */
const remembered = new WeakMap<DatabaseHandle, Map<string, { stamp: number; value: TaskForceSchedule }>>();
const REMEMBERED_MAX = 5000;

/**
 * The schedules of task forces `ids` (all the caller's data holds when null) at `statusDate`. A
 * schedule is reused while its task force's plan, the calendar and the status date are unchanged.
 */
export async function schedulesAt(
  ctx: ServiceContext,
  ids: readonly string[] | null,
  statusDate: IsoDate,
): Promise<Map<string, TaskForceSchedule>> {
  // Inside a write only the plans are read, from its transaction.
  if (ctx.uow) return schedulesOf(ctx, await readPlans(ctx.uow.db, ids), statusDate);
  // Outside, the remembered schedules of unchanged plans are used without selecting any records.
  const stamps = await planStamps(ctx);
  const calendarKey = JSON.stringify(calendarOf(await organisationSettings(ctx)));
  const memo = rememberedOf(ctx);
  const out = new Map<string, TaskForceSchedule>();
  const missing: string[] = [];
  for (const id of ids ?? stamps.keys()) {
    const hit = memo.get(keyOf(id, statusDate, calendarKey));
    if (hit && hit.stamp === stamps.get(id)) out.set(id, hit.value);
    else if (stamps.has(id)) missing.push(id);
  }
  if (missing.length === 0) return out;
  for (const [id, s] of await schedulesOf(ctx, await closedLoopData(ctx, missing), statusDate))
    out.set(id, s);
  return out;
}

const keyOf = (taskForceId: string, statusDate: IsoDate, calendarKey: string) =>
  `${taskForceId}\u0000${statusDate}\u0000${calendarKey}`;

function rememberedOf(ctx: ServiceContext): Map<string, { stamp: number; value: TaskForceSchedule }> {
  let memo = remembered.get(ctx.database);
  if (!memo) {
    memo = new Map();
    remembered.set(ctx.database, memo);
  }
  return memo;
}

/** The schedules of the task forces of records the caller already holds (see {@link schedulesAt}). */
export async function schedulesOf(
  ctx: ServiceContext,
  data: PlanData & Pick<ClosedLoopView, "planStamps">,
  statusDate: IsoDate,
): Promise<Map<string, TaskForceSchedule>> {
  const calendar = calendarOf(await organisationSettings(ctx));
  const calendarKey = JSON.stringify(calendar);
  const tasksOf = groupByTaskForce(data.tasks);
  const depsOf = groupByTaskForce(data.dependencies);
  const memo = rememberedOf(ctx);
  const out = new Map<string, TaskForceSchedule>();
  for (const tf of data.taskForces) {
    const stamp = data.planStamps?.get(tf.id);
    const key = keyOf(tf.id, statusDate, calendarKey);
    const hit = stamp === undefined ? undefined : memo.get(key);
    if (hit && hit.stamp === stamp) {
      out.set(tf.id, hit.value);
      continue;
    }
    const value = computeTaskForceSchedule(tf, tasksOf.get(tf.id) ?? [], depsOf.get(tf.id) ?? [], calendar, {
      statusDate,
      computedAt: ctx.now(),
    });
    out.set(tf.id, value);
    if (stamp === undefined) continue;
    if (memo.size >= REMEMBERED_MAX) memo.delete(memo.keys().next().value!);
    memo.set(key, { stamp, value });
  }
  return out;
}

/** Every task's computed fields from a set of task-force schedules. */
export function taskSchedulesOf(
  schedules: ReadonlyMap<string, TaskForceSchedule>,
): Map<string, TaskSchedule> {
  const out = new Map<string, TaskSchedule>();
  for (const s of schedules.values()) for (const [id, t] of s.tasks) out.set(id, t);
  return out;
}

/** A task with its computed fields at the schedule's status date ({@link NO_SCHEDULE} when unplaced). */
export const withSchedule = <T extends { id: string }>(
  task: T,
  schedules: ReadonlyMap<string, TaskSchedule>,
) => ({
  ...task,
  ...(schedules.get(task.id) ?? NO_SCHEDULE),
});

/**
 * Refuses (422 `UNSCHEDULABLE`, with the scheduler's reason by WBS code) a change of a task force's
 * plan — `edit` applied to its records as they are in the write — that would leave the plan
 * impossible to schedule (a deadline before its start, say) where it could be scheduled before: such
 * a change would silently leave the battle map without dates. A plan already broken may still be
 * edited, to mend it. Call before writing the change.
 */
export async function assertPlanStaysSchedulable(
  w: WriteContext,
  taskForceId: string,
  edit: (plan: PlanData) => PlanData,
): Promise<void> {
  const before = await readPlans(w.uow.db, [taskForceId]);
  await assertPlansStaySchedulable(w, before, edit(before));
}

/**
 * {@link assertPlanStaysSchedulable} for the plans of many task forces changed at once (an import):
 * `before` and `after` hold the same task forces; each is scheduled once before and once after.
 */
export async function assertPlansStaySchedulable(
  w: WriteContext,
  before: PlanData,
  after: PlanData,
): Promise<void> {
  if (after.taskForces.length === 0) return;
  const calendar = calendarOf(await organisationSettings(w));
  const at = { statusDate: await organisationStatusDate(w), computedAt: w.now() };
  const tasksOf = groupBy(after.tasks);
  const depsOf = groupBy(after.dependencies);
  const wasOf = { tasks: groupBy(before.tasks), deps: groupBy(before.dependencies) };
  const beforeTf = new Map(before.taskForces.map((t) => [t.id, t]));
  for (const tf of after.taskForces) {
    const next = computeTaskForceSchedule(tf, tasksOf(tf.id), depsOf(tf.id), calendar, at);
    if (!next.run.error) continue;
    const old = beforeTf.get(tf.id);
    const was = old && computeTaskForceSchedule(old, wasOf.tasks(tf.id), wasOf.deps(tf.id), calendar, at);
    if (!was || was.run.error) continue;
    throw new AppError(
      "UNSCHEDULABLE",
      next.run.error.replace(/^cannot schedule: /, "the plan could not be scheduled: "),
      next.problems,
    );
  }
}

/** Records by task force, as a lookup that answers an empty list for a task force without any. */
function groupBy<T extends { readonly taskForceId: string }>(rows: readonly T[]): (id: string) => T[] {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const list = out.get(r.taskForceId);
    if (list) list.push(r);
    else out.set(r.taskForceId, [r]);
  }
  return (id) => out.get(id) ?? [];
}
