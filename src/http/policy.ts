import type { Role } from "../shared/api/org.js";

/**
 * The access policy: every route declares one rule, and a route without a rule is refused at
 * start-up. Rules name an action on a resource; `allowedRoles` says which roles may perform it
 * (deny by default: a rule missing from the tables admits nobody). This is the role gate; the
 * services add scope checks (own task force, own task) in src/domain/accounts/access.ts.
 */
export type Rule =
  | { readonly kind: "public" }
  | { readonly kind: "authenticated" }
  | { readonly kind: "read"; readonly resource: string }
  | { readonly kind: "write"; readonly resource: string }
  | { readonly kind: "action"; readonly resource: string; readonly action: string };

export const publicRule: Rule = { kind: "public" };
export const authenticatedRule: Rule = { kind: "authenticated" };
export const readRule = (resource: string): Rule => ({ kind: "read", resource });
export const writeRule = (resource: string): Rule => ({ kind: "write", resource });
export const actionRule = (resource: string, action: string): Rule => ({ kind: "action", resource, action });

const everyone: readonly Role[] = ["admin", "supervisor", "leader", "lead", "member", "viewer"];

/** Resources only some roles may read (the rest are readable by every signed-in role). */
const readers: Readonly<Record<string, readonly Role[]>> = {
  users: ["admin"],
  // The supervision office's round report; leads read it for their own task forces (service scope).
  "dispatch-report": ["admin", "supervisor", "leader", "lead"],
  // Outbound deliveries (投递记录): the organisation's, for admins and the supervision office.
  outbox: ["admin", "supervisor"],
  // The district's answer sheet (交卷): those who read every task force; a task force's own sheet is
  // read under `task-forces`.
  "answer-sheet": ["admin", "supervisor", "leader"],
  // The server's Prometheus metrics (GET /metrics): admins, or a scraper with GUATU_METRICS_TOKEN.
  metrics: ["admin"],
};

/** Who may write which resource (scopes such as "own task force" are checked by the services). */
const writers: Readonly<Record<string, readonly Role[]>> = {
  "org-units": ["admin"],
  persons: ["admin"],
  users: ["admin"],
  goals: ["admin", "supervisor"],
  "task-forces": ["admin", "supervisor"],
  members: ["admin", "lead"],
  tasks: ["admin", "lead"],
  dependencies: ["admin", "lead"],
  // The office keeps the district-level indicators and splits them among task forces (service scope).
  indicators: ["admin", "supervisor", "lead"],
  "indicator-readings": ["admin", "supervisor", "lead", "member"],
  "progress-reports": ["admin", "lead", "member"],
  // Evidence files: uploaded by whoever may report on the task (scope checked by the service).
  attachments: ["admin", "lead", "member"],
  "supervision-items": ["admin", "supervisor"],
  settings: ["admin"],
  // Ledger imports: an admin anywhere, a lead into the task forces they lead (checked row by row).
  imports: ["admin", "lead"],
  comments: ["admin", "supervisor", "leader", "lead", "member"],
  // 延期申请 filed on a task: its owner, or its task force for them (scope checked by the service).
  "extension-requests": ["admin", "lead", "member"],
};

const actions: Readonly<Record<string, readonly Role[]>> = {
  "supervision-items:start": ["admin", "supervisor", "lead", "member"],
  "supervision-items:submit": ["admin", "lead", "member"],
  "supervision-items:return": ["admin", "supervisor"],
  "supervision-items:verify": ["admin", "supervisor"],
  "supervision-items:escalate": ["admin", "supervisor", "leader"],
  "audit-entries:read": ["admin", "supervisor", "leader"],
  "users:set-password": ["admin"],
  "task-forces:schedule": ["admin", "supervisor", "lead"],
  "task-forces:approve-plan": ["admin", "supervisor", "lead"],
  "schedule:all": ["admin", "supervisor"],
  "assessments:take": ["admin", "supervisor"],
  // 完成确认: a lead of the task's task force or the supervision office (scope checked by the service).
  "tasks:confirm-completion": ["admin", "supervisor", "lead"],
  "tasks:return-completion": ["admin", "supervisor", "lead"],
  // 延期申请: a lead of the task force or the supervision office decides; whoever filed it withdraws.
  "extension-requests:approve": ["admin", "supervisor", "lead"],
  "extension-requests:reject": ["admin", "supervisor", "lead"],
  "extension-requests:withdraw": ["admin", "lead", "member"],
  "outbox:retry": ["admin"],
  // 催办 by hand: the office, leaders and leads (the service keeps leads to their task forces' chains).
  "chases:send": ["admin", "supervisor", "leader", "lead"],
  // A task force's own reminder settings: its lead (service scope), the office, admins.
  "task-forces:reminder-settings": ["admin", "supervisor", "lead"],
  // Splitting a target among shares, or over months: who may change the indicator (service scope).
  "indicators:split": ["admin", "supervisor", "lead"],
  "indicators:split-months": ["admin", "supervisor", "lead"],
  // A task force's task book (任务书): its leads (service scope), the office, admins.
  "task-forces:edit-task-book": ["admin", "supervisor", "lead"],
};

/**
 * What an API token limited to one task force may call at all (its services then keep it to that
 * task force). The account (passwords, tokens) and the organisation (users, settings, units,
 * people, goals, new task forces, the audit trail, assessment snapshots, the outbox, the district's
 * answer sheet, scheduling everything) are refused whatever the token's role: unlisted means denied.
 */
const scopedWrites: ReadonlySet<string> = new Set([
  "members",
  "tasks",
  "dependencies",
  "indicators",
  "indicator-readings",
  "progress-reports",
  "attachments",
  "supervision-items",
  "comments",
  "extension-requests",
  "imports",
]);
const scopedActions: ReadonlySet<string> = new Set([
  "supervision-items:start",
  "supervision-items:submit",
  "supervision-items:return",
  "supervision-items:verify",
  "supervision-items:escalate",
  "task-forces:schedule",
  "task-forces:approve-plan",
  "task-forces:reminder-settings",
  "task-forces:edit-task-book",
  "tasks:confirm-completion",
  "tasks:return-completion",
  "extension-requests:approve",
  "extension-requests:reject",
  "extension-requests:withdraw",
  "chases:send",
  "indicators:split",
  "indicators:split-months",
]);
const organisationReads: ReadonlySet<string> = new Set([
  "users",
  "settings",
  "outbox",
  "answer-sheet",
  "assessments",
  "api-tokens",
  "metrics",
]);
/** Routes of the signed-in account itself, which a token limited to a task force may not touch. */
const accountRoutes: ReadonlySet<string> = new Set([
  "/api/v1/auth/password",
  "/api/v1/api-tokens",
  "/api/v1/api-tokens/:id",
]);

/** Whether a token limited to one task force may call the route of `url` with `rule` at all. */
export function withinTokenScope(rule: Rule, url: string): boolean {
  switch (rule.kind) {
    case "public":
      return true;
    case "authenticated":
      return !accountRoutes.has(url);
    case "read":
      return !organisationReads.has(rule.resource);
    case "write":
      return scopedWrites.has(rule.resource);
    case "action":
      return scopedActions.has(`${rule.resource}:${rule.action}`);
  }
}

/** Roles a rule admits (an empty list denies everyone: unknown means denied). */
export function allowedRoles(rule: Rule): readonly Role[] {
  switch (rule.kind) {
    case "public":
    case "authenticated":
      return everyone;
    case "read":
      return readers[rule.resource] ?? everyone;
    case "write":
      return writers[rule.resource] ?? [];
    case "action":
      return actions[`${rule.resource}:${rule.action}`] ?? [];
  }
}

/** A readable label for logs, docs and the permission matrix, e.g. `write:tasks`. */
export function ruleName(rule: Rule): string {
  if (rule.kind === "public" || rule.kind === "authenticated") return rule.kind;
  if (rule.kind === "action") return `${rule.resource}:${rule.action}`;
  return `${rule.kind}:${rule.resource}`;
}

/** Whether a caller holding `roles` passes the rule's role gate (public rules admit anyone). */
export function authorize(rule: Rule, roles: readonly Role[] | null): boolean {
  if (rule.kind === "public") return true;
  if (!roles) return false;
  const allowed = allowedRoles(rule);
  return roles.some((r) => allowed.includes(r));
}

/** Names of the rules among `rules` that `roles` pass (public and read-for-all rules left out). */
export function permissionsOf(roles: readonly Role[], rules: readonly Rule[]): string[] {
  const names = new Set<string>();
  for (const rule of rules) {
    if (rule.kind === "public" || rule.kind === "authenticated") continue;
    if (authorize(rule, roles)) names.add(ruleName(rule));
  }
  return [...names].sort();
}
