/**
 * What approving a 延期申请 changes in the plan: the task's deadline (through the task service, so
 * its rules and versioned write hold; the schedule recomputes on read) and the baseline versions.
 *
 * The plan change is recorded as baseline N+1 of the task force, but not by approving the whole
 * current plan (`approvePlan`): that would take every task's early dates of today, re-baselining
 * tasks nobody asked to move, and — where the organisation measures slippage against the latest
 * baseline — approving their delays away with this one. Baseline N+1 is baseline N as it was, with
 * only the extended task finishing on its new deadline (and its summary tasks stretched to hold it).
 * Slippage counts from the first baseline by default, so the task's slippage stays visible.
 */
import { AppError } from "../../shared/errors.js";
import { ruleDetail } from "../../shared/messages.js";
import { baselineTaskRows, listBaselineRows } from "../baselines/baseline.repository.js";
import { recordBaseline } from "../baselines/baseline.service.js";
import { asSystem, type WriteContext } from "../context.js";
import { organisationStatusDate } from "../settings/settings.service.js";
import { taskRowsOf } from "../tasks/task.repository.js";
import { storedTaskIn, updateTask } from "../tasks/task.service.js";
import { extensionBaselineReason } from "./extension.js";
import type { ExtensionRow } from "./extension.repository.js";

/**
 * Moves the task's deadline to the requested one and records baseline N+1; answers the new
 * baseline's id, or null when the task force has no approved baseline yet (there is no plan version
 * to change: its first approval will hold the new deadline). Refused (422 `EXTENSION_RULE`) when the
 * deadline has meanwhile been moved to the requested date or later.
 */
export async function applyExtension(w: WriteContext, r: ExtensionRow): Promise<string | null> {
  const db = w.uow.db;
  const task = await storedTaskIn(w, r.taskId);
  if (task.deadline !== null && r.requestedDeadline <= task.deadline) {
    const detail = ruleDetail("requestedDeadline", "notAfterDeadline", {
      date: task.deadline,
      basis: "deadline",
    });
    throw new AppError("EXTENSION_RULE", `requestedDeadline: ${detail.message}`, [detail]);
  }
  // The approver may not edit plans (the supervision office): the move is the approval's consequence.
  const moved = await updateTask(asSystem(w), task.id, {
    version: task.version,
    deadline: r.requestedDeadline,
  });
  const latest = (await listBaselineRows(db, r.taskForceId)).at(-1);
  if (!latest) return null;
  const parents = new Map((await taskRowsOf(db, [r.taskForceId])).map((t) => [t.id, t.parentId]));
  const dates = new Map(
    (await baselineTaskRows(db, latest.id))
      .filter((t) => parents.has(t.taskId))
      .map((t) => [t.taskId, { taskId: t.taskId, start: t.start, finish: t.finish }]),
  );
  const finish = r.requestedDeadline;
  // A milestone stays a point in time; a task keeps its planned start.
  let start = task.duration === 0 ? finish : (dates.get(task.id)?.start ?? moved.earlyStart ?? finish);
  if (start > finish) start = finish;
  dates.set(task.id, { taskId: task.id, start, finish });
  // Summary tasks hold their sub-tasks: stretch each ancestor in the baseline to the new finish.
  for (
    let p = parents.get(task.id) ?? null, k = 0;
    p !== null && k < parents.size;
    p = parents.get(p) ?? null, k++
  ) {
    const span = dates.get(p);
    if (span && span.finish < finish) dates.set(p, { ...span, finish });
  }
  const header = await recordBaseline(w, r.taskForceId, [...dates.values()], {
    reason: extensionBaselineReason(task.code, task.deadline, finish),
    statusDate: await organisationStatusDate(w),
  });
  return header.id;
}
