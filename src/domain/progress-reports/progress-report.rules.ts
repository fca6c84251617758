import type { Executor, ServiceContext } from "../context.js";
import { readRecord, updateRecord } from "../resource/resource.service.js";
import type { Row } from "../resource/resource-def.js";
import { taskResource } from "../tasks/task.resources.js";

/**
 * When `report` is its task's latest (by report date, then creation), the task takes its percent:
 * 0 keeps it not started, 1–99 puts it in progress, 100 makes it done with the report date as
 * actual finish; any report with progress moves the actual start back to its date if earlier. Goes through the task service, so the
 * change is versioned and audited in the same transaction.
 */
export async function applyLatestReport(ctx: ServiceContext, trx: Executor, report: Row): Promise<void> {
  const latest = await trx
    .selectFrom("progress_reports")
    .select(["id"])
    .where("taskId", "=", report.taskId as string)
    .orderBy("reportDate", "desc")
    .orderBy("createdAt", "desc")
    .orderBy("id", "desc")
    .executeTakeFirst();
  const task = await readRecord(trx, taskResource, report.taskId as string);
  if (!task) return;
  const percent = report.percent as number;
  const date = report.reportDate as string;
  const changes: Row = {};
  if (latest?.id === report.id) {
    changes.percent = percent;
    if (percent >= 100) {
      changes.status = "done";
      changes.actualFinish = date;
    } else if (percent > 0) {
      changes.status = "in_progress";
      changes.actualFinish = null;
    } else if (task.status !== "suspended") {
      changes.status = task.actualStart ? "in_progress" : "not_started";
    }
  }
  // Work started no later than the earliest report that shows progress, latest or not.
  if (percent > 0 && (!task.actualStart || (task.actualStart as string) > date)) changes.actualStart = date;
  const same = Object.entries(changes).every(([k, v]) => task[k] === v);
  if (same) return;
  // The task follows its report as a system consequence: the reporter need not be allowed to edit the plan.
  await updateRecord({ ...ctx, trx, principal: undefined }, taskResource, task.id as string, {
    ...changes,
    version: task.version,
  });
}
