import { buildWorkCalendar, ScheduleInputError, type ScheduleOutput, schedule } from "../../engines/index.js";
import { AppError } from "../../shared/errors.js";
import { assertCanWrite } from "../accounts/access.js";
import { appendAudit, bumpDataRevision } from "../audit/audit.repository.js";
import type { Executor, ServiceContext } from "../context.js";
import { getRecord, inTransaction, toRecords, updateRecord } from "../resource/resource.service.js";
import type { Row } from "../resource/resource-def.js";
import { organisationCalendar, organisationStatusDate } from "../settings/settings.service.js";
import { taskForceResource } from "../task-forces/task-force.resources.js";
import { dependencyResource, taskResource } from "../tasks/task.resources.js";
import { type SkippedTask, scheduleFileOf } from "./schedule-input.js";

/** The outcome of scheduling one task force, as stored and served. */
export interface ScheduleRun {
  readonly taskForceId: string;
  readonly computedAt: string;
  readonly statusDate: string;
  readonly projectStart: string;
  readonly deadline: string | null;
  readonly earliestFinish: string;
  readonly feasible: boolean;
  readonly minFloat: number;
  readonly criticalPath: readonly string[];
  readonly skipped: readonly SkippedTask[];
  /** Why the last automatic run could not schedule the plan (the dates shown are older); else null. */
  readonly error: string | null;
}

const COMPUTED = [
  "earlyStart",
  "earlyFinish",
  "lateStart",
  "lateFinish",
  "totalFloat",
  "critical",
  "slippage",
] as const;

async function plan(trx: Executor, taskForceId: string) {
  const tasks = await trx
    .selectFrom("tasks")
    .selectAll()
    .where("taskForceId", "=", taskForceId)
    .orderBy("id")
    .execute();
  const deps = await trx
    .selectFrom("dependencies")
    .selectAll()
    .where("taskForceId", "=", taskForceId)
    .orderBy("id")
    .execute();
  return {
    tasks: await toRecords(trx, taskResource, tasks),
    deps: await toRecords(trx, dependencyResource, deps),
  };
}

/** Engine problems name tasks by position; our users know them by WBS code. */
function unprocessable(
  e: ScheduleInputError,
  tasks: readonly Row[],
  file: { tasks: readonly { id: string }[] },
) {
  const code = (i: string) => {
    const id = file.tasks[Number(i)]?.id;
    return tasks.find((t) => t.id === id)?.code ?? id ?? i;
  };
  const details = e.details.map((d) => ({
    ...d,
    path: d.path.replace(/^tasks\[(\d+)\]/, (_m, i) => `task ${code(i)}`),
  }));
  return new AppError("unprocessable", `cannot schedule: ${details[0]?.path} ${details[0]?.message}`, {
    code: "SCHEDULE_INPUT",
    details,
  });
}

/**
 * Schedules one task force (backward and forward passes on the organisation's calendar at its
 * status date) and stores each task's early/late dates, float, critical flag and slippage against
 * its baseline. Computed fields do not change record versions (nobody edits them); the data
 * revision moves on so caches refresh. `audit` records an explicit run in the audit trail.
 */
export async function recomputeTaskForce(
  ctx: ServiceContext,
  taskForceId: string,
  options: { audit?: boolean; keepOnError?: boolean } = {},
): Promise<ScheduleRun> {
  return inTransaction(ctx, async (trx) => {
    const tf = await getRecord({ ...ctx, trx }, taskForceResource, taskForceId);
    const { tasks, deps } = await plan(trx, taskForceId);
    const calendarSpec = await organisationCalendar(trx);
    const statusDate = await organisationStatusDate(trx, new Date(ctx.now()));
    const { file, skipped } = scheduleFileOf(tf, tasks, deps, calendarSpec, statusDate);
    let out: ScheduleOutput;
    try {
      out = schedule(file);
    } catch (e) {
      if (!(e instanceof ScheduleInputError)) throw e;
      const problem = unprocessable(e, tasks, file);
      if (!options.keepOnError) throw problem;
      // An edit that leaves the plan unschedulable still saves; the run says why dates are stale.
      await trx
        .updateTable("schedule_runs")
        .set({ error: problem.message, computedAt: ctx.now() })
        .where("taskForceId", "=", taskForceId)
        .execute();
      await bumpDataRevision(trx, { entity: "schedule_run", entityId: taskForceId, taskForceId });
      return { ...(await readScheduleRun(trx, taskForceId)), error: problem.message } as ScheduleRun;
    }
    const calendar = buildWorkCalendar(calendarSpec, { origin: out.projectStart });
    const rows = new Map(out.tasks.map((r) => [r.id, r]));
    for (const t of tasks) {
      const r = rows.get(t.id as string);
      const next: Row = r
        ? {
            earlyStart: r.earlyStart,
            earlyFinish: r.earlyFinish,
            lateStart: r.lateStart,
            lateFinish: r.lateFinish,
            totalFloat: r.totalFloat,
            critical: r.critical,
            slippage: t.baselineFinish
              ? calendar.workdaysBetween(t.baselineFinish as string, r.earlyFinish)
              : null,
          }
        : Object.fromEntries(COMPUTED.map((k) => [k, null]));
      if (COMPUTED.every((k) => next[k] === t[k])) continue;
      await trx
        .updateTable("tasks")
        .set({ ...next, critical: next.critical == null ? null : next.critical ? 1 : 0 })
        .where("id", "=", t.id as string)
        .execute();
    }
    const run: ScheduleRun = {
      taskForceId,
      computedAt: ctx.now(),
      statusDate,
      projectStart: out.projectStart,
      deadline: out.deadline,
      earliestFinish: out.earliestFinish,
      feasible: out.feasible,
      minFloat: out.minFloat,
      criticalPath: out.criticalPath,
      skipped,
      error: null,
    };
    const before = await readScheduleRun(trx, taskForceId);
    await trx.deleteFrom("schedule_runs").where("taskForceId", "=", taskForceId).execute();
    await trx
      .insertInto("schedule_runs")
      .values({
        ...run,
        feasible: run.feasible ? 1 : 0,
        criticalPath: JSON.stringify(run.criticalPath),
        skipped: JSON.stringify(skipped),
      })
      .execute();
    // The computed dates of any of the task force's tasks may have moved.
    const rescheduled = { entity: "task", entityId: null, taskForceId };
    if (options.audit) {
      await appendAudit(
        trx,
        {
          at: run.computedAt,
          actor: ctx.actor,
          action: "schedule",
          entity: "task_force",
          entityId: taskForceId,
          before: before ?? null,
          after: run,
        },
        rescheduled,
      );
    } else {
      await bumpDataRevision(trx, rescheduled);
    }
    return run;
  });
}

/** Schedules every task force of the organisation (one transaction). */
export async function recomputeAll(
  ctx: ServiceContext,
  options: { audit?: boolean } = {},
): Promise<ScheduleRun[]> {
  return inTransaction(ctx, async (trx) => {
    const ids = await trx.selectFrom("task_forces").select("id").orderBy("code").execute();
    const runs: ScheduleRun[] = [];
    for (const { id } of ids) runs.push(await recomputeTaskForce({ ...ctx, trx }, id as string, options));
    return runs;
  });
}

/** The last stored run of a task force, or undefined. */
export async function readScheduleRun(db: Executor, taskForceId: string): Promise<ScheduleRun | undefined> {
  return (await readScheduleRuns(db, [taskForceId])).get(taskForceId);
}

/** The last stored runs of several task forces, by task force id, in one query. */
export async function readScheduleRuns(
  db: Executor,
  taskForceIds: readonly string[],
): Promise<Map<string, ScheduleRun>> {
  if (taskForceIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("schedule_runs")
    .selectAll()
    .where("taskForceId", "in", taskForceIds as string[])
    .execute();
  return new Map(
    rows.map((r) => [
      r.taskForceId as string,
      {
        ...r,
        feasible: Boolean(r.feasible),
        criticalPath: JSON.parse(r.criticalPath),
        skipped: JSON.parse(r.skipped),
      } as ScheduleRun,
    ]),
  );
}

/**
 * Re-schedules a task force after an edit to its plan (tasks, dependencies, progress), unless the
 * caller defers it (bulk loads schedule once at the end).
 */
export async function rescheduleAfterEdit(ctx: ServiceContext, taskForceId: string): Promise<void> {
  if (ctx.deferSchedule) return;
  await recomputeTaskForce({ ...ctx, principal: undefined }, taskForceId, { keepOnError: true });
}

/**
 * Approves the current plan: every scheduled task's early dates become its baseline (planned
 * start and finish), through the task service (versioned, audited), then the task force is
 * scheduled again so slippage counts from the new baseline. Only those who may edit the plan may.
 */
export async function approvePlan(
  ctx: ServiceContext,
  taskForceId: string,
): Promise<{ run: ScheduleRun; approved: number }> {
  return inTransaction(ctx, async (trx) => {
    await assertMayPlan(ctx, trx, taskForceId);
    await recomputeTaskForce({ ...ctx, trx, principal: undefined }, taskForceId);
    const { tasks } = await plan(trx, taskForceId);
    const bulk: ServiceContext = { ...ctx, trx, deferSchedule: true, principal: undefined };
    let approved = 0;
    for (const t of tasks) {
      if (!t.earlyStart || (t.baselineStart === t.earlyStart && t.baselineFinish === t.earlyFinish)) continue;
      await updateRecord(bulk, taskResource, t.id as string, {
        baselineStart: t.earlyStart,
        baselineFinish: t.earlyFinish,
        version: t.version,
      });
      approved++;
    }
    const run = await recomputeTaskForce({ ...ctx, trx, principal: undefined }, taskForceId, { audit: true });
    return { run, approved };
  });
}

/** An explicit run by a user who may edit the task force's plan; recorded in the audit trail. */
export async function scheduleTaskForce(ctx: ServiceContext, taskForceId: string): Promise<ScheduleRun> {
  return inTransaction(ctx, async (trx) => {
    await assertMayPlan(ctx, trx, taskForceId);
    return recomputeTaskForce({ ...ctx, trx, principal: undefined }, taskForceId, { audit: true });
  });
}

/** The supervision office schedules and approves any task force's plan; a lead only their own. */
async function assertMayPlan(ctx: ServiceContext, trx: Executor, taskForceId: string): Promise<void> {
  await getRecord({ ...ctx, trx }, taskForceResource, taskForceId);
  if (ctx.principal?.roles.includes("supervisor") && !ctx.principal.taskForceScope) return;
  await assertCanWrite(ctx, trx, taskResource, { taskForceId });
}
