import { slotDate, slotOnOrBefore } from "./calendar.js";
import { pick } from "./prng.js";
import type { LeafPlan } from "./schedule-rows.js";
import type { TaskRow } from "./types.js";

/** Share of a baseline's working days on or before the status date, in percent. */
export function plannedPercent(plan: LeafPlan, statusDate: string): number {
  const t = slotOnOrBefore(statusDate);
  const d = plan.end - plan.start;
  if (d === 0) return plan.baselineFinish <= statusDate ? 100 : 0;
  return (Math.min(Math.max(t - plan.start + 1, 0), d) / d) * 100;
}

/**
 * State of a leaf at the status date from its baseline and the row's override: done when the
 * baseline finished before it, in progress near its planned percent while under way, not started
 * before its baseline start — unless the row says `b15`, `b25`, `idle`, `late` or `early`.
 */
export function leafState(row: TaskRow, plan: LeafPlan, statusDate: string, rand: () => number) {
  const t = statusDate;
  const planned = plannedPercent(plan, t);
  const inProgress = (percent: number, actualStart: string) =>
    ({ status: "in_progress", percent, actualStart, actualFinish: null }) as const;
  const notStarted = { status: "not_started", percent: 0, actualStart: null, actualFinish: null } as const;
  switch (row.s) {
    case "idle":
      return notStarted;
    case "late":
      return inProgress(85, plan.baselineStart);
    case "early":
      return inProgress(10, slotDate(slotOnOrBefore(t) - 3));
    case "b15":
    case "b25":
      return inProgress(Math.max(5, Math.round(planned) - (row.s === "b15" ? 15 : 25)), plan.baselineStart);
  }
  if (plan.end - plan.start === 0) {
    return plan.baselineFinish < t
      ? ({
          status: "done",
          percent: 100,
          actualStart: plan.baselineFinish,
          actualFinish: plan.baselineFinish,
        } as const)
      : notStarted;
  }
  if (plan.baselineFinish < t) {
    const early = plan.end - plan.start > 3 && rand() < 0.3 ? 1 : 0;
    const finish = slotDate(plan.end - 1 - early);
    return { status: "done", percent: 100, actualStart: plan.baselineStart, actualFinish: finish } as const;
  }
  if (plan.baselineStart <= t) {
    const lag = pick(rand, [0, 0, 2, 4, 5, -3]);
    return inProgress(Math.min(99, Math.max(1, Math.round(planned) - lag)), plan.baselineStart);
  }
  return notStarted;
}
