/**
 * Reading a cumulative monthly plan (`YYYY-MM` → value to date) without copying it: its last
 * month, its months in order, its value at a month with a missing month carrying the one before.
 * Entries whose value is not a finite number count as missing.
 */
import type { YearMonth } from "../../vocabulary/index.js";

/** A cumulative plan as on an indicator. */
export type MonthlyPlan = Readonly<Record<YearMonth, number>>;

const isValue = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

/** Whether the plan has at least one month with a value. */
export function hasPlan(plan: MonthlyPlan | null | undefined): plan is MonthlyPlan {
  if (!plan) return false;
  for (const month in plan) if (isValue(plan[month])) return true;
  return false;
}

/** The plan's latest month with a value, or null. */
export function lastPlanned(plan: MonthlyPlan | null | undefined): YearMonth | null {
  let last: YearMonth | null = null;
  if (plan)
    for (const month in plan) if (isValue(plan[month]) && (last === null || month > last)) last = month;
  return last;
}

/** The plan's months with a value, in ascending order. */
export function plannedMonths(plan: MonthlyPlan): YearMonth[] {
  const months = Object.keys(plan).filter((m) => isValue(plan[m]));
  for (let k = 1; k < months.length; k++) if (months[k - 1]! > months[k]!) return months.sort();
  return months;
}

/** The plan at the end of `month`: its value then or, if missing, the latest earlier one; 0 before it starts. */
export function planValueAt(plan: MonthlyPlan, month: YearMonth): number {
  const value = plan[month];
  if (isValue(value)) return value;
  let best: YearMonth | null = null;
  for (const m in plan) if (m < month && isValue(plan[m]) && (best === null || m > best)) best = m;
  return best === null ? 0 : plan[best]!;
}
