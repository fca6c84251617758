/** guatu/engines — lights (亮灯) for tasks, indicators and task forces. */
export * from "./light.js";
export { emptyCounts, lightsFor } from "./lights-for.js";
export { plannedProgress, roundStart, taskLight } from "./task-light.js";
export { type TaskReasonCode, taskReasons } from "./task-reasons.js";
export {
  DEFAULT_LIGHT_THRESHOLDS,
  type DispatchRound,
  type IndicatorLight,
  type LightIndicator,
  type LightsCalendar,
  type LightsInput,
  type LightsOptions,
  type LightsResult,
  type LightTask,
  type LightThresholds,
  type SupervisionDue,
  type SupervisionState,
  type TaskCompletion,
  type TaskForceLight,
  type TaskLight,
  type TaskStatus,
} from "./types.js";
