import { isoDateOfDay } from "../../vocabulary/dates.js";
import { EngineInputError } from "../calendar/calendar-error.js";
import type { WorkCalendar } from "../calendar/types.js";
import { buildWorkCalendar } from "../calendar/work-calendar.js";
import { buildGraph, type ScheduleGraph } from "./build-graph.js";
import { criticalChain } from "./critical-chain.js";
import { nodeBounds } from "./node-bounds.js";
import { backwardPass, forwardPass, NO_LOWER, NO_UPPER } from "./passes.js";
import { taskLabel } from "./problems.js";
import { readScheduleBytes } from "./read-schedule-bytes.js";
import {
  FIRST_DAY,
  LAST_DAY,
  readScheduleInput,
  type ScheduleInput,
  WINDOW_MARGIN,
} from "./read-schedule-input.js";
import { ScheduleInputError, type ScheduleProblem } from "./schedule-error.js";
import { ScheduleResult, type TaskSlots } from "./schedule-result.js";
import { scratchBegin, scratchEnd, scratchEstimate } from "./scratch.js";
import { topoOrder } from "./topo-order.js";
import type { ScheduleFile, ScheduleOptions, ScheduleOutput } from "./types.js";

interface Prepared {
  readonly input: ScheduleInput;
  readonly graph: ScheduleGraph;
  readonly order: Int32Array;
}

function prepare(file: unknown, options?: ScheduleOptions): Prepared | readonly ScheduleProblem[] {
  const [input, problems] = readScheduleInput(file, options);
  return input ? prepareInput(input) : problems.list;
}

function prepareInput(input: ScheduleInput): Prepared | readonly ScheduleProblem[] {
  const graph = buildGraph(input.tasks, input.deps);
  if ("code" in graph) return [graph];
  const order = topoOrder(graph, input.tasks.ids);
  return "code" in order ? [order] : { input, graph, order };
}

/**
 * Every problem of a schedule file (empty when `schedule` would accept it): bad fields named by
 * task and field, unknown or duplicate ids, parent cycles, one dependency cycle.
 * @example validateScheduleFile({ projectStart: "2022-07-01", tasks: [{ id: "A" }] })[0].path === "tasks[0].duration"
 */
export function validateScheduleFile(file: unknown, options?: ScheduleOptions): ScheduleProblem[] {
  const p = prepare(file, options);
  if (Array.isArray(p)) return [...p];
  if ((p as Prepared).input.rangeSafe) return [];
  // Only the passes tell whether a very long plan's dates stay within four-digit years.
  try {
    computeSchedule(file, options);
    return [];
  } catch (e) {
    if (e instanceof ScheduleInputError) return [...e.problems];
    throw e;
  }
}

/**
 * A problem naming a task whose computed date leaves 0001-01-01 … 9999-12-31 (dates print as
 * four-digit years), or null. Only the two extreme slots are turned into days: the calendar grows
 * to cover what it is asked, and refuses beyond those years.
 */
function outOfRange(t: ScheduleInput["tasks"], cal: WorkCalendar, slots: TaskSlots): ScheduleProblem | null {
  const { es, ef, ls, le } = slots;
  let lo = NO_UPPER;
  let hi = NO_LOWER;
  for (let i = 0; i < t.n; i++) {
    if (t.isSummary[i]) continue;
    lo = Math.min(lo, es[i]!, ls[i]!);
    hi = Math.max(hi, ef[i]! - 1, le[i]! - 1);
  }
  if (hi < lo) return null;
  const within = (slot: number, edge: number, after: boolean) => {
    try {
      return after ? cal.dayOfSlot(slot) <= edge : cal.dayOfSlot(slot) >= edge;
    } catch {
      return false; // the calendar itself stops at the years 0001–9999
    }
  };
  const past = !within(hi, LAST_DAY, true);
  if (!past && within(lo, FIRST_DAY, false)) return null;
  let i = 0;
  while (t.isSummary[i] || (past ? Math.max(ef[i]! - 1, le[i]! - 1) !== hi : Math.min(es[i]!, ls[i]!) !== lo))
    i++;
  return {
    code: "DATE_OUT_OF_RANGE",
    path: `tasks[${i}]`,
    message: `${taskLabel(t.ids[i], i)}: its ${past ? "finish would fall after 9999-12-31" : "start would fall before 0001-01-01"} (the chain of durations and lags ${past ? "before" : "after"} it is too long); use real dates`,
  };
}

/** Spans of summaries from their children (children before parents), into the task slot arrays. */
function spanSummaries(s: TaskSlots, parent: Int32Array, topDown: Int32Array): void {
  const { es, ef, ls, le, isSummary } = s;
  for (let i = 0; i < parent.length; i++) {
    if (!isSummary[i]) continue;
    es[i] = ls[i] = NO_UPPER;
    ef[i] = le[i] = NO_LOWER;
  }
  for (let k = topDown.length - 1; k >= 0; k--) {
    const c = topDown[k]!;
    const p = parent[c]!;
    if (p < 0) continue;
    if (es[c]! < es[p]!) es[p] = es[c]!;
    if (ef[c]! > ef[p]!) ef[p] = ef[c]!;
    if (ls[c]! < ls[p]!) ls[p] = ls[c]!;
    if (le[c]! > le[p]!) le[p] = le[c]!;
  }
}

/**
 * Schedules a project file (SPEC "Scheduling"): forward and backward passes over working-day slots,
 * float, feasibility and one critical chain; linear in tasks + dependencies. Throws
 * `ScheduleInputError` (kind `invalid`) on bad input; an infeasible plan is a value.
 */
export function computeSchedule(file: ScheduleFile | unknown, options?: ScheduleOptions): ScheduleResult {
  const raw = file as { tasks?: unknown; dependencies?: unknown } | null;
  const size = (v: unknown) => (Array.isArray(v) ? v.length : 0);
  scratchBegin(scratchEstimate(size(raw?.tasks), size(raw?.dependencies)));
  try {
    return scheduleFile(file, options);
  } finally {
    scratchEnd();
  }
}

/**
 * `computeSchedule` of a schedule file given as its UTF-8 bytes (no BOM), read straight into arrays
 * (read-schedule-bytes.ts: several times faster than `JSON.parse` at a million tasks). Returns
 * `undefined` for anything that reader leaves to the usual path, including every bad input: parse
 * the file and call `computeSchedule`, which then reports it. `names` receives the tasks' names.
 */
export function computeScheduleFromBytes(
  bytes: Uint8Array,
  options?: ScheduleOptions,
  names?: string[],
): ScheduleResult | undefined {
  const input = readScheduleBytes(bytes, options, names);
  return input && scheduleInput(input);
}

/** `computeSchedule` of a file already read (`readScheduleBytes`); `undefined` for a refused one. */
export function scheduleInput(input: ScheduleInput): ScheduleResult | undefined {
  scratchBegin(scratchEstimate(input.tasks.n, input.deps.m));
  try {
    const prepared = prepareInput(input);
    return Array.isArray(prepared) ? undefined : scheduleWithScratch(prepared as Prepared);
  } catch (e) {
    if (e instanceof EngineInputError) return undefined; // the usual path says it in its words
    throw e;
  } finally {
    scratchEnd();
  }
}

function scheduleFile(file: unknown, options?: ScheduleOptions): ScheduleResult {
  const prepared = prepare(file, options);
  if (Array.isArray(prepared)) throw new ScheduleInputError(prepared);
  return scheduleWithScratch(prepared as Prepared);
}

function scheduleWithScratch(prepared: Prepared): ScheduleResult {
  const { input, graph, order } = prepared;
  const t = input.tasks;
  const projectStart = isoDateOfDay(input.projectStart);
  const cal: WorkCalendar = buildWorkCalendar(input.calendar, {
    origin: projectStart,
    from: isoDateOfDay(input.minDay - WINDOW_MARGIN),
    to: isoDateOfDay(input.maxDay + WINDOW_MARGIN),
  });
  const { pass, ub } = nodeBounds(input, graph, order, cal);
  const { es, ef } = forwardPass(pass);
  let maxEf = 0;
  for (let i = 0; i < t.n; i++) if (!t.isSummary[i] && ef[i]! > maxEf) maxEf = ef[i]!;
  if (input.deadline === undefined)
    for (let i = 0; i < t.n; i++) if (!t.isSummary[i] && ub[i]! > maxEf) ub[i] = maxEf;
  const { ls, le } = backwardPass(pass, ub);
  let minFloat = NO_UPPER;
  const negative: string[] = [];
  for (let i = 0; i < t.n; i++) {
    if (t.isSummary[i]) continue;
    const f = ls[i]! - es[i]!;
    if (f < minFloat) minFloat = f;
    if (f < 0) negative.push(t.ids[i]!);
  }
  if (minFloat === NO_UPPER) minFloat = 0;
  const chain = criticalChain({
    graph,
    ids: t.ids,
    isSummary: t.isSummary,
    dur: pass.dur,
    fixedStart: pass.fixedStart,
    es,
    ef,
    ls,
    le,
    ub,
    minFloat,
  });
  const slots: TaskSlots = { ids: t.ids, isSummary: Uint8Array.from(t.isSummary), es, ef, ls, le };
  if (!input.rangeSafe) {
    const problem = outOfRange(t, cal, slots);
    if (problem) throw new ScheduleInputError([problem]);
  }
  spanSummaries(slots, t.parent, graph.topDown);
  const header = {
    projectStart,
    deadline: input.deadline === undefined ? null : isoDateOfDay(input.deadline),
    statusDate: input.statusDate === undefined ? null : isoDateOfDay(input.statusDate),
    earliestFinish: t.n === 0 ? projectStart : cal.dateOfSlot(maxEf === 0 ? 0 : maxEf - 1),
    feasible: minFloat >= 0,
    minFloat,
    criticalPath: chain,
    negativeFloatTasks: negative,
  };
  return new ScheduleResult(header, slots, cal);
}

/**
 * Schedules a project file and returns exactly what `guatu schedule --format json` prints.
 * @example schedule({ projectStart: "2022-09-30", calendar: { builtin: "CN" }, tasks: [{ id: "A", duration: 2 }] })
 *   .tasks[0].earlyFinish === "2022-10-08"
 */
export function schedule(file: ScheduleFile, options?: ScheduleOptions): ScheduleOutput {
  return computeSchedule(file, options).toOutput();
}
