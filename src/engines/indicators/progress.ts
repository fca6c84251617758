/**
 * Indicator progress (指标进度) at a status date: work progress against time progress, `rate`
 * indicators in percentage points, lower-better indicators against their cap, and the light.
 */
import type { Light } from "../lights/light.js";
import { type IsoDate, monthEnd } from "./dates.js";
import { indicatorReasons as R } from "./indicator-reasons.js";
import { indicatorPeriod, timeProgressAt } from "./time-progress.js";
import {
  DEFAULT_INDICATOR_THRESHOLDS,
  type Indicator,
  type IndicatorProgress,
  type IndicatorProgressOptions,
  type IndicatorThresholds,
  type Reading,
} from "./types.js";

/** Slack for floating-point comparisons of percentages and points (exact boundaries stay exact). */
const EPS = 1e-9;

/**
 * The latest reading whose month lies within the period and not after the month of `statusDate`;
 * later readings (data entered ahead of a fixed demo date) are ignored. `null` when there is none.
 */
export function latestReading(
  readings: readonly Reading[],
  period: { readonly start: IsoDate; readonly end: IsoDate },
  statusDate: IsoDate,
): Reading | null {
  const from = period.start.slice(0, 7);
  const to = (statusDate < period.end ? statusDate : period.end).slice(0, 7);
  let best: Reading | null = null;
  for (const r of readings) {
    if (r.period >= from && r.period <= to && Number.isFinite(r.actual) && (!best || r.period > best.period))
      best = r;
  }
  return best;
}

/**
 * Progress of one indicator at `statusDate`.
 * - Work progress (%): `actual/target` when higher is better; `target/actual` when lower is better,
 *   an actual ≤ 0 counting as met (100). `rate` indicators have none: they compare in points,
 *   `gap = actual − target` (`target − actual` when lower is better).
 * - Light, higher-better `cumulative`/`level`: green when work ≥ time progress, yellow up to
 *   `yellowPoints` (10) below (inclusive), red further below. Lower-better: held to the cap itself
 *   (work ≥ 100 green, down to 90 yellow, else red) — `target/actual` against time progress would
 *   let an indicator pass its annual cap mid-year and stay green. `rate`: green at or above target,
 *   yellow up to `rateYellowPoints` (1) below (inclusive), red further below.
 * - Blue (done): a higher-better cumulative indicator whose actual reached the target, or any
 *   indicator at or above its reference once the period has ended.
 * - No reading: grey while T is still in the period's first month (nothing due yet), else yellow
 *   `NO_READING`; the numbers are `null`, never invented.
 * - Achievement (for assessment, in [0, 1]): `min(1, work/time)` (1 while time progress is 0);
 *   lower-better `min(1, work/100)`; `rate` `1 + gap/max(|target|, 1)` clamped to [0, 1].
 *
 * Example: retail sales target 100, July actual 45, T = 2022-07-31 → work 45 %, time 58.1 %,
 * gap −13.1 points → red.
 */
export function indicatorProgress(
  indicator: Indicator,
  readings: readonly Reading[],
  statusDate: IsoDate,
  options: IndicatorProgressOptions = {},
): IndicatorProgress {
  const th: IndicatorThresholds = options.thresholds
    ? { ...DEFAULT_INDICATOR_THRESHOLDS, ...options.thresholds }
    : DEFAULT_INDICATOR_THRESHOLDS;
  const period = indicatorPeriod(indicator, options.period);
  const reading = latestReading(readings, period, statusDate);
  let asOf = statusDate;
  if (options.timeBasis === "reading-period" && reading && monthEnd(reading.period) < statusDate) {
    asOf = monthEnd(reading.period);
  }
  const { timeProgress, basis } = timeProgressAt(indicator, period, asOf);
  const j = judge(indicator, reading, timeProgress, th, period, statusDate);
  return {
    indicatorId: indicator.id,
    kind: indicator.kind,
    direction: indicator.direction,
    reading,
    workProgress: j.workProgress,
    timeProgress,
    timeBasis: basis,
    asOf,
    gap: j.gap,
    achievement: j.achievement,
    light: j.light,
  };
}

type Judgement = Pick<IndicatorProgress, "workProgress" | "gap" | "achievement" | "light">;

function judge(
  indicator: Indicator,
  reading: Reading | null,
  timeProgress: number,
  th: IndicatorThresholds,
  period: { readonly start: IsoDate; readonly end: IsoDate },
  statusDate: IsoDate,
): Judgement {
  if (!reading) {
    const notDue = statusDate < period.start || statusDate.slice(0, 7) === period.start.slice(0, 7);
    const light: Light = notDue
      ? { color: "grey", reasons: [R.notYetDue(indicator)] }
      : { color: "yellow", reasons: [R.noReading(indicator)] };
    return { workProgress: null, gap: null, achievement: null, light };
  }
  const ended = statusDate > period.end;
  const actual = reading.actual;
  if (indicator.kind === "rate") {
    const gap = indicator.direction === "up" ? actual - indicator.target : indicator.target - actual;
    const achievement = clamp01(1 + gap / Math.max(Math.abs(indicator.target), 1));
    const color =
      gap >= -EPS ? (ended ? "blue" : "green") : gap >= -th.rateYellowPoints - EPS ? "yellow" : "red";
    const why = gap >= -EPS ? R.rateAtTarget(indicator, actual) : R.rateBelow(indicator, actual, gap);
    return { workProgress: null, gap, achievement, light: { color, reasons: [why] } };
  }
  if (indicator.direction === "down" && indicator.kind === "cumulative")
    return judgeCumulativeCap(indicator, actual, timeProgress, ended);
  if (indicator.direction === "down") {
    const work = actual <= 0 ? 100 : Math.max(0, (indicator.target / actual) * 100);
    const gap = work - 100;
    const color = gap >= -EPS ? (ended ? "blue" : "green") : gap >= -th.yellowPoints - EPS ? "yellow" : "red";
    const why = gap >= -EPS ? R.withinCap(indicator, actual) : R.overCap(indicator, actual, work);
    return { workProgress: work, gap, achievement: clamp01(work / 100), light: { color, reasons: [why] } };
  }
  if (indicator.target <= 0) {
    // No ratio to a non-positive target: judge the actual against the target directly.
    const met = actual >= indicator.target;
    const light: Light = met
      ? { color: ended ? "blue" : "green", reasons: [R.targetMet(indicator, actual)] }
      : { color: "red", reasons: [R.behind(indicator, 0, timeProgress, -timeProgress)] };
    return { workProgress: null, gap: null, achievement: met ? 1 : 0, light };
  }
  const work = (actual / indicator.target) * 100;
  const gap = work - timeProgress;
  const achievement = timeProgress <= 0 ? 1 : clamp01(work / timeProgress);
  let light: Light;
  if ((indicator.kind === "cumulative" || ended) && work >= 100 - EPS) {
    light = { color: "blue", reasons: [R.targetMet(indicator, actual)] };
  } else if (gap >= -EPS) {
    light = { color: "green", reasons: [R.onTrack(indicator, work, timeProgress)] };
  } else {
    const color = gap >= -th.yellowPoints - EPS ? "yellow" : "red";
    light = { color, reasons: [R.behind(indicator, work, timeProgress, gap)] };
  }
  return { workProgress: work, gap, achievement, light };
}

/**
 * A lower-better cumulative indicator (e.g. accidents ≤ 10 a year) paced against its plan to date,
 * `target × time progress` (or the monthly plan): green at or under it, yellow above it but within
 * the annual cap, red once the cap is exceeded. Work progress is the share of the cap used, so the
 * gap is time progress minus it (positive: under plan).
 */
function judgeCumulativeCap(
  indicator: Indicator,
  actual: number,
  timeProgress: number,
  ended: boolean,
): Judgement {
  const cap = indicator.target;
  const plan = (cap * timeProgress) / 100;
  const work = cap > 0 ? (Math.max(0, actual) / cap) * 100 : actual > 0 ? Number.POSITIVE_INFINITY : 0;
  const gap = Number.isFinite(work) ? timeProgress - work : Number.NEGATIVE_INFINITY;
  if (actual > cap + EPS) {
    const light: Light = { color: "red", reasons: [R.overCap(indicator, actual, work)] };
    return {
      workProgress: Number.isFinite(work) ? work : null,
      gap: Number.isFinite(gap) ? gap : null,
      achievement: 0,
      light,
    };
  }
  const achievement = work <= timeProgress + EPS || work <= 0 ? 1 : clamp01(timeProgress / work);
  const light: Light =
    actual <= plan + EPS
      ? { color: ended ? "blue" : "green", reasons: [R.withinPlan(indicator, actual, plan)] }
      : { color: "yellow", reasons: [R.abovePlan(indicator, actual, plan)] };
  return { workProgress: work, gap, achievement, light };
}

function clamp01(x: number): number {
  return Math.min(1, Math.max(0, x));
}
