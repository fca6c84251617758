/** guatu/engines — the dispatch report (调度报告) of a round. */

export { dispatchReport, dispatchReportOf, dispatchSections, sumSummaries } from "./dispatch-report.js";
export { compareWbs, dispatchRounds, roundKindOf } from "./dispatch-rounds.js";
export type * from "./types.js";
