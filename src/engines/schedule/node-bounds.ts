import type { WorkCalendar } from "../calendar/types.js";
import type { ScheduleGraph } from "./build-graph.js";
import { NO_LOWER, NO_UPPER, NOT_FIXED, type PassInput } from "./passes.js";
import type { ScheduleInput } from "./read-schedule-input.js";
import { NO_DAY } from "./read-tasks.js";
import { int32 } from "./scratch.js";

/** Working days left of a task in progress: ceil(d × (1 − percent/100)), robust to 0.1-style decimals. */
export const remainingDays = (d: number, percent: number): number =>
  Math.max(0, Math.ceil((d * (100 - percent)) / 100 - 1e-9));

/** Task deadlines and notBefore dates with every summary's own pushed down to its descendants. */
function inheritBounds(
  input: ScheduleInput,
  topDown: Int32Array,
): { deadline: Int32Array; notBefore: Int32Array } {
  const { parent, isSummary } = input.tasks;
  let inherit = false;
  for (let i = 0; i < parent.length && !inherit; i++)
    inherit =
      isSummary[i] === 1 && (input.tasks.deadline[i] !== NO_DAY || input.tasks.notBefore[i] !== NO_DAY);
  if (!inherit) return input.tasks; // the common case: no copies
  const deadline = int32(parent.length);
  deadline.set(input.tasks.deadline);
  const notBefore = int32(parent.length);
  notBefore.set(input.tasks.notBefore);
  for (const i of topDown) {
    const p = parent[i]!;
    if (p < 0) continue;
    if (deadline[p] !== NO_DAY && (deadline[i] === NO_DAY || deadline[p]! < deadline[i]!))
      deadline[i] = deadline[p]!;
    if (notBefore[p]! > notBefore[i]!) notBefore[i] = notBefore[p]!;
  }
  return { deadline, notBefore };
}

/**
 * Converts dates to slot bounds for the passes: lower bounds and fixed dates of started tasks, and
 * the upper bound on each task's end (`ub`, NO_UPPER where no deadline applies; the project deadline is
 * added to every task when given).
 */
export function nodeBounds(
  input: ScheduleInput,
  graph: ScheduleGraph,
  order: Int32Array,
  cal: WorkCalendar,
): { pass: PassInput; ub: Int32Array } {
  const t = input.tasks;
  const N = graph.nodes;
  const dur = int32(N);
  const lb = int32(N, NO_LOWER);
  const fixedStart = int32(N, NOT_FIXED);
  const fixedFinish = int32(N, NOT_FIXED);
  const ub = int32(N, NO_UPPER);
  const { deadline, notBefore } = inheritBounds(input, graph.topDown);
  const status = input.statusDate === undefined ? undefined : cal.slotOnOrAfterDay(input.statusDate);
  const projectUb = input.deadline === undefined ? NO_UPPER : cal.slotOnOrBeforeDay(input.deadline) + 1;
  for (let i = 0; i < t.n; i++) {
    if (t.isSummary[i]) continue;
    const d = t.duration[i]!;
    dur[i] = d;
    ub[i] = deadline[i] === NO_DAY ? projectUb : Math.min(projectUb, cal.slotOnOrBeforeDay(deadline[i]!) + 1);
    if (t.actualStart[i] !== NO_DAY) {
      const s = cal.slotOnOrAfterDay(t.actualStart[i]!);
      fixedStart[i] = s;
      if (t.actualFinish[i] !== NO_DAY)
        fixedFinish[i] = Math.max(s, cal.slotOnOrBeforeDay(t.actualFinish[i]!) + 1);
      else
        fixedFinish[i] = status === undefined ? s + d : Math.max(s, status + remainingDays(d, t.percent[i]!));
    } else {
      let low = status === undefined ? 0 : Math.max(0, status);
      if (notBefore[i] !== NO_DAY) low = Math.max(low, cal.slotOnOrAfterDay(notBefore[i]!));
      lb[i] = low;
    }
  }
  return { pass: { graph, order, dur, lb, fixedStart, fixedFinish }, ub };
}
