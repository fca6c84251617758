import type { MemberRole, TaskForceStatus } from "../../shared/api/task-forces.js";
import type { LinkColumns, RecordColumns } from "../records/record.table.js";

/** `task_forces` (专班) with their task-book fields. */
export interface TaskForceTable extends RecordColumns {
  code: string;
  name: string;
  leadLeaderId: string | null;
  leadUnitId: string | null;
  objective: string | null;
  scope: string | null;
  measures: string | null;
  guarantees: string | null;
  startDate: string | null;
  deadline: string | null;
  status: TaskForceStatus;
  /** JSON of the task force's own reminder settings over the organisation's; null: none. */
  reminderSettings: string | null;
}

/** `task_force_goals`: the goals a task force serves. */
export interface TaskForceGoalTable extends LinkColumns {
  taskForceId: string;
  goalId: string;
}

/** `task_force_co_units`: a task force's co-units (配合单位). */
export interface TaskForceCoUnitTable extends LinkColumns {
  taskForceId: string;
  orgUnitId: string;
}

/** `task_force_members`: a person on a post in a task force. */
export interface TaskForceMemberTable extends RecordColumns {
  taskForceId: string;
  personId: string;
  post: string;
  role: MemberRole;
  duties: string | null;
}
