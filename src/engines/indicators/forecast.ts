/**
 * Year-end forecast (全年预计) for cumulative indicators: the run-rate to date, scaled up by the share
 * of the year it represents.
 */
import { type IsoDate, monthEnd } from "./dates.js";
import { latestReading } from "./progress.js";
import { indicatorPeriod, linearTimeProgress, planAtMonthEnd } from "./time-progress.js";
import type { Indicator, Reading, YearEndForecast } from "./types.js";

/**
 * Projects a `cumulative` indicator's total at the end of its period from the latest reading at or
 * before `statusDate`: `value = actual / share`, where `share` is the monthly plan's cumulative value
 * at the reading's month over its value at the period's last month when a plan is given, else the
 * share of the period's days elapsed at the end of the reading's month (or at T, if earlier).
 * Outcomes without a number: `not-cumulative`, `no-reading`, `no-basis` (the plan's share is 0).
 *
 * Example: target 120, plan even (10 a month), June actual 54 → share 0.5, forecast 108, misses.
 */
export function forecastYearEnd(
  indicator: Indicator,
  readings: readonly Reading[],
  statusDate: IsoDate,
  options: { readonly period?: { readonly start: IsoDate; readonly end: IsoDate } } = {},
): YearEndForecast {
  if (indicator.kind !== "cumulative") return { status: "not-cumulative" };
  const period = indicatorPeriod(indicator, options.period);
  const reading = latestReading(readings, period, statusDate);
  if (!reading) return { status: "no-reading" };
  const plan = indicator.monthlyPlan;
  let share: number;
  let basis: "monthly-plan" | "elapsed-time";
  if (plan && Object.keys(plan).length > 0) {
    const total = planAtMonthEnd(plan, period.end.slice(0, 7));
    share = total > 0 ? planAtMonthEnd(plan, reading.period) / total : 0;
    basis = "monthly-plan";
  } else {
    const end = monthEnd(reading.period);
    share = linearTimeProgress(period, end < statusDate ? end : statusDate) / 100;
    basis = "elapsed-time";
  }
  if (!(share > 0)) return { status: "no-basis" };
  share = Math.min(1, share);
  const value = reading.actual / share;
  const meetsTarget = indicator.direction === "up" ? value >= indicator.target : value <= indicator.target;
  return { status: "forecast", value, basis, share, reading, meetsTarget };
}
