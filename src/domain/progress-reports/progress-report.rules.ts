import { parseAttachmentRef } from "../../shared/api/attachments.js";
import { AppError, type ErrorDetail } from "../../shared/errors.js";
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

/**
 * A report's evidence may name attachments (`attachment:<id>:<name>`) only of files uploaded for
 * its own task: one named wrongly would show a link that answers 404 or, worse, another task's file.
 * 422 `BAD_EVIDENCE` with the entries' positions otherwise.
 */
export async function checkEvidence(trx: Executor, report: Row): Promise<void> {
  const refs = ((report.evidence as string[] | undefined) ?? [])
    .map((entry, k) => ({ k, ref: parseAttachmentRef(entry) }))
    .filter((x): x is { k: number; ref: { id: string; fileName: string } } => x.ref !== null);
  if (refs.length === 0) return;
  const found = new Map(
    (
      await trx
        .selectFrom("attachments")
        .select(["id", "taskId"])
        .where(
          "id",
          "in",
          refs.map((x) => x.ref.id),
        )
        .execute()
    ).map((r) => [r.id as string, r.taskId as string | null]),
  );
  const details: ErrorDetail[] = [];
  for (const { k, ref } of refs) {
    const taskId = found.get(ref.id);
    if (taskId === undefined) details.push({ path: `evidence.${k}`, message: `no attachment ${ref.id}` });
    else if (taskId !== report.taskId)
      details.push({
        path: `evidence.${k}`,
        message: `attachment ${ref.id} was uploaded for another task, not ${report.taskId as string}`,
      });
  }
  if (details.length)
    throw new AppError("unprocessable", `${details[0]!.path}: ${details[0]!.message}`, {
      code: "BAD_EVIDENCE",
      details,
    });
}
