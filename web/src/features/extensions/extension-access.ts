/**
 * Pure access decisions about 延期申请 in the UI, from the session: the route's role gate narrowed
 * by the scopes the services enforce (extension.service.ts, extension-decision.service.ts).
 */
import type { Session } from "../../api/types";

type S = Session | null | undefined;
const has = (s: S, perm: string) => !!s?.permissions.includes(perm);
const role = (s: S, r: string) => !!s?.roles.some((x) => x === r);

/**
 * Whether the user may ask for a task's extension: not done, and they own it, lead its task force,
 * are a member of it (acting for the owner) or an admin.
 */
export function mayFileExtension(
  s: S,
  task: { taskForceId: string; responsiblePersonId: string | null; status: string },
): boolean {
  if (!s || !has(s, "write:extension-requests") || task.status === "done") return false;
  if (role(s, "admin") || s.leadTaskForceIds.includes(task.taskForceId)) return true;
  if (s.personId !== null && s.personId === task.responsiblePersonId) return true;
  return role(s, "member") && s.ownTaskForceIds.includes(task.taskForceId);
}

/** Whether the user decides a request: a lead of its task force or the supervision office, never its requester. */
export function mayDecideExtension(
  s: S,
  r: { taskForceId: string; requestedBy: string; state: string },
): boolean {
  if (!s || r.state !== "pending" || !has(s, "extension-requests:approve")) return false;
  if (s.user.username === r.requestedBy) return false;
  return role(s, "admin") || role(s, "supervisor") || s.leadTaskForceIds.includes(r.taskForceId);
}

/** Whether the user may withdraw a request: their own, still pending. */
export function mayWithdrawExtension(s: S, r: { requestedBy: string; state: string }): boolean {
  return (
    !!s && r.state === "pending" && has(s, "extension-requests:withdraw") && s.user.username === r.requestedBy
  );
}

/** Whether the user has a queue of requests to decide (the menu entry 待审批延期). */
export const seesExtensionQueue = (s: S): boolean => has(s, "extension-requests:approve");
