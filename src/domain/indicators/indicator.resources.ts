import { indicatorSchemas, readingSchemas } from "../../shared/api/indicators.js";
import type { ResourceDef } from "../resource/resource-def.js";
import { taskOfSameTaskForce } from "../resource/same-task-force.js";

/** Indicators (指标) of task forces. */
export const indicatorResource: ResourceDef = {
  name: "indicator",
  label: "indicator",
  path: "indicators",
  table: "indicators",
  schemas: indicatorSchemas,
  defaults: indicatorSchemas.spec.defaults,
  jsonFields: ["monthlyPlan"],
  refs: [
    { field: "taskForceId", target: "task-forces" },
    { field: "taskId", target: "tasks" },
    { field: "ownerPersonId", target: "persons" },
  ],
  uniques: [["taskForceId", "code"]],
  filters: ["taskForceId", "taskId", "ownerPersonId", "kind", "direction", "year"],
  sorts: { code: "text", name: "text", kind: "text" },
  defaultSort: ["taskForceId", "code"],
  search: ["name", "code"],
  immutable: ["taskForceId"],
  hooks: { beforeWrite: taskOfSameTaskForce("INDICATOR_RULE") },
};

/** Monthly actuals of indicators; `reportedAt` is stamped by the server. */
export const readingResource: ResourceDef = {
  name: "indicator_reading",
  label: "indicator reading",
  path: "indicator-readings",
  table: "indicator_readings",
  schemas: readingSchemas,
  defaults: readingSchemas.spec.defaults,
  refs: [
    { field: "indicatorId", target: "indicators" },
    { field: "reportedById", target: "persons" },
  ],
  uniques: [["indicatorId", "period"]],
  filters: ["indicatorId", "period", "reportedById"],
  sorts: { period: "text", actual: "number" },
  defaultSort: ["indicatorId", "period"],
  immutable: ["indicatorId"],
  hooks: { beforeWrite: async (ctx) => ({ reportedAt: ctx.now() }) },
};
