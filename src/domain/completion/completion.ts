/**
 * Completion review (完成确认) of tasks: the rule every write of a task's status follows, and the
 * percent a task falls back to when its claimed completion is sent back.
 */
import type { TaskCompletion, TaskStatus } from "../../vocabulary/index.js";

/** What the rule reads of a task. */
interface Finishable {
  readonly status: TaskStatus;
  readonly completion: TaskCompletion | null;
}

/**
 * A task's completion after a write that may change its status: a task not finished has none; one
 * the write finishes takes `finishedAs` (a progress report claims, a lead's edit or an office's
 * import is its own confirmation); one finished before and after keeps its completion.
 * Example: `completionAfter({ status: "in_progress", completion: null }, { status: "done" }, "claimed")` is `"claimed"`.
 */
export function completionAfter(
  before: Finishable | null,
  after: Pick<Finishable, "status">,
  finishedAs: TaskCompletion,
): TaskCompletion | null {
  if (after.status !== "done") return null;
  if (before?.status !== "done") return finishedAs;
  return before.completion;
}

/** The percent a sent-back task shows when none of its reports before the claim stands below 100 %. */
export const RETURNED_PERCENT = 90;

/**
 * The percent a task falls back to when its claimed completion is sent back: that of its latest
 * report before the claiming one when it is below 100, else {@link RETURNED_PERCENT}.
 */
export function returnedPercent(previousReportPercent: number | null): number {
  return previousReportPercent !== null && previousReportPercent < 100
    ? previousReportPercent
    : RETURNED_PERCENT;
}

/**
 * The least percent a new report of a task may give, after an earlier one of `previousPercent`:
 * that percent, except after a send-back, when the task stands below its 100 % report and progress
 * is reported again from where it stands.
 */
export function reportFloor(
  task: { readonly status: TaskStatus; readonly percent: number },
  previousPercent: number,
) {
  return previousPercent >= 100 && task.status !== "done"
    ? Math.min(previousPercent, task.percent)
    : previousPercent;
}
