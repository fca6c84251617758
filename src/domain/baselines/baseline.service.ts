import { buildWorkCalendar, type IsoDate } from "../../engines/index.js";
import type {
  BaselineTask,
  PlanApprovalInput,
  PlanApprovalPreview,
  PlanBaseline,
  PlanBaselineDetail,
} from "../../shared/api/baselines.js";
import { AppError, isAppError } from "../../shared/errors.js";
import { appendAudit } from "../audit/audit.repository.js";
import { readPlans } from "../closed-loop/closed-loop.repository.js";
import { readerOf, type ServiceContext, type WriteContext } from "../context.js";
import { newId } from "../ids.js";
import { write } from "../records/transaction.js";
import { assertMayPlan, assertScheduled, scheduleOf } from "../schedule/schedule.service.js";
import type { ScheduleRun } from "../schedule/schedule-read-model.js";
import { calendarOf, organisationSettings, slippageAgainst } from "../settings/settings.service.js";
import { lockTaskForce } from "../task-forces/task-force.repository.js";
import { getTaskForce } from "../task-forces/task-force.service.js";
import { baselineTaskRows, insertBaseline, listBaselineRows } from "./baseline.repository.js";
import { refreshBaselinesAudited } from "./baseline-in-force.js";

/** The approved baselines of a task force, oldest first (for whoever may read it). */
export async function listBaselines(ctx: ServiceContext, taskForceId: string): Promise<PlanBaseline[]> {
  await getTaskForce(ctx, taskForceId);
  return listBaselineRows(readerOf(ctx), taskForceId);
}

/** Baseline number `number` of a task force with every task's planned dates; 404 when there is none. */
export async function getBaseline(
  ctx: ServiceContext,
  taskForceId: string,
  number: number,
): Promise<PlanBaselineDetail> {
  await getTaskForce(ctx, taskForceId);
  const db = readerOf(ctx);
  const header = (await listBaselineRows(db, taskForceId)).find((b) => b.number === number);
  if (!header) throw new AppError("NOT_FOUND", `the task force has no baseline ${number}`);
  return { ...header, tasks: await baselineTaskRows(db, header.id) };
}

/**
 * Whether the caller may approve a baseline after the first: re-baselining is the supervision
 * office's (a supervisor or an admin, not limited to one task force), never the lead's alone, so a
 * delay cannot be approved away by whoever caused it. The system itself (no principal) may.
 */
function mayRebaseline(ctx: ServiceContext): boolean {
  const p = ctx.principal;
  return !p || (!p.taskForceScope && p.roles.some((r) => r === "admin" || r === "supervisor"));
}

/** What approving now would record: the current early dates against the latest baseline. */
async function proposal(ctx: ServiceContext, taskForceId: string, statusDate?: IsoDate) {
  const db = readerOf(ctx);
  const s = await scheduleOf(ctx, taskForceId, statusDate);
  const baselines = await listBaselineRows(db, taskForceId);
  const latest = baselines.at(-1) ?? null;
  const previous = new Map((latest ? await baselineTaskRows(db, latest.id) : []).map((t) => [t.taskId, t]));
  const { tasks } = await readPlans(db, [taskForceId]);
  const proposed: BaselineTask[] = [];
  for (const t of tasks) {
    const c = s.tasks.get(t.id);
    if (c?.earlyStart && c.earlyFinish)
      proposed.push({
        taskId: t.id,
        code: t.code,
        title: t.title,
        start: c.earlyStart,
        finish: c.earlyFinish,
      });
  }
  proposed.sort((a, b) => a.code.localeCompare(b.code, "en", { numeric: true }));
  return { s, latest, number: (latest?.number ?? 0) + 1, previous, proposed };
}

/** Preview of a plan approval (nothing is written): what the new baseline would set or move. */
export async function previewPlanApproval(
  ctx: ServiceContext,
  taskForceId: string,
): Promise<PlanApprovalPreview> {
  await getTaskForce(ctx, taskForceId);
  const p = await proposal(ctx, taskForceId);
  assertScheduled(p.s);
  const settings = await organisationSettings(ctx);
  const workdays = buildWorkCalendar(calendarOf(settings), { origin: p.s.run.projectStart });
  const changes: PlanApprovalPreview["changes"] = [];
  for (const t of p.proposed) {
    const was = p.previous.get(t.taskId);
    if (was && was.start === t.start && was.finish === t.finish) continue;
    changes.push({
      taskId: t.taskId,
      code: t.code,
      title: t.title,
      from: was ? { start: was.start, finish: was.finish } : null,
      to: { start: t.start, finish: t.finish },
      shift: was ? workdays.workdaysBetween(was.finish, t.finish) : null,
    });
  }
  const kept = new Set(p.proposed.map((t) => t.taskId));
  const needsSupervisor = p.latest !== null;
  let mayApprove = !needsSupervisor || mayRebaseline(ctx);
  if (mayApprove)
    try {
      await assertMayPlan(ctx, taskForceId);
    } catch (e) {
      if (!(isAppError(e) && e.code === "FORBIDDEN")) throw e;
      mayApprove = false;
    }
  return {
    taskForceId,
    statusDate: p.s.run.statusDate,
    number: p.number,
    latest: p.latest,
    slippageAgainst: slippageAgainst(settings),
    needsSupervisor,
    mayApprove,
    changes,
    unchanged: p.proposed.length - changes.length,
    dropped: [...p.previous.keys()].filter((id) => !kept.has(id)).length,
  };
}

/**
 * Approves the current plan as baseline N+1: every scheduled task's early dates at the status date,
 * with who, when and why; earlier baselines stay as they were. The baseline slippage counts from
 * (each task's first approved one unless the organisation chose the latest) is then refreshed on
 * the tasks, each changed task audited. The first baseline may be approved by the task force's lead
 * or the supervision office; a later one only by the supervision office (403
 * `REBASELINE_NEEDS_SUPERVISOR`). `input.number` must be the next baseline's number (the one
 * previewed): the task force's lock makes a concurrent second approval see the first and refuse (409).
 */
export function approvePlan(
  ctx: ServiceContext,
  taskForceId: string,
  input: PlanApprovalInput,
): Promise<{ run: ScheduleRun; approved: number; baseline: PlanBaseline }> {
  return write(ctx, async (w) => {
    await assertMayPlan(w, taskForceId);
    await lockTaskForce(w.uow, w.database.dialect, taskForceId);
    const p = await proposal(w, taskForceId);
    if (p.latest && !mayRebaseline(w))
      throw new AppError(
        "REBASELINE_NEEDS_SUPERVISOR",
        `the plan already has baseline ${p.latest.number}; baseline ${p.number} needs a supervisor or an admin`,
      );
    if (input.number !== p.number)
      throw new AppError(
        "BASELINE_APPROVED_MEANWHILE",
        `baseline ${input.number} was asked for, but the next baseline is ${p.number}: another approval landed since the preview`,
      );
    assertScheduled(p.s);
    const baseline = await addBaseline(w, taskForceId, p.number, p.proposed, {
      reason: input.reason,
      statusDate: p.s.run.statusDate,
    });
    // The run is the one approved: a baseline moves slippage only, not the schedule.
    return { run: p.s.run, approved: baseline.approved, baseline: baseline.header };
  });
}

/**
 * Writes baseline `number` of a task force (by the write's principal, or "" for the system) and
 * refreshes the baseline in force on its tasks, each changed task and the baseline audited.
 */
async function addBaseline(
  w: WriteContext,
  taskForceId: string,
  number: number,
  tasks: readonly BaselineTask[],
  o: { reason: string; statusDate: IsoDate; approvedAt?: string },
): Promise<{ header: PlanBaseline; approved: number }> {
  const db = w.uow.db;
  const at = w.now();
  const row = {
    id: newId(),
    taskForceId,
    number,
    approvedAt: o.approvedAt ?? at,
    approvedBy: w.principal?.userId ?? null,
    approvedByName: w.principal?.displayName ?? "",
    reason: o.reason.trim(),
    statusDate: o.statusDate,
  };
  await insertBaseline(
    db,
    row,
    tasks.map(({ taskId, code, title, start, finish }) => ({ taskId, code, title, start, finish })),
  );
  const header: PlanBaseline = { ...row, taskCount: tasks.length };
  const against = slippageAgainst(await organisationSettings(w));
  const approved = await refreshBaselinesAudited(w, [taskForceId], against, {
    entity: "task",
    entityId: null,
    taskForceId,
  });
  await appendAudit(
    w,
    { action: "approve", entity: "plan_baseline", entityId: row.id, before: null, after: header },
    { entity: "plan_baseline", entityId: row.id, taskForceId },
  );
  return { header, approved };
}

/**
 * Records the next baseline of a task force from given planned dates (the demo loader's, later a
 * ledger import's) rather than from the schedule; tasks are named by id and must be the task
 * force's. For loaders running as the system: no role check beyond the write's own.
 */
export async function recordBaseline(
  w: WriteContext,
  taskForceId: string,
  dates: readonly { taskId: string; start: string; finish: string }[],
  o: { reason: string; statusDate: IsoDate; approvedAt?: string },
): Promise<PlanBaseline> {
  const db = w.uow.db;
  const { tasks } = await readPlans(db, [taskForceId]);
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const rows: BaselineTask[] = dates.map((d) => {
    const t = byId.get(d.taskId);
    if (!t) throw new AppError("MISSING_REFERENCE", `task ${d.taskId} is not a task of the task force`);
    return { ...d, code: t.code, title: t.title };
  });
  const number = ((await listBaselineRows(db, taskForceId)).at(-1)?.number ?? 0) + 1;
  return (await addBaseline(w, taskForceId, number, rows, o)).header;
}
