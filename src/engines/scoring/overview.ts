/**
 * The overview (总览): one pure call that lights everything, measures every indicator with its trend
 * stage and forecast, and scores and ranks — what `GET /api/v1/overview` and the battle map show.
 */
import { earlierDate, type IsoDate, monthEnd } from "../indicators/dates.js";
import { forecastYearEnd } from "../indicators/forecast.js";
import { indicatorProgress } from "../indicators/progress.js";
import { indicatorPeriod } from "../indicators/time-progress.js";
import { classifyTrend, emptyTrendCounts } from "../indicators/trend.js";
import type {
  Indicator,
  IndicatorProgress,
  IndicatorProgressOptions,
  Reading,
  TrendStage,
  YearEndForecast,
} from "../indicators/types.js";
import type { LightColor, Reason } from "../lights/light.js";
import { emptyCounts, lightsFor } from "../lights/lights-for.js";
import type {
  LightIndicator,
  LightsCalendar,
  LightsOptions,
  LightsResult,
  LightTask,
} from "../lights/types.js";
import { assess } from "./assess.js";
import type {
  AssessInput,
  Assessment,
  AssessOptions,
  AssessSupervisionItem,
  AssessTask,
  EntityScore,
} from "./types.js";

/** Input of {@link overview}: a task carries both its light and its assessment fields. */
export interface OverviewInput {
  readonly statusDate: IsoDate;
  readonly calendar: LightsCalendar;
  readonly taskForces: readonly { readonly id: string }[];
  readonly tasks: readonly (LightTask & AssessTask)[];
  readonly indicators?: readonly LightIndicator[];
  readonly supervisionItems?: readonly AssessSupervisionItem[];
  /** Points off scores (e.g. 催办 left unanswered past grace). */
  readonly deductions?: AssessInput["deductions"];
}

/** Options: the light rules and the assessment weights; `trendEpsilon` for `classifyTrend`. */
export interface OverviewOptions {
  readonly lights?: LightsOptions;
  readonly assessment?: Omit<AssessOptions, "indicator">;
  readonly trendEpsilon?: number;
}

/** One task force in the overview. */
export interface OverviewTaskForce {
  readonly taskForceId: string;
  readonly light: LightColor;
  readonly reasons: readonly Reason[];
  /** Tasks and indicators by colour. */
  readonly counts: Readonly<Record<LightColor, number>>;
  /** Tasks (all levels) by colour. */
  readonly taskCounts: Readonly<Record<LightColor, number>>;
  /** Indicators by colour. */
  readonly indicatorCounts: Readonly<Record<LightColor, number>>;
  /** Indicators by trend stage. */
  readonly trends: Readonly<Record<TrendStage, number>>;
  readonly score: number | null;
  readonly rank: number | null;
  readonly redLights: number;
}

/** One indicator in the overview. */
export interface OverviewIndicator {
  readonly indicatorId: string;
  readonly taskForceId: string | null;
  readonly progress: IndicatorProgress;
  /**
   * Stage of the readings in the period up to T, oldest first: of the values for `rate` and
   * `level`, of the gap to the schedule ({@link scheduleGaps}) for `cumulative`.
   */
  readonly trend: TrendStage;
  readonly forecast: YearEndForecast;
}

/** Result of {@link overview}; task forces in input order, plus the full lights and assessment. */
export interface Overview {
  readonly statusDate: IsoDate;
  readonly taskForces: readonly OverviewTaskForce[];
  readonly indicators: readonly OverviewIndicator[];
  /** All task forces' lights by colour. */
  readonly counts: Readonly<Record<LightColor, number>>;
  readonly lights: LightsResult;
  readonly assessment: Assessment;
}

/**
 * What one task force's records decide of the overview (or, with no task forces, what the
 * district-level indicators do): the lights of its tasks, indicators and itself, and its indicators'
 * trend stages and forecasts. Scores and ranks are not in it: they compare task forces, units and
 * persons across the whole input ({@link overviewOfParts}).
 */
export interface OverviewPart {
  readonly lights: LightsResult;
  readonly indicators: readonly OverviewIndicator[];
}

/**
 * The part of the overview that `input`'s records decide alone: `lightsFor`, then per indicator the
 * trend stage of its readings and `forecastYearEnd`. A caller that keeps each task force's part
 * until its records change recomputes only the changed ones ({@link overviewOfParts}).
 */
export function overviewPart(input: OverviewInput, options: OverviewOptions = {}): OverviewPart {
  const T = input.statusDate;
  const lights = lightsFor(input, T, options.lights);
  const indicatorOptions = options.lights?.indicator;
  const indicators = (input.indicators ?? []).map(({ indicator, readings }, k): OverviewIndicator => {
    const period = indicatorPeriod(indicator, indicatorOptions?.period);
    const to = earlierDate(T, period.end).slice(0, 7);
    const from = period.start.slice(0, 7);
    const picked = readingsIn(readings, from, to);
    const l = lights.indicators[k]!;
    return {
      indicatorId: indicator.id,
      taskForceId: l.taskForceId,
      progress: l.progress,
      trend: trendOfPicked(indicator, readings, picked, options),
      forecast: forecastYearEnd(
        indicator,
        readings,
        T,
        indicatorOptions?.period ? { period: indicatorOptions.period } : {},
      ),
    };
  });
  return { lights, indicators };
}

/**
 * Computes the overview at `input.statusDate`: `lightsFor`, then per indicator the trend stage of its
 * readings and `forecastYearEnd`, then `assess` with the red-light counts from the lights.
 * Indicator options (period, time basis) come from `options.lights.indicator`, so lights and scores agree.
 */
export function overview(input: OverviewInput, options: OverviewOptions = {}): Overview {
  return overviewOfParts(input, [overviewPart(input, options)], options);
}

/**
 * The overview of `input` from its parts, each `overviewPart` of some of its records: equal to
 * `overview(input)` when every task, indicator and task force of the input is in exactly one part,
 * the parts' tasks and indicators taken in order are the input's, and no part's records refer to
 * another's (a task's parent, an indicator's cascade). A task force's light comes from the part that
 * lit it. Scores and ranks are computed here, over the whole input.
 */
export function overviewOfParts(
  input: OverviewInput,
  parts: readonly OverviewPart[],
  options: OverviewOptions = {},
): Overview {
  const T = input.statusDate;
  const indicatorOptions = options.lights?.indicator;
  const lights = parts.length === 1 ? parts[0]!.lights : mergedLights(input, parts);
  const indicators = parts.length === 1 ? parts[0]!.indicators : parts.flatMap((p) => p.indicators);
  const assessment = assess(
    {
      statusDate: T,
      taskForces: input.taskForces,
      tasks: input.tasks,
      indicators: input.indicators ?? [],
      supervisionItems: input.supervisionItems ?? [],
      lights,
      deductions: input.deductions ?? [],
    },
    { ...options.assessment, ...(indicatorOptions ? { indicator: indicatorOptions } : {}) },
  );
  const scores = new Map<string, EntityScore>(assessment.taskForces.map((e) => [e.id, e]));
  const counts = emptyCounts();
  const trends = new Map<string, Record<TrendStage, number>>();
  for (const i of indicators) {
    if (i.taskForceId === null) continue;
    let t = trends.get(i.taskForceId);
    if (!t) {
      t = emptyTrendCounts();
      trends.set(i.taskForceId, t);
    }
    t[i.trend]++;
  }
  const taskForces = lights.taskForces.map((l): OverviewTaskForce => {
    counts[l.color]++;
    const s = scores.get(l.taskForceId);
    return {
      taskForceId: l.taskForceId,
      light: l.color,
      reasons: l.reasons,
      counts: l.counts,
      taskCounts: l.taskCounts,
      indicatorCounts: l.indicatorCounts,
      trends: trends.get(l.taskForceId) ?? emptyTrendCounts(),
      score: s?.score ?? null,
      rank: s?.rank ?? null,
      redLights: s?.redLights ?? 0,
    };
  });
  return { statusDate: T, taskForces, indicators, counts, lights, assessment };
}

/** The parts' lights as one `lightsFor` of the whole input gives them (task forces in input order). */
function mergedLights(input: OverviewInput, parts: readonly OverviewPart[]): LightsResult {
  const forces = new Map<string, LightsResult["taskForces"][number]>();
  for (const p of parts) for (const l of p.lights.taskForces) forces.set(l.taskForceId, l);
  return {
    tasks: parts.flatMap((p) => p.lights.tasks),
    indicators: parts.flatMap((p) => p.lights.indicators),
    taskForces: input.taskForces.map((tf) => {
      const l = forces.get(tf.id);
      if (!l) throw new Error(`overviewOfParts: no part lights task force ${tf.id}`);
      return l;
    }),
  };
}

/**
 * The trend stage of an indicator whose readings in its period up to the status date are `picked`
 * (oldest first; `readings` all of them): of the values for `rate` and `level`, of the gap to the
 * schedule for `cumulative` — what the overview shows, and the answer sheet month by month.
 */
export function trendOfPicked(
  indicator: Indicator,
  readings: readonly Reading[],
  picked: readonly Reading[],
  options: Pick<OverviewOptions, "lights" | "trendEpsilon"> = {},
): TrendStage {
  // Year-to-date totals only ever grow; a cumulative indicator falls, stops falling, rebounds or
  // turns positive against its schedule.
  const series =
    indicator.kind === "cumulative"
      ? scheduleGaps(indicator, readings, picked, options.lights?.indicator)
      : picked.map((r) => r.actual);
  return classifyTrend(
    series,
    options.trendEpsilon === undefined ? undefined : { epsilon: options.trendEpsilon },
  );
}

/** The readings with `from ≤ period ≤ to`, oldest first (sorted only when they are not). */
export function readingsIn(readings: readonly Reading[], from: string, to: string): Reading[] {
  const picked: Reading[] = [];
  let sorted = true;
  for (const r of readings) {
    if (r.period < from || r.period > to) continue;
    if (picked.length > 0 && picked[picked.length - 1]!.period > r.period) sorted = false;
    picked.push(r);
  }
  if (!sorted) picked.sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
  return picked;
}

/**
 * A cumulative indicator's gap to its schedule (work − time progress, in points; against the
 * monthly plan when it has one) at the end of each of its last three reported months (`picked`,
 * oldest first) — all a trend stage reads. Months without a gap are left out.
 * Example: retail sales, target 190, 62.3 / 79.1 / 95.6 at the end of May / June / July → about
 * −8.6, −8.0, −7.8 points: rebounding.
 */
export function scheduleGaps(
  indicator: Indicator,
  readings: readonly Reading[],
  picked: readonly Reading[],
  options?: IndicatorProgressOptions,
): number[] {
  const gaps: number[] = [];
  for (const r of picked.slice(-3)) {
    const gap = indicatorProgress(indicator, readings, monthEnd(r.period), {
      ...options,
      timeBasis: "status-date",
    }).gap;
    if (gap !== null) gaps.push(gap);
  }
  return gaps;
}
