import { AppError } from "../../shared/errors.js";
import { ruleDetail } from "../../shared/messages.js";
import type { ServiceContext } from "../context.js";
import type { Principal } from "./principal.js";

/**
 * Scope rules: who may touch which task force's records. The route's role gate
 * (src/http/policy.ts) admits roles; each feature service then calls the rule it needs here. A
 * context without a principal is the system itself (CLI, demo loader, a consequence of a change)
 * and may do anything.
 */

const deny = (message: string) => new AppError("FORBIDDEN", message);
const isAdmin = (p: Principal) => p.roles.includes("admin");
/** The supervision office's say over district-level indicators: admins and supervisors. */
const inOffice = (p: Principal) => isAdmin(p) || p.roles.includes("supervisor");

/** Admins, supervisors and leaders read every task force, unless their API token names one. */
export const readsEverything = (p: Principal): boolean =>
  p.taskForceScope === null && p.roles.some((r) => r === "admin" || r === "supervisor" || r === "leader");

/** Task forces a caller may read; null: every one. */
export function readableTaskForces(p: Principal | undefined): ReadonlySet<string> | null {
  if (!p || readsEverything(p)) return null;
  if (p.taskForceScope) return new Set([p.taskForceScope]);
  return p.ownTaskForceIds;
}

/** Whether the caller may read records of task force `taskForceId` (null: records of none). */
export function mayReadTaskForce(p: Principal | undefined, taskForceId: string | null): boolean {
  const readable = readableTaskForces(p);
  return !readable || taskForceId === null || readable.has(taskForceId);
}

/** Refuses a read of another task force's records (403). */
export function assertMayRead(ctx: ServiceContext, taskForceId: string | null): void {
  if (!mayReadTaskForce(ctx.principal, taskForceId))
    throw deny("you may read only your own task forces' records");
}

/** The ids a list is narrowed to (null: no narrowing), optionally within those asked for. */
export function readScope(ctx: ServiceContext, asked?: readonly string[]): string[] | null {
  const readable = readableTaskForces(ctx.principal);
  if (!readable) return asked ? [...asked] : null;
  return asked ? asked.filter((id) => readable.has(id)) : [...readable];
}

/** Refuses a write outside the task force an API token is limited to. */
function assertInTokenScope(p: Principal, taskForceId: string | null): void {
  if (p.taskForceScope && taskForceId !== p.taskForceScope)
    throw deny(`this API token is limited to task force ${p.taskForceScope}`);
}

/**
 * Refuses organisation-wide writes (org units, people, accounts, goals, settings, new task forces,
 * schedule-all, assessments) to an API token limited to one task force: such a token acts only
 * within it, whatever its role.
 */
export function assertOrganisationWide(ctx: ServiceContext): void {
  const p = ctx.principal;
  if (p?.taskForceScope)
    throw deny(
      `this API token is limited to task force ${p.taskForceScope}; it cannot change the organisation`,
    );
}

/** Writes the route's role gate already decided (supervision items, task-force records): only a token's limit is left. */
export function assertTaskForceInScope(ctx: ServiceContext, taskForceId: string): void {
  if (ctx.principal) assertInTokenScope(ctx.principal, taskForceId);
}

/** Whether the caller leads (edits the plan of) task force `taskForceId`. */
export const leadsTaskForce = (p: Principal, taskForceId: string): boolean =>
  p.roles.includes("lead") && p.leadTaskForceIds.has(taskForceId);

/**
 * Whether the caller may import ledger rows of task force `taskForceId`; null: organisation-wide
 * rows (units, people, a new task force), which only an unlimited admin may. Leads import into
 * the task forces they lead; an API token only within its task force.
 */
export function mayImportInto(p: Principal | undefined, taskForceId: string | null): boolean {
  if (!p) return true;
  if (taskForceId === null) return isAdmin(p) && p.taskForceScope === null;
  if (p.taskForceScope && p.taskForceScope !== taskForceId) return false;
  return isAdmin(p) || leadsTaskForce(p, taskForceId);
}

/** The plan (tasks, dependencies, indicators, members) is edited by admins and the task force's leads. */
export function assertMayEditPlan(ctx: ServiceContext, taskForceId: string): void {
  const p = ctx.principal;
  if (!p) return;
  assertInTokenScope(p, taskForceId);
  if (isAdmin(p) || leadsTaskForce(p, taskForceId)) return;
  throw deny(`only the lead of task force ${taskForceId} may change its plan`);
}

/**
 * District-level records of the plan (indicators of no task force, which quantify a goal) belong to
 * the supervision office: supervisors and admins, not through a token limited to one task force.
 */
export function assertMayEditDistrictPlan(ctx: ServiceContext): void {
  const p = ctx.principal;
  if (!p) return;
  assertOrganisationWide(ctx);
  if (inOffice(p)) return;
  throw deny("only the supervision office or an admin may change district-level indicators");
}

/**
 * Whether the caller may change an indicator's target and plan (and so split it): its task force's
 * leads and admins; the office for a district-level one and for the task forces' shares of it.
 */
export function mayEditIndicator(
  p: Principal | undefined,
  i: { readonly taskForceId: string | null },
  parentIsDistrict: boolean,
): boolean {
  if (!p) return true;
  const office = p.taskForceScope === null && inOffice(p);
  if (i.taskForceId === null) return office;
  if (parentIsDistrict && office) return true;
  if (p.taskForceScope && p.taskForceScope !== i.taskForceId) return false;
  return isAdmin(p) || leadsTaskForce(p, i.taskForceId);
}

/**
 * What {@link mayEditIndicator} reads of a principal, as a string: two callers with the same one
 * may edit the same indicators, so a read model that marks them editable can be shared between
 * them (with the task forces they may read, which the read cache's key already holds).
 */
export function indicatorEditorKey(p: Principal | undefined): string {
  if (!p) return "system";
  return [
    p.taskForceScope ?? "",
    isAdmin(p) ? "admin" : "",
    inOffice(p) ? "office" : "",
    [...p.leadTaskForceIds].sort(),
  ].join("|");
}

/**
 * Progress on a task and actuals of an indicator are reported by its owner (a member), the task
 * force's lead or an admin.
 */
export function assertMayReport(
  ctx: ServiceContext,
  taskForceId: string,
  ownerPersonId: string | null,
  what: "task" | "indicator",
): void {
  const p = ctx.principal;
  if (!p) return;
  assertInTokenScope(p, taskForceId);
  if (isAdmin(p) || leadsTaskForce(p, taskForceId)) return;
  if (p.roles.includes("member") && p.personId !== null && p.personId === ownerPersonId) return;
  throw deny(`only the responsible person or the task-force lead may report on this ${what}`);
}

/** Anyone who reads a task force may comment on it; only the author changes or deletes a comment. */
export function assertMayComment(
  ctx: ServiceContext,
  taskForceId: string,
  author: string | null,
  change: "write" | "edit" | "delete" = "write",
): void {
  const p = ctx.principal;
  if (!p) return;
  assertInTokenScope(p, taskForceId);
  // A comment speaks in its author's name: nobody else rewords it, an admin included (an admin
  // may still remove one).
  if (change === "edit" && author !== null && author !== p.username)
    throw deny("only the author may change a comment");
  if (isAdmin(p)) return;
  if (!mayReadTaskForce(p, taskForceId)) throw deny("you may comment only on task forces you can read");
  if (author !== null && author !== p.username) throw deny("only the author may change or delete a comment");
}

/**
 * A record attributed to a person (a report's `reportedById`) names the person signed in, never
 * someone else: refused (403) when the body names another. Without a principal (the demo, a
 * ledger moved in) the record says who it is.
 */
export function attributedTo(ctx: ServiceContext, given: string | null): string | null {
  const p = ctx.principal;
  if (!p) return given;
  if (given !== null && given !== p.personId)
    throw new AppError("FORBIDDEN", "a report is made in the name of the person signed in, not another's", [
      ruleDetail("reportedById", "notYourself"),
    ]);
  return p.personId;
}
