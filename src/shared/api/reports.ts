import { z } from "zod";
import { correctionReason, id, isoDate, percent, text } from "./common.js";
import { defineEntity } from "./define.js";

/** A progress report (进展报告) on a task; the latest one sets the task's percent and status. */
export const progressReportSchemas = defineEntity({
  name: "ProgressReport",
  fields: {
    taskId: id,
    reportDate: isoDate,
    percent,
    narrative: text(4000),
    problems: text(4000).nullable(),
    coordination: text(4000).nullable(),
    evidence: z.array(text(500)).max(20),
    reportedById: id.nullable(),
  },
  readOnly: { taskForceId: id },
  required: ["taskId", "reportDate", "percent"],
  defaults: { narrative: "", problems: null, coordination: null, evidence: [], reportedById: null },
});
export type ProgressReport = z.output<typeof progressReportSchemas.entity>;

/** Body of `PATCH /progress-reports/{id}`: a correction of a report says why. */
export const progressReportCorrection = progressReportSchemas.update.extend({ reason: correctionReason });
