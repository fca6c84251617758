/**
 * The database as Kysely sees it: every table with its row type, each declared beside its feature
 * (`<feature>/<x>.table.ts`). Code addresses tables by these snake_case names and columns in
 * camelCase (the CamelCasePlugin maps them). Frozen migrations keep `Kysely<any>`.
 */
import type { Kysely } from "kysely";
import type { ApiTokenTable, AuthFailureTable, SessionTable } from "./accounts/account.table.js";
import type { AttachmentTable } from "./attachments/attachment.table.js";
import type { AuditEntryTable, DataChangeTable, RevisionTable } from "./audit/audit.table.js";
import type { PlanBaselineTable, PlanBaselineTaskTable } from "./baselines/baseline.table.js";
import type {
  ChaseTable,
  ExtensionRequestTable,
  MessageTable,
  OutboxTable,
} from "./chasing/chasing.table.js";
import type { AssessmentTable } from "./closed-loop/assessment.table.js";
import type { CommentTable } from "./comments/comment.table.js";
import type { GoalTable } from "./goals/goal.table.js";
import type {
  IndicatorReadingTable,
  IndicatorTable,
  TaskIndicatorTable,
} from "./indicators/indicator.table.js";
import type { OrgUnitTable, PersonTable, UserTable } from "./org/org.table.js";
import type { ProgressReportTable } from "./progress-reports/progress-report.table.js";
import type { SequenceTable } from "./records/record.table.js";
import type { SearchEntryTable, SearchStateTable } from "./search/search.table.js";
import type { SettingTable } from "./settings/settings.table.js";
import type { SupervisionItemTable } from "./supervision/supervision-item.table.js";
import type {
  TaskForceCoUnitTable,
  TaskForceGoalTable,
  TaskForceMemberTable,
  TaskForceTable,
} from "./task-forces/task-force.table.js";
import type { DependencyTable, TaskCoUnitTable, TaskTable } from "./tasks/task.table.js";

export interface Database {
  org_units: OrgUnitTable;
  persons: PersonTable;
  users: UserTable;
  goals: GoalTable;
  task_forces: TaskForceTable;
  task_force_goals: TaskForceGoalTable;
  task_force_co_units: TaskForceCoUnitTable;
  task_force_members: TaskForceMemberTable;
  tasks: TaskTable;
  task_co_units: TaskCoUnitTable;
  dependencies: DependencyTable;
  indicators: IndicatorTable;
  indicator_readings: IndicatorReadingTable;
  task_indicators: TaskIndicatorTable;
  progress_reports: ProgressReportTable;
  supervision_items: SupervisionItemTable;
  comments: CommentTable;
  attachments: AttachmentTable;
  audit_entries: AuditEntryTable;
  revisions: RevisionTable;
  data_changes: DataChangeTable;
  settings: SettingTable;
  sessions: SessionTable;
  api_tokens: ApiTokenTable;
  auth_failures: AuthFailureTable;
  assessments: AssessmentTable;
  sequences: SequenceTable;
  plan_baselines: PlanBaselineTable;
  plan_baseline_tasks: PlanBaselineTaskTable;
  chases: ChaseTable;
  messages: MessageTable;
  outbox: OutboxTable;
  extension_requests: ExtensionRequestTable;
  search_entries: SearchEntryTable;
  search_state: SearchStateTable;
}

/** The typed handle: a connection or an open transaction (repositories accept either). */
export type Db = Kysely<Database>;
