/** Timelines (时间线) of tasks and 督办单 as a pure engine: the records' events in one stable order. */
export { actorName, EXCERPT_LENGTH, excerpt } from "./events.js";
export { evidenceSpan, itemSteps, within } from "./item-steps.js";
export { compareEvents, timelineOf } from "./timeline.js";
export * from "./types.js";
