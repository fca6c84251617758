/**
 * 本轮变化: what moved between two dispatch reports — task forces whose light changed, tasks that
 * fell overdue or left the overdue list, and the red / yellow / overdue counts before and after.
 */
import type { DispatchReport, LightColor, OverdueEntry } from "../../engines/index.js";

/** A task force whose light differs from the previous report's (`from` null: not in it). */
export interface ColorChange {
  readonly taskForceId: string;
  readonly code: string;
  readonly name: string;
  readonly from: LightColor | null;
  readonly to: LightColor | null;
}

/** A count at the previous report and now. */
export interface CountChange {
  readonly previous: number;
  readonly current: number;
}

/** What changed from one report to the next; lists in the current report's order. */
export interface DispatchChanges {
  /** Status date of the report compared against. */
  readonly previousStatusDate: string;
  readonly colorChanges: readonly ColorChange[];
  /** Overdue now, not overdue in the previous report (with this report's days overdue). */
  readonly newlyOverdue: readonly OverdueEntry[];
  /** Overdue in the previous report, not any more (done, or given a later deadline); previous entries. */
  readonly noLongerOverdue: readonly OverdueEntry[];
  /** Task counts by light (every level), and the overdue list's length. */
  readonly counts: { readonly red: CountChange; readonly yellow: CountChange; readonly overdue: CountChange };
}

/** The part of a report `changesSince` reads. */
export type ComparedReport = Pick<DispatchReport, "statusDate" | "taskForces" | "total">;

/**
 * Compares `current` with `previous` (the report at the end of the previous round). Task forces and
 * tasks are matched by id; a task force missing from either report counts as a change from or to null.
 * Example: task force 01 green at 08-14 and red at 08-15 → `colorChanges: [{ code: "01", from: "green", to: "red" }]`.
 */
export function changesSince(current: ComparedReport, previous: ComparedReport): DispatchChanges {
  const before = new Map(previous.taskForces.map((s) => [s.taskForceId, s]));
  const colorChanges: ColorChange[] = [];
  for (const s of current.taskForces) {
    const from = before.get(s.taskForceId)?.color ?? null;
    if (from !== s.color)
      colorChanges.push({ taskForceId: s.taskForceId, code: s.code, name: s.name, from, to: s.color });
  }
  const now = new Set(current.taskForces.map((s) => s.taskForceId));
  for (const s of previous.taskForces)
    if (!now.has(s.taskForceId) && s.color !== null)
      colorChanges.push({ taskForceId: s.taskForceId, code: s.code, name: s.name, from: s.color, to: null });
  const overdueNow = current.taskForces.flatMap((s) => s.overdue);
  const overdueBefore = previous.taskForces.flatMap((s) => s.overdue);
  const idsNow = new Set(overdueNow.map((e) => e.taskId));
  const idsBefore = new Set(overdueBefore.map((e) => e.taskId));
  const count = (p: number, c: number): CountChange => ({ previous: p, current: c });
  return {
    previousStatusDate: previous.statusDate,
    colorChanges,
    newlyOverdue: overdueNow.filter((e) => !idsBefore.has(e.taskId)),
    noLongerOverdue: overdueBefore.filter((e) => !idsNow.has(e.taskId)),
    counts: {
      red: count(previous.total.taskCounts.red, current.total.taskCounts.red),
      yellow: count(previous.total.taskCounts.yellow, current.total.taskCounts.yellow),
      overdue: count(previous.total.overdue, current.total.overdue),
    },
  };
}

/** The status date the previous round ended on: the day before the current round's first day. */
export function previousRoundDate(currentRoundStart: string): string {
  const d = new Date(`${currentRoundStart}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}
