import type { z } from "zod";
import type { progressReportCorrection, progressReportSchemas } from "../../shared/api/reports.js";
import type { ListFields } from "../records/list.js";

export type ProgressReport = z.output<typeof progressReportSchemas.entity>;
export type ProgressReportCreate = z.output<typeof progressReportSchemas.create>;
export type ProgressReportUpdate = z.output<typeof progressReportCorrection>;

/** Lists of progress reports (进展报告). */
export const PROGRESS_REPORT_LIST: ListFields = {
  filters: ["taskId", "taskForceId", "reportedById", "reportDate"],
  sorts: { reportDate: "text", percent: "number" },
  defaultSort: ["reportDate"],
  search: ["narrative", "problems"],
  filterKinds: { reportDate: "date" },
};
