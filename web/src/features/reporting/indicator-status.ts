/** How an owner's indicator stands for the 我负责的指标 list, from the overview's view of it. */

/** One month's actual: `period` is `YYYY-MM`. */
export interface MonthActual {
  readonly period: string;
  readonly actual: number;
}

/** What {@link indicatorStatus} reads of an overview indicator. */
export interface IndicatorView {
  readonly progress: {
    readonly reading: MonthActual | null;
    readonly workProgress: number | null;
    readonly timeProgress: number;
  };
  readonly series: readonly MonthActual[];
}

/** An indicator's latest actual, its progress in whole percent, and whether `month` is reported. */
export interface IndicatorStatus {
  /** The latest actual the light is judged on (up to the status date); null before the first. */
  readonly latest: MonthActual | null;
  /** Work progress and time progress in whole percent; null where the kind has none (a rate). */
  readonly progress: { readonly work: number; readonly time: number } | null;
  readonly reportedThisMonth: boolean;
}

/**
 * The status of an indicator in the month `month` (`YYYY-MM`, the status date's). Example: a
 * reading for 2022-08 with the status date 2022-08-31 gives `reportedThisMonth: true`.
 */
export function indicatorStatus(view: IndicatorView, month: string): IndicatorStatus {
  const { reading, workProgress, timeProgress } = view.progress;
  return {
    latest: reading,
    progress:
      workProgress === null || !Number.isFinite(workProgress)
        ? null
        : { work: Math.round(workProgress), time: Math.round(timeProgress) },
    reportedThisMonth: view.series.some((r) => r.period === month),
  };
}
