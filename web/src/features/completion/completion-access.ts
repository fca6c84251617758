/**
 * Completion review (完成确认) as the UI decides it: which state a task's completion shows, and who
 * may confirm or send it back (the services' rules: a lead of the task force, the supervision
 * office or an admin; never the owner confirming their own).
 */
import { isClaimed } from "../../../../src/vocabulary/index";
import type { Session, Task } from "../../api/types";

export type ReviewAction = "confirm" | "return";

/** What a task shows of its completion review: awaiting review, sent back (with a reason), or nothing. */
export type CompletionView =
  | { readonly kind: "claimed"; readonly date: string | null }
  | { readonly kind: "returned"; readonly reason: string }
  | null;

/** The completion state a task shows; a sent-back one until it is finished again. */
export function completionView(
  task: Pick<Task, "status" | "completion" | "completionNote" | "actualFinish">,
): CompletionView {
  if (isClaimed(task)) return { kind: "claimed", date: task.actualFinish };
  if (task.status !== "done" && task.completion === null && task.completionNote)
    return { kind: "returned", reason: task.completionNote };
  return null;
}

/** Whether the signed-in user may take `action` on the task's claimed completion. */
export function mayReview(
  s: Session | null | undefined,
  task: Pick<Task, "taskForceId" | "responsiblePersonId">,
  action: ReviewAction,
): boolean {
  if (!s?.permissions.includes(`tasks:${action}-completion`)) return false;
  if (action === "confirm" && s.personId !== null && s.personId === task.responsiblePersonId) return false;
  if (s.roles.some((r) => r === "admin" || r === "supervisor")) return true;
  return s.roles.includes("lead") && s.leadTaskForceIds.includes(task.taskForceId);
}
