/** The battle map (作战图): the canvas timeline, its legend and the pure builders behind them. */
export { BattleMapLegend, LightIcon } from "./BattleMapLegend";
export { BattleMapView, type BattleMapViewProps } from "./BattleMapView";
export { LIGHT_COLORS, legendEntries, lightStyle, statusLight, taskLight, worstLight } from "./lights";
export { buildRows, indexBattleMap, type Row, type RowModel } from "./row-model";
export { type RowWindow, windowRows } from "./row-window";
export { scheduleProblemLines, unschedulableTaskForces } from "./schedule-problems";
export { fitRowHeight, MIN_ROW_HEIGHT, themeSpec } from "./theme";
export { buildTicks, buildTimeScale, dayOfIso, PX_PER_DAY } from "./time-scale";
export type {
  BattleMapData,
  BattleMapFilter,
  BattleMapLights,
  Lang,
  Light,
  LightColor,
  LightReason,
  Theme,
  Zoom,
} from "./types";
export { UnschedulableNotice } from "./UnschedulableNotice";
export { useBattleMapQuery } from "./use-battle-map-query";
