import type { RecordColumns } from "../records/record.table.js";

/** `progress_reports` (进展报告); `evidence` is JSON text of a list of strings. */
export interface ProgressReportTable extends RecordColumns {
  taskId: string;
  taskForceId: string;
  reportDate: string;
  percent: number;
  narrative: string;
  problems: string | null;
  coordination: string | null;
  evidence: string;
  reportedById: string | null;
}
