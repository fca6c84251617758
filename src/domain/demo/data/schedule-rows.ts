import { DEPENDENCY_TYPES } from "../../../vocabulary/index.js";
import { slotDate, slotOnOrAfter, slotOnOrBefore } from "./calendar.js";
import type { TaskRow } from "./types.js";

/** A parsed predecessor link of a row. */
export interface RowLink {
  readonly from: string;
  readonly type: "FS" | "SS" | "FF" | "SF";
  readonly lag: number;
}

/** Baseline of a leaf in working-day slots: it occupies `[start, end)`. */
export interface LeafPlan {
  readonly start: number;
  readonly end: number;
  readonly baselineStart: string;
  readonly baselineFinish: string;
  readonly deadline: string;
}

/** Parses `1.1`, `1.1 SS+3`, `1.2 FF-2`. */
export function parseLink(spec: string): RowLink {
  const m = /^([0-9.]+)(?: (FS|SS|FF|SF)([+-]\d+)?)?$/.exec(spec);
  if (!m?.[1]) throw new Error(`bad predecessor: ${spec}`);
  return { from: m[1], type: DEPENDENCY_TYPES.find((t) => t === m[2]) ?? "FS", lag: Number(m[3] ?? 0) };
}

const niceDates = [
  "07-15",
  "07-31",
  "08-15",
  "08-31",
  "09-15",
  "09-30",
  "10-15",
  "10-31",
  "11-15",
  "11-30",
  "12-15",
  "12-31",
].map((d) => `2022-${d}`);

/** The first 15th or month end on or after `date`, capped at `cap`. */
function niceDeadline(date: string, cap: string): string {
  const nice = niceDates.find((d) => d >= date) ?? cap;
  return nice < cap ? nice : cap;
}

/**
 * Forward-schedules the leaves of a WBS from `start` (as soon as possible after each row's `from`
 * and its predecessors), the way a task-force lead drafts a baseline. Milestones sit on their
 * deadline. Throws when a row cannot meet its deadline: the demo data itself would be wrong.
 */
export function planLeaves(rows: readonly TaskRow[], start: string, cap: string): Map<string, LeafPlan> {
  const byCode = new Map(rows.map((r) => [r.c, r]));
  const plans = new Map<string, LeafPlan>();
  const visiting = new Set<string>();
  const plan = (code: string): LeafPlan => {
    const done = plans.get(code);
    if (done) return done;
    const row = byCode.get(code);
    if (!row || row.d === undefined) throw new Error(`predecessor ${code} is not a leaf`);
    if (visiting.has(code)) throw new Error(`dependency cycle at ${code}`);
    visiting.add(code);
    const d = row.d;
    let s = slotOnOrAfter(row.from && row.from > start ? row.from : start);
    for (const link of (row.after ?? []).map(parseLink)) {
      const p = plan(link.from);
      const bound = {
        FS: p.end + link.lag,
        SS: p.start + link.lag,
        FF: p.end + link.lag - d,
        SF: p.start + link.lag - d,
      }[link.type];
      s = Math.max(s, bound);
    }
    let result: LeafPlan;
    if (d === 0) {
      if (!row.dl) throw new Error(`milestone ${code} needs a deadline`);
      const end = slotOnOrBefore(row.dl) + 1;
      if (end < s) throw new Error(`milestone ${code} is before its predecessors`);
      result = { start: end, end, baselineStart: row.dl, baselineFinish: row.dl, deadline: row.dl };
    } else {
      const end = s + d;
      const finish = slotDate(end - 1);
      const deadline = row.dl ?? niceDeadline(slotDate(end + 2), cap);
      if (finish > deadline)
        throw new Error(`task ${code} finishes ${finish}, after its deadline ${deadline}`);
      result = { start: s, end, baselineStart: slotDate(s), baselineFinish: finish, deadline };
    }
    visiting.delete(code);
    plans.set(code, result);
    return result;
  };
  for (const row of rows) if (row.d !== undefined) plan(row.c);
  return plans;
}
