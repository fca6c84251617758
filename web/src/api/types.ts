/** Wire types of the API, derived from the shared zod schemas (one source of truth). */
import type { z } from "zod";
import type { AttachmentMeta } from "../../../src/shared/api/attachments";
import type { demoInfo, sessionInfo } from "../../../src/shared/api/auth";
import type {
  PlanApprovalPreview,
  PlanBaseline,
  PlanBaselineDetail,
} from "../../../src/shared/api/baselines";
import type {
  assessmentSnapshot,
  checkView,
  overviewSummary,
  overviewView,
  taskForceLights,
} from "../../../src/shared/api/closed-loop";
import type { Comment } from "../../../src/shared/api/comments";
import type { dispatchReportSummary, dispatchReportView } from "../../../src/shared/api/dispatch";
import type { Goal } from "../../../src/shared/api/goals";
import type { Indicator, IndicatorReading } from "../../../src/shared/api/indicators";
import type { orgUnitSchemas, personSchemas } from "../../../src/shared/api/org";
import type { ProgressReport } from "../../../src/shared/api/reports";
import type { SupervisionItem } from "../../../src/shared/api/supervision";
import type { TaskForce, TaskForceMember } from "../../../src/shared/api/task-forces";
import type { Dependency, Task } from "../../../src/shared/api/tasks";

export type {
  AttachmentMeta,
  Dependency,
  Goal,
  Indicator,
  IndicatorReading,
  ProgressReport,
  SupervisionItem,
  Task,
  TaskForce,
};
export type Member = TaskForceMember;
export type { Comment, PlanApprovalPreview, PlanBaseline, PlanBaselineDetail };
/** A dated assessment snapshot (考核) of task forces, units and persons. */
export type AssessmentSnapshot = z.output<typeof assessmentSnapshot>;
export type Session = z.output<typeof sessionInfo>;
export type DemoInfo = z.output<typeof demoInfo>;
export type Overview = z.output<typeof overviewView>;
/** The overview's first answer at any size (counts, goals, district indicators, tops of the rankings). */
export type OverviewSummary = z.output<typeof overviewSummary>;
export type OverviewTaskForce = Overview["taskForces"][number];
export type OverviewIndicator = Overview["indicators"][number];
export type EntityScore = Overview["assessment"]["taskForces"][number];
export type CheckView = z.output<typeof checkView>;
export type CheckFinding = CheckView["findings"][number];
/** The dispatch report (调度报告) of a round. */
export type DispatchReport = z.output<typeof dispatchReportView>;
/** The dispatch report without task lists, a page of task forces' counts (a province's first answer). */
export type DispatchReportSummary = z.output<typeof dispatchReportSummary>;
export type TaskForceLights = z.output<typeof taskForceLights>;
export type Person = z.output<typeof personSchemas.entity>;
export type OrgUnit = z.output<typeof orgUnitSchemas.entity>;
export type LightColor = "red" | "yellow" | "green" | "grey" | "blue";
export type Reason = Overview["taskForces"][number]["reasons"][number];

/** A list answer of the API. */
export interface Page<T> {
  readonly items: T[];
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
}

/** `GET /task-forces/:id/full`. */
export interface TaskForceFull {
  readonly taskForce: TaskForce;
  readonly members: Member[];
  readonly tasks: Task[];
  readonly dependencies: Dependency[];
  readonly indicators: (Indicator & { readings: IndicatorReading[] })[];
  readonly supervisionItems: SupervisionItem[];
}
