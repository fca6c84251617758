import { progressReportSchemas } from "../../shared/api/reports.js";
import type { Executor, ServiceContext } from "../context.js";
import type { ResourceDef, Row } from "../resource/resource-def.js";
import { applyLatestReport, checkEvidence } from "./progress-report.rules.js";

async function deriveTaskForce(_ctx: ServiceContext, trx: Executor, next: Row): Promise<Row | undefined> {
  await checkEvidence(trx, next);
  const task = await trx
    .selectFrom("tasks")
    .select("taskForceId")
    .where("id", "=", next.taskId as string)
    .executeTakeFirst();
  // A missing task is reported by the reference check that follows.
  return task ? { taskForceId: task.taskForceId } : undefined;
}

/**
 * Progress reports (进展报告); the latest one moves its task's percent, status and actual dates. Named
 * attachments must be files of the report's own task.
 */
export const progressReportResource: ResourceDef = {
  name: "progress_report",
  label: "progress report",
  path: "progress-reports",
  table: "progress_reports",
  schemas: progressReportSchemas,
  defaults: progressReportSchemas.spec.defaults,
  jsonFields: ["evidence"],
  refs: [
    { field: "taskId", target: "tasks" },
    { field: "reportedById", target: "persons" },
  ],
  filters: ["taskId", "taskForceId", "reportedById", "reportDate"],
  sorts: { reportDate: "text", percent: "number" },
  defaultSort: ["reportDate"],
  search: ["narrative", "problems"],
  immutable: ["taskId"],
  hooks: {
    beforeWrite: deriveTaskForce,
    afterWrite: (ctx, trx, record) => applyLatestReport(ctx, trx, record),
  },
};
