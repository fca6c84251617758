import { supervisionItemSchemas } from "../../shared/api/supervision.js";
import { AppError } from "../../shared/errors.js";
import type { Executor, ServiceContext } from "../context.js";
import type { ResourceDef, Row } from "../resource/resource-def.js";

async function checkTaskForce(_ctx: ServiceContext, trx: Executor, next: Row): Promise<undefined> {
  if (!next.taskId) return undefined;
  const task = await trx
    .selectFrom("tasks")
    .select("taskForceId")
    .where("id", "=", next.taskId as string)
    .executeTakeFirst();
  if (task && task.taskForceId !== next.taskForceId) {
    throw new AppError("unprocessable", `taskId: task ${next.taskId} belongs to another task force`, {
      code: "SUPERVISION_RULE",
      details: [{ path: "taskId", message: "belongs to another task force" }],
    });
  }
  return undefined;
}

/** Supervision items (督办单). Their state moves only through `transitionSupervisionItem`. */
export const supervisionItemResource: ResourceDef = {
  name: "supervision_item",
  label: "supervision item",
  path: "supervision-items",
  table: "supervision_items",
  schemas: supervisionItemSchemas,
  defaults: supervisionItemSchemas.spec.defaults,
  readOnlyDefaults: { state: "open", returnCount: 0 },
  refs: [
    { field: "taskForceId", target: "task-forces" },
    { field: "taskId", target: "tasks" },
    { field: "raisedById", target: "persons" },
    { field: "responsiblePersonId", target: "persons" },
    { field: "responsibleUnitId", target: "org-units" },
  ],
  uniques: [["code"]],
  filters: ["taskForceId", "taskId", "state", "responsiblePersonId", "responsibleUnitId", "raisedById"],
  sorts: { code: "text", dueDate: "text", raisedOn: "text", state: "text" },
  defaultSort: ["code"],
  search: ["issue", "code"],
  immutable: ["taskForceId"],
  hooks: { beforeWrite: checkTaskForce },
};
