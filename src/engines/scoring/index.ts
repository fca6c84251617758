/** guatu/engines — assessment (考核) and ranking (排名). */
export { assess, milestoneOutcome, supervisionOutcome } from "./assess.js";
export {
  type Overview,
  type OverviewIndicator,
  type OverviewInput,
  type OverviewOptions,
  type OverviewPart,
  type OverviewTaskForce,
  overview,
  overviewOfParts,
  overviewPart,
} from "./overview.js";
export { type Rankable, rankEntities } from "./rank.js";
export { type MonthStage, TURN_STAGES, type TurnStage, trendHistory, trendTurns } from "./trend-history.js";
export * from "./types.js";
