import type { Selectable } from "kysely";
import { progressReportSchemas } from "../../shared/api/reports.js";
import type { Executor } from "../context.js";
import { fromJson } from "../records/json-column.js";
import { textSortsOf } from "../records/list.js";
import { type ListCriteria, listPage } from "../records/list-page.js";
import { PROGRESS_REPORT_LIST, type ProgressReport } from "./progress-report.js";
import type { ProgressReportTable } from "./progress-report.table.js";

const COLUMNS = [
  "id",
  "version",
  "createdAt",
  "updatedAt",
  "taskId",
  "taskForceId",
  "reportDate",
  "percent",
  "narrative",
  "problems",
  "coordination",
  "evidence",
  "reportedById",
] as const;

/** A report row → the wire record (evidence parsed). */
export const toProgressReport = (row: Selectable<ProgressReportTable>): ProgressReport => ({
  ...row,
  evidence: fromJson(progressReportSchemas.entity.shape.evidence, row.evidence),
});

/** A page of reports. */
export const listProgressReportRows = (db: Executor, c: ListCriteria, dialect: "sqlite" | "postgres") =>
  listPage(
    db,
    {
      table: "progress_reports",
      columns: COLUMNS,
      textSorts: textSortsOf(PROGRESS_REPORT_LIST),
      search: PROGRESS_REPORT_LIST.search,
      dialect,
    },
    c,
  );

/** The id of a task's latest report (by report date, then creation), or undefined. */
export async function latestReportId(db: Executor, taskId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom("progress_reports")
    .select("id")
    .where("taskId", "=", taskId)
    .orderBy("reportDate", "desc")
    .orderBy("createdAt", "desc")
    .orderBy("id", "desc")
    .executeTakeFirst();
  return row?.id;
}

/** The task each attachment among `ids` was uploaded for (null: none), for those that exist. */
export async function attachmentTasks(
  db: Executor,
  ids: readonly string[],
): Promise<Map<string, string | null>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom("attachments").select(["id", "taskId"]).where("id", "in", ids).execute();
  return new Map(rows.map((r) => [r.id, r.taskId]));
}

/** The evidence lists of every report that names an attachment. */
export async function evidenceNamingAttachments(db: Executor): Promise<string[][]> {
  const rows = await db
    .selectFrom("progress_reports")
    .select("evidence")
    .where("evidence", "like", "%attachment:%")
    .execute();
  return rows.map((r) => fromJson(progressReportSchemas.entity.shape.evidence, r.evidence));
}

/** The latest report of a task dated on or before `date`, other than `exceptId`, or undefined. */
export function previousReport(db: Executor, taskId: string, date: string, exceptId: string | null) {
  let q = db
    .selectFrom("progress_reports")
    .select(["id", "reportDate", "percent"])
    .where("taskId", "=", taskId)
    .where("reportDate", "<=", date);
  if (exceptId) q = q.where("id", "!=", exceptId);
  return q.orderBy("reportDate", "desc").orderBy("createdAt", "desc").executeTakeFirst();
}
