/**
 * The windows of a dispatch report (调度): the current round up to T, the next round, and the
 * deadlines counted as "due".
 */
import { dateOfDayNumber, dayNumber, type IsoDate, isoWeekMonday, monthEnd } from "../indicators/dates.js";
import type { DispatchRound } from "../lights/types.js";
import type { DispatchRounds, RoundKind } from "./types.js";

/** The round kind a setting means: `off` (no report rule for lights) still reports weekly. */
export function roundKindOf(round: DispatchRound): RoundKind {
  return round === "monthly" ? "monthly" : "weekly";
}

/**
 * Windows at T. Example: weekly at Monday 2022-08-15 → current 08-15..08-15, next 08-22..08-28,
 * due 08-15..08-28; monthly at 2022-08-15 → current 08-01..08-15, next 09-01..09-30.
 */
export function dispatchRounds(round: DispatchRound, statusDate: IsoDate): DispatchRounds {
  const kind = roundKindOf(round);
  let start: IsoDate;
  let nextStart: IsoDate;
  let nextEnd: IsoDate;
  if (kind === "weekly") {
    start = isoWeekMonday(statusDate);
    nextStart = dateOfDayNumber(dayNumber(start) + 7);
    nextEnd = dateOfDayNumber(dayNumber(start) + 13);
  } else {
    start = `${statusDate.slice(0, 7)}-01`;
    nextStart = dateOfDayNumber(dayNumber(monthEnd(statusDate.slice(0, 7))) + 1);
    nextEnd = monthEnd(nextStart.slice(0, 7));
  }
  return {
    kind,
    current: { start, end: statusDate },
    next: { start: nextStart, end: nextEnd },
    due: { start: statusDate, end: nextEnd },
  };
}

/** Whether `date` lies in `[start, end]` (null never does). */
export function inWindow(date: IsoDate | null | undefined, w: { start: IsoDate; end: IsoDate }): boolean {
  return !!date && date >= w.start && date <= w.end;
}

/**
 * Days from `a` to `b` (positive when b is later): working days in (a, b] with a calendar, else
 * calendar days.
 */
export function daysFrom(
  a: IsoDate,
  b: IsoDate,
  calendar: { workdaysBetween(a: IsoDate, b: IsoDate): number } | null | undefined,
): number {
  return calendar ? calendar.workdaysBetween(a, b) : dayNumber(b) - dayNumber(a);
}

/** Orders WBS codes segment by segment, numerically where both segments are numbers (`01.2` < `01.10`). */
export function compareWbs(a: string, b: string): number {
  return compareWbsKeys(wbsKey(a), wbsKey(b));
}

/** A WBS code split once for sorting: each segment, and its number when it is all digits (else NaN). */
type WbsKey = readonly (readonly [string, number])[];

const wbsKey = (code: string): WbsKey =>
  code.split(".").map((p) => [p, /^\d+$/.test(p) ? Number(p) : Number.NaN] as const);

function compareWbsKeys(x: WbsKey, y: WbsKey): number {
  for (let k = 0; k < Math.min(x.length, y.length); k++) {
    const [p, np] = x[k]!;
    const [q, nq] = y[k]!;
    if (p === q) continue;
    if (!Number.isNaN(np) && !Number.isNaN(nq) && np !== nq) return np - nq;
    return p < q ? -1 : 1;
  }
  return x.length - y.length;
}

/**
 * `records` ordered by WBS code ({@link compareWbs}), then by id: each code split once, not once per
 * comparison (a province's dispatch report sorts 50,000 tasks).
 */
export function sortByWbs<T extends { readonly code: string; readonly id: string }>(
  records: readonly T[],
): T[] {
  const keyed = records.map((r) => ({ r, key: wbsKey(r.code) }));
  keyed.sort((a, b) => compareWbsKeys(a.key, b.key) || (a.r.id < b.r.id ? -1 : 1));
  return keyed.map((k) => k.r);
}
