import { supervisionItemSchemas } from "../../shared/api/supervision.js";
import type { ResourceDef } from "../resource/resource-def.js";
import { taskOfSameTaskForce } from "../resource/same-task-force.js";

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
  hooks: { beforeWrite: taskOfSameTaskForce("SUPERVISION_RULE") },
};
