import type { DependencyType, TaskStatus } from "../../vocabulary/index.js";
import type { LinkColumns, RecordColumns } from "../records/record.table.js";

/**
 * `tasks` of a task force's WBS. Schedule dates, float and critical flags are not stored: they are
 * computed at the date a reader asks for (schedule/schedule-read-model.ts).
 */
export interface TaskTable extends RecordColumns {
  taskForceId: string;
  parentId: string | null;
  code: string;
  title: string;
  description: string | null;
  goalId: string | null;
  responsibleUnitId: string | null;
  responsiblePersonId: string | null;
  responsiblePost: string | null;
  duration: number | null;
  deadline: string | null;
  notBefore: string | null;
  baselineStart: string | null;
  baselineFinish: string | null;
  actualStart: string | null;
  actualFinish: string | null;
  percent: number;
  status: TaskStatus;
  weight: number;
  acceptance: string | null;
  /** Completion review: `claimed` after a 100 % report until the lead confirms it; null otherwise. */
  completion: "claimed" | "confirmed" | null;
  completionNote: string | null;
}

/** `task_co_units`: a task's co-units. */
export interface TaskCoUnitTable extends LinkColumns {
  taskId: string;
  orgUnitId: string;
}

/** `dependencies` (前置任务) between two tasks of one task force. */
export interface DependencyTable extends RecordColumns {
  taskForceId: string;
  predecessorId: string;
  successorId: string;
  type: DependencyType;
  lag: number;
}
