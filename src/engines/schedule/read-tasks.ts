import { parseIsoDate } from "../../vocabulary/dates.js";
import type { DayNumber } from "../calendar/types.js";
import { IdIndex, type TaskIndex } from "./id-index.js";
import { type Problems, shown, taskLabel } from "./problems.js";
import { float64, int32, uint8 } from "./scratch.js";

/** "No date" in the day-number arrays. */
export const NO_DAY = -2147483648;
/** Largest accepted |duration| and |lag|, in working days (about 400 years). */
export const MAX_WORKING_DAYS = 100_000;

/** The tasks of a schedule file as struct-of-arrays, indexed by input position. */
export interface TaskArrays {
  readonly n: number;
  readonly ids: readonly string[];
  readonly index: TaskIndex;
  readonly duration: Int32Array;
  /** Sum of all durations (bounds every slot value, see read-schedule-input). */
  readonly totalDuration: number;
  /** Index of the parent summary, −1 for none. */
  readonly parent: Int32Array;
  readonly isSummary: Uint8Array;
  readonly deadline: Int32Array;
  readonly notBefore: Int32Array;
  readonly actualStart: Int32Array;
  readonly actualFinish: Int32Array;
  readonly percent: Float64Array;
}

/** Dates seen so far: the project start (deadlines may not precede it) and the range of all dates. */
export interface DateContext {
  readonly projectStart: DayNumber;
  min: DayNumber;
  max: DayNumber;
}

function readDate(v: unknown, field: string, i: number, id: unknown, ctx: DateContext, p: Problems): number {
  if (v === undefined || v === null) return NO_DAY;
  const day = parseIsoDate(v);
  if (day === undefined) {
    p.add(
      "BAD_DATE",
      `tasks[${i}].${field}`,
      `${taskLabel(id, i)} ${field}: not a valid YYYY-MM-DD date: ${shown(v)}`,
    );
    return NO_DAY;
  }
  if (day < ctx.min) ctx.min = day;
  if (day > ctx.max) ctx.max = day;
  return day;
}

function readStatus(
  t: Record<string, unknown>,
  i: number,
  a: TaskArrays,
  ctx: DateContext,
  p: Problems,
): void {
  const start = readDate(t.actualStart, "actualStart", i, t.id, ctx, p);
  const finish = readDate(t.actualFinish, "actualFinish", i, t.id, ctx, p);
  a.actualStart[i] = start;
  a.actualFinish[i] = finish;
  if (finish !== NO_DAY && start === NO_DAY && t.actualStart == null)
    p.add(
      "BAD_DATE",
      `tasks[${i}].actualStart`,
      `${taskLabel(t.id, i)} actualStart: required when actualFinish is given`,
    );
  if (finish !== NO_DAY && start !== NO_DAY && finish < start)
    p.add(
      "END_BEFORE_START",
      `tasks[${i}].actualFinish`,
      `${taskLabel(t.id, i)} actualFinish: ${t.actualFinish} is before actualStart ${t.actualStart}`,
    );
  const percent = t.percent;
  if (percent === undefined || percent === null) a.percent[i] = 0;
  else if (typeof percent === "number" && percent >= 0 && percent <= 100) a.percent[i] = percent;
  else
    p.add(
      "BAD_PERCENT",
      `tasks[${i}].percent`,
      `${taskLabel(t.id, i)} percent: must be a number from 0 to 100, got ${shown(percent)}`,
    );
}

function durationProblem(p: Problems, i: number, id: unknown, d: unknown): void {
  const why =
    d === undefined
      ? "missing"
      : `must be a whole number of working days from 0 to ${MAX_WORKING_DAYS}, got ${shown(d)}`;
  p.add("BAD_DURATION", `tasks[${i}].duration`, `${taskLabel(id, i)} duration: ${why}`);
}

/** Resolves `parent` references once every id is known; marks summaries. */
function readParents(refs: Map<number, unknown>, a: TaskArrays, p: Problems): void {
  for (const [i, ref] of refs) {
    const j = typeof ref === "string" ? a.index.get(ref) : -1;
    if (j < 0)
      p.add(
        "UNKNOWN_TASK",
        `tasks[${i}].parent`,
        `${taskLabel(a.ids[i], i)} parent: unknown task ${shown(ref)}`,
      );
    else if (j === i)
      p.add(
        "PARENT_CYCLE",
        `tasks[${i}].parent`,
        `${taskLabel(a.ids[i], i)} parent: a task cannot be its own parent`,
      );
    else {
      a.parent[i] = j;
      a.isSummary[j] = 1;
    }
  }
}

/** Reads and checks `tasks` in one linear pass (plus one over the few parent references). */
export function readTasks(raw: readonly unknown[], ctx: DateContext, p: Problems): TaskArrays {
  const n = raw.length;
  const ids: string[] = new Array(n);
  const a = {
    n,
    ids,
    index: new IdIndex(ids),
    duration: int32(n),
    totalDuration: 0,
    parent: int32(n, -1),
    isSummary: uint8(n),
    deadline: int32(n),
    notBefore: int32(n),
    actualStart: int32(n),
    actualFinish: int32(n),
    percent: float64(n),
  };
  const parents = new Map<number, unknown>();
  const badDurations: number[] = [];
  const { index, duration, deadline, notBefore, actualStart, actualFinish } = a;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const t = raw[i] as Record<string, unknown>;
    if (typeof t !== "object" || t === null || Array.isArray(t)) {
      p.add("BAD_FILE", `tasks[${i}]`, `tasks[${i}]: must be an object, got ${shown(t)}`);
      ids[i] = "";
      continue;
    }
    const id = t.id;
    if (typeof id === "string" && id !== "") {
      ids[i] = id;
      const dup = index.add(i);
      if (dup >= 0)
        p.add("DUPLICATE_ID", `tasks[${i}].id`, `${taskLabel(id, i)} id: duplicate of tasks[${dup}]`);
    } else {
      ids[i] = "";
      p.add("BAD_ID", `tasks[${i}].id`, `tasks[${i}] id: must be a non-empty string, got ${shown(id)}`);
    }
    const d = t.duration;
    if (typeof d === "number" && d >= 0 && d <= MAX_WORKING_DAYS && Math.floor(d) === d) {
      duration[i] = d;
      total += d;
    } else badDurations.push(i);
    // Absent optional fields cost one property read each: the common case stays cheap.
    const dl = t.deadline;
    if (dl === undefined) deadline[i] = NO_DAY;
    else {
      const day = readDate(dl, "deadline", i, id, ctx, p);
      deadline[i] = day;
      if (day !== NO_DAY && day < ctx.projectStart)
        p.add(
          "DEADLINE_BEFORE_START",
          `tasks[${i}].deadline`,
          `${taskLabel(id, i)} deadline: ${dl} is before the project start`,
        );
    }
    const nb = t.notBefore;
    notBefore[i] = nb === undefined ? NO_DAY : readDate(nb, "notBefore", i, id, ctx, p);
    if (t.actualStart != null || t.actualFinish != null || t.percent != null) readStatus(t, i, a, ctx, p);
    else actualStart[i] = actualFinish[i] = NO_DAY;
    const parent = t.parent;
    if (parent != null) parents.set(i, parent);
  }
  a.totalDuration = total;
  readParents(parents, a, p);
  for (const i of badDurations) {
    const d = (raw[i] as Record<string, unknown>).duration;
    if (!a.isSummary[i] || d !== undefined) durationProblem(p, i, ids[i], d);
  }
  return a;
}
