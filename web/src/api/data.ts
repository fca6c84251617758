/** Typed calls of the closed-loop and task-force routes. */

import type { CascadeView } from "../../../src/shared/api/cascade";
import type { Settings } from "../../../src/shared/api/settings";
import { del, get, patch, post, upload } from "./client";
import type {
  AssessmentSnapshot,
  AttachmentMeta,
  CheckView,
  Comment,
  Dependency,
  DispatchReport,
  DispatchReportSummary,
  Indicator,
  IndicatorReading,
  LightColor,
  Member,
  OrgUnit,
  Overview,
  OverviewIndicator,
  OverviewSummary,
  OverviewTaskForce,
  Page,
  Person,
  PlanApprovalPreview,
  PlanBaseline,
  PlanBaselineDetail,
  ProgressReport,
  SupervisionItem,
  Task,
  TaskForce,
  TaskForceFull,
  TaskForceLights,
} from "./types";

/** Builds a query string from defined values. */
export function query(params: Record<string, string | number | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null) q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : "";
}

/** Uploads an evidence file for a task (POST /attachments with the raw bytes). */
export const uploadAttachment = (
  p: { taskId: string; file: Blob; fileName: string; contentType: string },
  onProgress?: (percent: number) => void,
) =>
  upload<AttachmentMeta>(
    `/attachments${query({ taskId: p.taskId, name: p.fileName })}`,
    p.file,
    p.contentType,
    onProgress,
  );
/** Where an attachment's bytes are downloaded (same origin, the session cookie). */
export const attachmentUrl = (id: string) => `/api/v1/attachments/${encodeURIComponent(id)}`;

export const fetchOverview = () => get<Overview>("/overview");
export const fetchOverviewSummary = (top: number) =>
  get<OverviewSummary>(`/overview/summary${query({ top })}`);
/** A page of the overview's task forces by rank, optionally of one light. */
export const fetchOverviewTaskForces = (p: {
  statusDate: string;
  limit: number;
  offset: number;
  light?: LightColor;
}) => get<Page<OverviewTaskForce> & { statusDate: string }>(`/overview/task-forces${query(p)}`);
/** The overview's rows of one task force's indicators (at most 500: a task book's, not a province's). */
export const fetchOverviewIndicators = (taskForceId: string) =>
  get<Page<OverviewIndicator>>(`/overview/indicators${query({ taskForceId, limit: 500 })}`);
/** Every indicator cascade (层层衔接) the caller may read, in pre-order, at the status date. */
export const fetchIndicatorCascades = (
  p: { goalId?: string; taskForceId?: string; statusDate?: string } = {},
) => get<CascadeView>(`/indicator-cascades${query(p)}`);
/** The dispatch report at a status date (default: the organisation's), for one or every readable task force. */
export const fetchDispatchReport = (p: { statusDate?: string; taskForceId?: string }) =>
  get<DispatchReport>(`/dispatch-report${query(p)}`);
/** The dispatch report's summary: totals, key points and a page of task forces' counts. */
export const fetchDispatchSummary = (p: { statusDate?: string; limit: number; offset: number }) =>
  get<DispatchReportSummary>(`/dispatch-report/summary${query(p)}`);
export const fetchCheck = () => get<CheckView>("/check");
export const fetchTaskForces = () =>
  get<Page<TaskForce>>(`/task-forces${query({ limit: 1000, sort: "code" })}`);
export const fetchTaskForceFull = (id: string) =>
  get<TaskForceFull>(`/task-forces/${encodeURIComponent(id)}/full`);
export const fetchTaskForceLights = (id: string) =>
  get<TaskForceLights>(`/task-forces/${encodeURIComponent(id)}/lights`);
export const fetchPersons = () => get<Page<Person>>(`/persons${query({ limit: 1000 })}`);
export const fetchOrgUnits = () => get<Page<OrgUnit>>(`/org-units${query({ limit: 1000 })}`);

/** Tasks matching equality filters (e.g. `responsiblePersonId`). */
export const fetchTasks = (filter: Record<string, string>) =>
  get<Page<Task>>(`/tasks${query({ limit: 1000, sort: "code", ...filter })}`);
export const fetchIndicators = (filter: Record<string, string>) =>
  get<Page<Indicator>>(`/indicators${query({ limit: 1000, sort: "code", ...filter })}`);
export const fetchSupervisionItems = (filter: Record<string, string>) =>
  get<Page<SupervisionItem>>(`/supervision-items${query({ limit: 1000, sort: "-raisedOn", ...filter })}`);
export const fetchProgressReports = (filter: Record<string, string>) =>
  get<Page<ProgressReport>>(`/progress-reports${query({ limit: 200, sort: "-reportDate", ...filter })}`);

/** Updates a task; send the record's `version` (409 STALE_VERSION when stale). */
export const patchTask = (id: string, body: Record<string, unknown> & { version: number }) =>
  patch<Task>(`/tasks/${encodeURIComponent(id)}`, body);
export const createProgressReport = (body: Record<string, unknown>) =>
  post<ProgressReport>("/progress-reports", body);
export const createReading = (body: Record<string, unknown>) =>
  post<IndicatorReading>("/indicator-readings", body);
export const createSupervisionItem = (body: Record<string, unknown>) =>
  post<SupervisionItem>("/supervision-items", body);

/** A supervision state-machine action (`start|submit|return|verify`). */
export const transitionSupervisionItem = (
  id: string,
  action: "start" | "submit" | "return" | "verify",
  body: { version: number; date: string; note?: string; rectification?: string },
) => post<SupervisionItem>(`/supervision-items/${encodeURIComponent(id)}/${action}`, body);

// Assessment snapshots (考核) and leaders' comments (批示) / escalation (提级督办).
export const fetchAssessments = () => get<Page<AssessmentSnapshot>>(`/assessments${query({ limit: 100 })}`);
export const fetchAssessment = (id: string) =>
  get<AssessmentSnapshot>(`/assessments/${encodeURIComponent(id)}`);
/** Takes a snapshot at `statusDate` (default: the organisation's status date). */
export const takeAssessment = (statusDate?: string) =>
  post<AssessmentSnapshot>(`/assessments${query({ statusDate })}`);
/** Comments matching equality filters (`taskForceId`, `taskId`, `supervisionItemId`), oldest first. */
export const fetchComments = (filter: Record<string, string>) =>
  get<Page<Comment>>(`/comments${query({ limit: 1000, sort: "createdAt", ...filter })}`);
/** One supervision item (its current version, e.g. to reapply after a 409). */
export const fetchSupervisionItem = (id: string) =>
  get<SupervisionItem>(`/supervision-items/${encodeURIComponent(id)}`);
export const createComment = (body: Record<string, unknown>) => post<Comment>("/comments", body);
export const escalateSupervisionItem = (id: string, body: { version: number; date: string; note: string }) =>
  post<SupervisionItem>(`/supervision-items/${encodeURIComponent(id)}/escalate`, body);

// Plan editing by a task force's lead (tasks, dependencies, members, indicators); each write
// re-schedules the task force on the server.
export const createTask = (body: Record<string, unknown>) => post<Task>("/tasks", body);
export const createDependency = (body: Record<string, unknown>) => post<Dependency>("/dependencies", body);
export const createMember = (body: Record<string, unknown>) => post<Member>("/members", body);
export const createIndicator = (body: Record<string, unknown>) => post<Indicator>("/indicators", body);
/** The resources a lead deletes from the plan. */
export type PlanResource = "tasks" | "dependencies" | "members" | "indicators";
/** Reads one plan record (its latest version, to reapply a change after a 409 STALE_VERSION). */
export const fetchPlanRecord = (resource: PlanResource, id: string) =>
  get<{ id: string; version: number }>(`/${resource}/${encodeURIComponent(id)}`);
/** Changes a plan record (a member's post or role, a dependency's type or lag) at `version`. */
export const patchPlanRecord = (
  resource: PlanResource,
  id: string,
  body: Record<string, unknown> & { version: number },
) => patch<{ id: string; version: number }>(`/${resource}/${encodeURIComponent(id)}`, body);
/** Deletes a plan record at `version` (409 STALE_VERSION when changed, STILL_REFERENCED when in use). */
export const deletePlanRecord = (resource: PlanResource, id: string, version?: number) =>
  del(`/${resource}/${encodeURIComponent(id)}${query({ version })}`);

const tfPath = (id: string) => `/task-forces/${encodeURIComponent(id)}`;
/** Plan baselines (基线): the approval preview, approval, and every version. */
export const fetchPlanApproval = (taskForceId: string) =>
  get<PlanApprovalPreview>(`${tfPath(taskForceId)}/plan-approval`);
/** `number`: the baseline number the approver previewed (another approval meanwhile → 409). */
export const approvePlan = (taskForceId: string, reason: string, number: number) =>
  post<{ baseline: PlanBaseline; approved: number }>(`${tfPath(taskForceId)}/approve-plan`, {
    reason,
    number,
  });
export const fetchBaselines = (taskForceId: string) =>
  get<PlanBaseline[]>(`${tfPath(taskForceId)}/baselines`);
export const fetchBaseline = (taskForceId: string, n: number) =>
  get<PlanBaselineDetail>(`${tfPath(taskForceId)}/baselines/${n}`);

/** The organisation's settings (everyone signed in may read them). */
export const fetchSettings = () => get<Settings>("/settings");
/** One task with its schedule. */
export const fetchTask = (id: string) => get<Task>(`/tasks/${encodeURIComponent(id)}`);
