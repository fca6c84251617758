/** Test data: drafts as the progress-report form keeps them. */
import { draftValues, type ReportDraft } from "./report-drafts";

/** A draft of task `taskId`, as the form keeps it. */
export function buildDraft(taskId: string, over: Partial<ReportDraft> = {}): ReportDraft {
  return {
    taskId,
    taskCode: `01.${taskId}`,
    values: draftValues({ reportDate: "2022-08-15", percent: 40, narrative: "现场已完成基础施工" }),
    attachments: [],
    state: "editing",
    savedAt: "2022-08-15T02:00:00.000Z",
    ...over,
  };
}
