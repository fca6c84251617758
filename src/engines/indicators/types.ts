/**
 * Plain input and output types of the indicator engine (指标): progress against time, trend stages
 * and the year-end forecast.
 */

import type { Direction, IndicatorKind, IsoDate, TrendStage, YearMonth } from "../../vocabulary/index.js";
import type { Light } from "../lights/light.js";

/** A percentage on the 0–100 scale; work progress may exceed 100 (over-achievement). */
export type Percent = number;
/** Percentage points: the difference of two percentages (or of two `rate` values in %). */
export type Points = number;

export type { Direction, IndicatorKind };

/** An indicator as the engines need it. Values are in the indicator's `unit`. */
export interface Indicator {
  readonly id: string;
  readonly name: string;
  readonly unit: string;
  readonly kind: IndicatorKind;
  readonly direction: Direction;
  readonly baseline: number;
  /** Annual target (for `rate`: the target rate in %). */
  readonly target: number;
  /** Cumulative plan to the end of each month `YYYY-MM`; months left out carry the previous value. */
  readonly monthlyPlan?: Readonly<Record<YearMonth, number>>;
  /** The year the target is for; the default period is Jan 1 – Dec 31 of it. */
  readonly year: number;
  readonly taskForceId?: string | null;
  readonly taskId?: string;
}

/** One monthly actual: for `cumulative`, the year-to-date total to the end of `period`. */
export interface Reading {
  readonly period: YearMonth;
  readonly actual: number;
}

/** Light thresholds for indicators, in percentage points below the reference (inclusive). */
export interface IndicatorThresholds {
  /** `cumulative`/`level`: yellow while work progress is at most this many points below time progress (default 10). */
  readonly yellowPoints: Points;
  /** `rate`: yellow while the actual is at most this many points below target (default 1). */
  readonly rateYellowPoints: Points;
}

/** SPEC defaults: 10 points for work vs time progress, 1 point for rates. */
export const DEFAULT_INDICATOR_THRESHOLDS: IndicatorThresholds = Object.freeze({
  yellowPoints: 10,
  rateYellowPoints: 1,
});

/**
 * Which date time progress is measured at. `status-date` (SPEC, default): at T itself.
 * `reading-period`: at the end of the latest reading's month (or T if earlier), so a reading that
 * lags T by a month is compared with the time it covers.
 */
export type TimeBasis = "status-date" | "reading-period";

/** Options of {@link indicatorProgress}. */
export interface IndicatorProgressOptions {
  /** The period time progress runs over (inclusive); default the indicator's year. */
  readonly period?: { readonly start: IsoDate; readonly end: IsoDate };
  readonly thresholds?: Partial<IndicatorThresholds>;
  readonly timeBasis?: TimeBasis;
}

/** An indicator's progress at a status date. Numbers are `null` when they cannot honestly be computed. */
export interface IndicatorProgress {
  readonly indicatorId: string;
  readonly kind: IndicatorKind;
  readonly direction: Direction;
  /** The latest reading within the period and not after T's month; `null` = no actual reported yet. */
  readonly reading: Reading | null;
  /**
   * `actual/target` (up) or `target/actual` (down; an actual ≤ 0 counts as met = 100), in %;
   * `null` for `rate`, without a reading, or for a target ≤ 0.
   */
  readonly workProgress: Percent | null;
  /** Share of the period elapsed at the as-of date (or the monthly plan's share), in %. */
  readonly timeProgress: Percent;
  /** How time progress was computed. */
  readonly timeBasis: "linear" | "monthly-plan";
  /** The date time progress was measured at. */
  readonly asOf: IsoDate;
  /**
   * Points above (+) or below (−) the reference: work − time progress (up), work − 100 (down), or
   * for `rate` actual − target (sign flipped for `down`).
   */
  readonly gap: Points | null;
  /**
   * Achievement in [0, 1] for assessment: work over time progress capped at 1 (see
   * `indicatorProgress`); `null` without a reading.
   */
  readonly achievement: number | null;
  readonly light: Light;
}

export type { TrendStage };

/** A year-end forecast for a `cumulative` indicator. */
export type YearEndForecast =
  | {
      readonly status: "forecast";
      /** Projected year-end total, in the indicator's unit. */
      readonly value: number;
      readonly basis: "monthly-plan" | "elapsed-time";
      /** Share of the year's total the actual to date is taken to represent, in (0, 1]. */
      readonly share: number;
      readonly reading: Reading;
      /** Whether the projection meets the target (≥ for `up`, ≤ for `down`). */
      readonly meetsTarget: boolean;
    }
  | { readonly status: "not-cumulative" | "no-reading" | "no-basis" };
