/**
 * Time progress (时间进度): how much of an indicator's period has elapsed at a date — linearly by
 * calendar days, or by the monthly plan when one is given.
 */
import { dayNumber, daysInMonth, type IsoDate, previousMonth, type YearMonth } from "./dates.js";
import type { Indicator, Percent } from "./types.js";

/** An inclusive date range. */
export interface DatePeriod {
  readonly start: IsoDate;
  readonly end: IsoDate;
}

/** The indicator's period: the given one, else Jan 1 – Dec 31 of its year. */
export function indicatorPeriod(indicator: Indicator, period?: DatePeriod): DatePeriod {
  return period ?? { start: `${indicator.year}-01-01`, end: `${indicator.year}-12-31` };
}

/**
 * Linear time progress: the share of the period's days (inclusive) that lie on or before `asOf`, in %.
 * Example: the year 2022 at 2022-07-02 → 183/365 = 50.1 %. Before the period 0, after it 100.
 */
export function linearTimeProgress(period: DatePeriod, asOf: IsoDate): Percent {
  const start = dayNumber(period.start);
  const total = dayNumber(period.end) - start + 1;
  const elapsed = Math.min(total, Math.max(0, dayNumber(asOf) - start + 1));
  return total > 0 ? (elapsed / total) * 100 : 100;
}

/**
 * Cumulative plan at the end of `month`: the plan's value for that month or, if missing, for the
 * latest earlier month given; 0 before the first month given.
 */
export function planAtMonthEnd(plan: Readonly<Record<YearMonth, number>>, month: YearMonth): number {
  let best: YearMonth | null = null;
  for (const m of Object.keys(plan)) if (m <= month && (best === null || m > best)) best = m;
  return best === null ? 0 : plan[best]!;
}

/**
 * Cumulative plan at a date: linear within the month between the previous month's end and this
 * month's end, so an evenly spread plan gives the same figure as linear time progress.
 */
export function planAtDate(plan: Readonly<Record<YearMonth, number>>, date: IsoDate): number {
  const month = date.slice(0, 7);
  const before = planAtMonthEnd(plan, previousMonth(month));
  const after = planAtMonthEnd(plan, month);
  const fraction = Number(date.slice(8, 10)) / daysInMonth(month);
  return before + (after - before) * fraction;
}

/**
 * Time progress of an indicator at `asOf`, in %: the monthly plan's cumulative value over the
 * target when a plan is given and the target is positive, else {@link linearTimeProgress}.
 * The result is clamped to [0, 100] by the period: 0 before it starts, and for a plan at most the
 * plan's share.
 */
export function timeProgressAt(
  indicator: Indicator,
  period: DatePeriod,
  asOf: IsoDate,
): { readonly timeProgress: Percent; readonly basis: "linear" | "monthly-plan" } {
  const plan = indicator.monthlyPlan;
  if (plan && Object.keys(plan).length > 0 && indicator.target > 0) {
    if (asOf < period.start) return { timeProgress: 0, basis: "monthly-plan" };
    const at = asOf > period.end ? period.end : asOf;
    return {
      timeProgress: Math.max(0, (planAtDate(plan, at) / indicator.target) * 100),
      basis: "monthly-plan",
    };
  }
  return { timeProgress: linearTimeProgress(period, asOf), basis: "linear" };
}
