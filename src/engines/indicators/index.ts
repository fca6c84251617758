/** guatu/engines — indicators: progress against time, trend stages, year-end forecast. */
export type { YearMonth } from "./dates.js";
export { forecastYearEnd } from "./forecast.js";
export type { IndicatorReasonCode } from "./indicator-reasons.js";
export { indicatorProgress, latestReading } from "./progress.js";
export type { DatePeriod } from "./time-progress.js";
export {
  indicatorPeriod,
  linearTimeProgress,
  planAtDate,
  planAtMonthEnd,
  timeProgressAt,
} from "./time-progress.js";
export { classifyTrend, DEFAULT_TREND_EPSILON } from "./trend.js";
export * from "./types.js";
