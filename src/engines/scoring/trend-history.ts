/**
 * An indicator's trend stage month by month (指标走势): the stage the overview would have shown at
 * the end of each reported month, and the months where it turned to 止跌, 回升 or 转正 — what the
 * answer sheet (交卷) reports as "where it happened".
 */
import { earlierDate, type IsoDate, type YearMonth } from "../indicators/dates.js";
import { indicatorPeriod } from "../indicators/time-progress.js";
import type { Indicator, Reading, TrendStage } from "../indicators/types.js";
import { type OverviewOptions, readingsIn, trendOfPicked } from "./overview.js";

/** The stages the answer sheet reports where they happened: 止跌, 回升, 转正. */
export const TURN_STAGES = ["stopped-falling", "rebounding", "turned-positive"] as const;
export type TurnStage = (typeof TURN_STAGES)[number];

/** The stage an indicator was at, at the end of a reported month. */
export interface MonthStage<S extends TrendStage = TrendStage> {
  readonly period: YearMonth;
  readonly stage: S;
}

/**
 * The trend stage at each month with a reading, in the indicator's period up to `statusDate`,
 * oldest first: at each month, the readings up to it classified as `overview` classifies them
 * (same period, series and ε). The last entry is the overview's trend at `statusDate`.
 * Example: a `level` indicator read 3, 1, 1.02, 2 in Jan–Apr → unknown, falling, stopped-falling,
 * rebounding.
 */
export function trendHistory(
  indicator: Indicator,
  readings: readonly Reading[],
  statusDate: IsoDate,
  options: Pick<OverviewOptions, "lights" | "trendEpsilon"> = {},
): MonthStage[] {
  const period = indicatorPeriod(indicator, options.lights?.indicator?.period);
  const to = earlierDate(statusDate, period.end).slice(0, 7);
  const picked = readingsIn(readings, period.start.slice(0, 7), to);
  return picked.map((r, k) => ({
    period: r.period,
    stage: trendOfPicked(indicator, readings, picked.slice(0, k + 1), options),
  }));
}

const isTurn = (s: TrendStage): s is TurnStage => (TURN_STAGES as readonly string[]).includes(s);

/**
 * The months where the stage became 止跌, 回升 or 转正: a month at one of them whose previous month
 * was at another stage (a run of 回升 months is reported once, at its first month).
 * Example: falling, stopped-falling, rebounding, rebounding → 止跌 in month 2, 回升 in month 3.
 */
export function trendTurns(history: readonly MonthStage[]): MonthStage<TurnStage>[] {
  const turns: MonthStage<TurnStage>[] = [];
  history.forEach((m, k) => {
    if (isTurn(m.stage) && history[k - 1]?.stage !== m.stage)
      turns.push({ period: m.period, stage: m.stage });
  });
  return turns;
}
