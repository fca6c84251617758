/**
 * Completion review (完成确认): the report that brings a task to 100 % claims its completion and tells
 * the task force's leads; a lead (or the supervision office) confirms it against the acceptance
 * criterion and the evidence, or sends it back with a reason, which the task's owner is told. Both
 * at the task's version, audited as transitions of the task.
 */
import type { CompletionConfirmation, CompletionReturn } from "../../shared/api/completion.js";
import { AppError } from "../../shared/errors.js";
import { isClaimed, type TaskStatus } from "../../vocabulary/index.js";
import { assertTaskForceInScope, leadsTaskForce } from "../accounts/scope.js";
import { appendAudit } from "../audit/audit.repository.js";
import { postMessages } from "../chasing/messages.js";
import { afterWrite, type ServiceContext, type WriteContext } from "../context.js";
import { assertVersion } from "../records/record-ops.js";
import { write } from "../records/transaction.js";
import { updateAtVersion } from "../records/update-at-version.js";
import { lockTaskForce } from "../task-forces/task-force.repository.js";
import type { Task } from "../tasks/task.js";
import { getTask, type StoredTask, storedTaskIn } from "../tasks/task.service.js";
import { completionAfter, returnedPercent } from "./completion.js";
import { latestReportPercents, leadPersonIds, personName } from "./completion.repository.js";

const LABEL = "task";

/**
 * The completion fields a progress report's change of its task carries: a report that finishes the
 * task (status `done`) claims its completion, with no note yet; one that does not clears it.
 */
export function completionOfReport(task: StoredTask, status: TaskStatus): Partial<StoredTask> {
  const completion = completionAfter(task, { status }, "claimed");
  if (completion === task.completion) return {};
  return completion === "claimed" ? { completion, completionNote: null } : { completion };
}

/** When a report's write just claimed `after`'s completion, its task force's leads are told. */
export async function announceClaim(w: WriteContext, before: StoredTask, after: StoredTask): Promise<void> {
  if (!isClaimed(after) || isClaimed(before)) return;
  const db = w.uow.db;
  const ownerName = (await personName(db, after.responsiblePersonId)) ?? "";
  const leads = await leadPersonIds(db, after.taskForceId);
  await postMessages(
    w,
    leads.map((personId) => ({
      personId,
      kind: "completionClaimed",
      taskForceId: after.taskForceId,
      subject: { kind: "task", id: after.id },
      params: { taskCode: after.code, taskTitle: after.title, ownerName, percent: after.percent },
    })),
  );
}

/**
 * Who reviews a completion: a lead of the task's task force, a supervisor or an admin (403
 * `COMPLETION_REVIEWER` otherwise); an API token only within its task force.
 */
function assertMayReview(w: WriteContext, task: StoredTask): void {
  const p = w.principal;
  if (!p) return;
  assertTaskForceInScope(w, task.taskForceId);
  if (p.roles.some((r) => r === "admin" || r === "supervisor")) return;
  if (leadsTaskForce(p, task.taskForceId)) return;
  throw new AppError(
    "COMPLETION_REVIEWER",
    `only a lead of task force ${task.taskForceId} or the supervision office may review this task's completion`,
  );
}

/** The claimed task at `version`, for a reviewer, under its task force's lock; 409 `NOT_CLAIMED` otherwise. */
async function claimedTask(w: WriteContext, id: string, version: number): Promise<StoredTask> {
  const found = await storedTaskIn(w, id);
  assertMayReview(w, found);
  await lockTaskForce(w.uow, w.database.dialect, found.taskForceId);
  const task = await storedTaskIn(w, id);
  assertVersion(task, version, LABEL);
  if (!isClaimed(task))
    throw new AppError("NOT_CLAIMED", `task ${task.code} has no completion awaiting review`);
  return task;
}

/** Writes a review's changes at the task's version and audits it as a transition with its note. */
async function review(
  w: WriteContext,
  before: StoredTask,
  changes: Partial<StoredTask>,
  note: string | null,
): Promise<StoredTask> {
  await updateAtVersion(
    w.uow.db,
    "tasks",
    { id: before.id, version: before.version, label: LABEL },
    { ...changes, updatedAt: w.now() },
  );
  const after = await storedTaskIn(w, before.id);
  await appendAudit(w, {
    action: "transition",
    entity: "task",
    entityId: before.id,
    before,
    after,
    reason: note,
  });
  return after;
}

/**
 * Confirms a claimed completion (完成确认): the task counts as done from then on (blue). Not by the
 * task's own responsible person (403 `SELF_CONFIRMATION`).
 */
export async function confirmCompletion(
  ctx: ServiceContext,
  id: string,
  input: CompletionConfirmation,
): Promise<Task> {
  await write(ctx, async (w) => {
    const task = await claimedTask(w, id, input.version);
    const me = w.principal?.personId ?? null;
    if (me !== null && me === task.responsiblePersonId)
      throw new AppError("SELF_CONFIRMATION", "the responsible person cannot confirm their own completion");
    const note = input.note?.trim() || null;
    await review(w, task, { completion: "confirmed", completionNote: note }, note);
  });
  return getTask(afterWrite(ctx), id);
}

/**
 * Sends a claimed completion back (退回) with a reason: the task is in progress again at the percent
 * of its report before the claim (90 % when that one is missing or also 100 %), without an actual
 * finish, and its owner is told why.
 */
export async function returnCompletion(
  ctx: ServiceContext,
  id: string,
  input: CompletionReturn,
): Promise<Task> {
  await write(ctx, async (w) => {
    const task = await claimedTask(w, id, input.version);
    const reason = input.reason.trim();
    const [latest, previous] = await latestReportPercents(w.uow.db, id);
    const percent = returnedPercent((latest !== undefined && latest < 100 ? latest : previous) ?? null);
    const after = await review(
      w,
      task,
      { completion: null, completionNote: reason, status: "in_progress", percent, actualFinish: null },
      reason,
    );
    if (after.responsiblePersonId && after.responsiblePersonId !== w.principal?.personId)
      await postMessages(w, [
        {
          personId: after.responsiblePersonId,
          kind: "completionReturned",
          taskForceId: after.taskForceId,
          subject: { kind: "task", id },
          params: {
            taskCode: after.code,
            taskTitle: after.title,
            reason,
            reviewerName: w.principal?.displayName ?? w.actor,
          },
        },
      ]);
  });
  return getTask(afterWrite(ctx), id);
}
