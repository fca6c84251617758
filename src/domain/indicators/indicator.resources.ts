import { indicatorSchemas, readingSchemas } from "../../shared/api/indicators.js";
import { AppError } from "../../shared/errors.js";
import type { Executor, ServiceContext } from "../context.js";
import type { ResourceDef, Row } from "../resource/resource-def.js";

/** An indicator's task, when given, must belong to the indicator's task force. */
async function checkIndicator(_ctx: ServiceContext, trx: Executor, next: Row): Promise<undefined> {
  if (!next.taskId) return undefined;
  const task = await trx
    .selectFrom("tasks")
    .select("taskForceId")
    .where("id", "=", next.taskId as string)
    .executeTakeFirst();
  if (task && task.taskForceId !== next.taskForceId) {
    throw new AppError("unprocessable", `taskId: task ${next.taskId} belongs to another task force`, {
      code: "INDICATOR_RULE",
      details: [{ path: "taskId", message: "belongs to another task force" }],
    });
  }
  return undefined;
}

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
  hooks: { beforeWrite: checkIndicator },
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
