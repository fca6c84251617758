import type { IsoDate } from "../../engines/index.js";
import { AppError } from "../../shared/errors.js";
import { assertMayEditPlan, assertOrganisationWide } from "../accounts/scope.js";
import { appendAudit, appendAudits } from "../audit/audit.repository.js";
import type { ServiceContext } from "../context.js";
import { write } from "../records/transaction.js";
import { organisationStatusDate } from "../settings/settings.service.js";
import { readTaskForces } from "../task-forces/task-force.repository.js";
import { getTaskForce } from "../task-forces/task-force.service.js";
import { type ScheduleRun, schedulesAt, type TaskForceSchedule } from "./schedule-read-model.js";

/** The schedule run of a task force at `statusDate` (default: the organisation's), for whoever may read it. */
export async function getScheduleRun(
  ctx: ServiceContext,
  taskForceId: string,
  statusDate?: IsoDate,
): Promise<ScheduleRun> {
  await getTaskForce(ctx, taskForceId);
  return (await scheduleOf(ctx, taskForceId, statusDate)).run;
}

/** A task force's schedule at `statusDate` (default: the organisation's); 404 for an unknown one. */
export async function scheduleOf(
  ctx: ServiceContext,
  taskForceId: string,
  statusDate?: IsoDate,
): Promise<TaskForceSchedule> {
  const at = statusDate ?? (await organisationStatusDate(ctx));
  const s = (await schedulesAt(ctx, [taskForceId], at)).get(taskForceId);
  if (!s) throw new AppError("NOT_FOUND", `no task force with id "${taskForceId}"`);
  return s;
}

/** 422 `SCHEDULE_INPUT` when the plan cannot be placed, naming the task (by WBS code) and field. */
export function assertScheduled(s: TaskForceSchedule): void {
  if (s.run.error) throw new AppError("SCHEDULE_INPUT", s.run.error, s.problems);
}

/** The supervision office schedules and approves any task force's plan; a lead only their own. */
export async function assertMayPlan(ctx: ServiceContext, taskForceId: string): Promise<void> {
  await getTaskForce(ctx, taskForceId);
  const p = ctx.principal;
  if (p?.roles.includes("supervisor") && !p.taskForceScope) return;
  assertMayEditPlan(ctx, taskForceId);
}

/** An explicit run by a user who may plan the task force: recorded in the audit trail with its outcome. */
export function scheduleTaskForce(ctx: ServiceContext, taskForceId: string): Promise<ScheduleRun> {
  return write(ctx, async (w) => {
    await assertMayPlan(w, taskForceId);
    const s = await scheduleOf(w, taskForceId);
    assertScheduled(s);
    await appendAudit(
      w,
      { action: "schedule", entity: "task_force", entityId: taskForceId, before: null, after: s.run },
      { entity: "schedule_run", entityId: taskForceId, taskForceId },
    );
    return s.run;
  });
}

/** Runs the schedule of every task force (the supervision office, organisation-wide), audited. */
export function scheduleAll(ctx: ServiceContext): Promise<ScheduleRun[]> {
  return write(ctx, async (w) => {
    assertOrganisationWide(w);
    const statusDate = await organisationStatusDate(w);
    const ids = (await readTaskForces(w.uow.db, null)).map((f) => f.id);
    const schedules = await schedulesAt(w, ids, statusDate);
    const runs = ids.flatMap((id) => {
      const s = schedules.get(id);
      return s ? [s.run] : [];
    });
    await appendAudits(
      w,
      runs.map((run) => ({
        action: "schedule",
        entity: "task_force",
        entityId: run.taskForceId,
        before: null,
        after: run,
      })),
      { entity: "schedule_run" },
    );
    return runs;
  });
}
