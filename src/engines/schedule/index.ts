/** Scheduling (倒排工期): forward and backward passes over working days, float, critical chain. */
export { remainingDays } from "./node-bounds.js";
export { parseJsonBytes } from "./parse-json-bytes.js";
export { computeSchedule, computeScheduleFromBytes, schedule, validateScheduleFile } from "./schedule.js";
export { ScheduleInputError, type ScheduleProblem } from "./schedule-error.js";
export { type ScheduleHeader, ScheduleResult } from "./schedule-result.js";
export { reserveScheduleMemory } from "./scratch.js";
export type {
  DependencyType,
  ScheduleDependencyInput,
  ScheduleFile,
  ScheduleOptions,
  ScheduleOutput,
  ScheduleRow,
  ScheduleTaskInput,
} from "./types.js";
