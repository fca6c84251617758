/** guatu/engines — lights (亮灯) for tasks, indicators and task forces. */
export * from "./light.js";
export { emptyCounts, lightsFor } from "./lights-for.js";
export { plannedProgress, roundStart, taskLight } from "./task-light.js";
export { type TaskReasonCode, taskReasons } from "./task-reasons.js";
export * from "./types.js";
