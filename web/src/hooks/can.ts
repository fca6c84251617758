/**
 * Pure access decisions of the UI: the role gate from the session's `permissions`, narrowed by the
 * scopes the services enforce (a lead edits only their task forces; a member reports only on
 * tasks and indicators they own). The UI hides every control these deny.
 */
import type { Session } from "../api/types";

/** Minimal task shape the decisions read. */
export interface OwnedTask {
  readonly taskForceId: string;
  readonly responsiblePersonId: string | null;
}

/** What the signed-in user may do. */
export interface Can {
  readonly rule: (name: string) => boolean;
  readonly editTasks: (taskForceId: string) => boolean;
  readonly reportProgress: (task: OwnedTask) => boolean;
  /** Attach evidence files to a task's report: who may report on it, with the upload rule. */
  readonly attachEvidence: (task: OwnedTask) => boolean;
  /** A district-level indicator (no task force): its owner or the supervision office. */
  readonly reportReading: (ind: { taskForceId: string | null; ownerPersonId: string | null }) => boolean;
  readonly raiseSupervision: boolean;
  readonly superviseAction: (
    action: "start" | "submit" | "return" | "verify",
    item: { taskForceId: string; responsiblePersonId: string | null },
  ) => boolean;
  readonly seeSupervisionQueue: boolean;
  readonly seeMyTasks: boolean;
  /** Assessment snapshots (考核): read them, take a new one. */
  readonly readAssessments: boolean;
  readonly takeAssessment: boolean;
  /** The dispatch report (调度报告): supervision office, admins, leaders, leads (own task forces). */
  readonly readDispatchReport: boolean;
  /** Write a comment (批示) on a task force or its tasks and items: a reader of it with the write rule. */
  readonly comment: (taskForceId: string) => boolean;
  /** Escalate (提级督办) a supervision item that is not yet signed off. */
  readonly escalate: (item: { state: string }) => boolean;
  /**
   * Change a task force's plan — create or delete its tasks, dependencies, members or indicators
   * (default: tasks): the write rule of that part, and the task force's lead or an admin.
   */
  readonly editPlan: (taskForceId: string, part?: PlanPart) => boolean;
  /**
   * Open the plan approval (基线) of a task force: its lead, the supervision office and admins
   * (a second baseline is the supervision office's alone; the preview says so).
   */
  readonly approvePlan: (taskForceId: string) => boolean;
  /** Edit a task force's task book (任务书): its leads, the supervision office and admins. */
  readonly editTaskBook: (taskForceId: string) => boolean;
  /**
   * Split an indicator's target among its shares (分解目标), given the cascade's `editable`: the
   * split's own check — the office for a district-level one, else the task force's lead or an admin
   * (the office changes a task force's share of a district target, but does not split it further).
   */
  readonly splitTarget: (ind: { taskForceId: string | null; editable: boolean }) => boolean;
  /** Spread an indicator's target over its months (分解月度计划): who may change it (`editable`). */
  readonly splitMonths: (ind: { editable: boolean }) => boolean;
  /**
   * Add a share below an indicator (新增分解), mirroring the indicator service: below a district-level
   * one the office or a task force's lead (for their own task force, {@link addShareTo}); below a
   * task force's, its lead or an admin.
   */
  readonly addShare: (ind: { taskForceId: string | null }) => boolean;
  /** The task forces a share of a district-level indicator may be added to by the caller. */
  readonly addShareTo: (taskForceId: string) => boolean;
  /** 新增区级指标: a district-level indicator, the supervision office's. */
  readonly addDistrictIndicator: boolean;
}

/** The parts of a task force's plan its lead edits. */
export type PlanPart = "tasks" | "dependencies" | "members" | "indicators";

const has = (s: Session | null | undefined, role: string) =>
  !!s?.roles.includes(role as Session["roles"][number]);

/** Builds the access decisions of a session (null: signed out, nothing allowed). */
export function canFor(s: Session | null | undefined): Can {
  const perms = new Set(s?.permissions ?? []);
  const rule = (n: string) => perms.has(n);
  const admin = has(s, "admin");
  const leads = (tf: string) => !!s?.leadTaskForceIds.includes(tf);
  const owns = (p: string | null) => !!s?.personId && p === s.personId;
  const scoped = (tf: string, owner: string | null) =>
    admin || leads(tf) || (has(s, "member") && owns(owner));
  return {
    rule,
    editTasks: (tf) => rule("write:tasks") && (admin || leads(tf)),
    reportProgress: (t) => rule("write:progress-reports") && scoped(t.taskForceId, t.responsiblePersonId),
    attachEvidence: (t) => rule("write:attachments") && scoped(t.taskForceId, t.responsiblePersonId),
    reportReading: (i) =>
      rule("write:indicator-readings") &&
      (i.taskForceId === null
        ? admin || has(s, "supervisor") || owns(i.ownerPersonId)
        : scoped(i.taskForceId, i.ownerPersonId)),
    raiseSupervision: rule("write:supervision-items"),
    superviseAction: (action, item) => {
      if (!rule(`supervision-items:${action}`)) return false;
      if (action === "return" || action === "verify") return true;
      return admin || has(s, "supervisor") || leads(item.taskForceId) || owns(item.responsiblePersonId);
    },
    seeSupervisionQueue: rule("supervision-items:verify"),
    seeMyTasks: !!s?.personId && (rule("write:progress-reports") || rule("write:indicator-readings")),
    readAssessments: rule("read:assessments"),
    takeAssessment: rule("assessments:take"),
    readDispatchReport: rule("read:dispatch-report"),
    // Mirrors access.ts: admins, supervisors and leaders read every task force, others their own.
    comment: (tf) =>
      rule("write:comments") &&
      (admin || has(s, "supervisor") || has(s, "leader") || !!s?.ownTaskForceIds.includes(tf)),
    escalate: (item) => rule("supervision-items:escalate") && item.state !== "verified",
    editPlan: (tf, part = "tasks") => rule(`write:${part}`) && (admin || leads(tf)),
    approvePlan: (tf) => rule("task-forces:approve-plan") && (admin || has(s, "supervisor") || leads(tf)),
    editTaskBook: (tf) => rule("task-forces:edit-task-book") && (admin || has(s, "supervisor") || leads(tf)),
    splitTarget: (i) =>
      rule("indicators:split") && i.editable && (i.taskForceId === null || admin || leads(i.taskForceId)),
    splitMonths: (i) => rule("indicators:split-months") && i.editable,
    addShare: (i) =>
      rule("write:indicators") &&
      (i.taskForceId === null
        ? admin || has(s, "supervisor") || !!s?.leadTaskForceIds.length
        : admin || leads(i.taskForceId)),
    addShareTo: (tf) => rule("write:indicators") && (admin || has(s, "supervisor") || leads(tf)),
    addDistrictIndicator: rule("write:indicators") && (admin || has(s, "supervisor")),
  };
}
