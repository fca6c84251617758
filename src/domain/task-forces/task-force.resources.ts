import { memberSchemas, taskForceSchemas } from "../../shared/api/task-forces.js";
import type { ResourceDef } from "../resource/resource-def.js";
import { checkLeadMembership } from "./member-rules.js";

/** Task forces (专班). */
export const taskForceResource: ResourceDef = {
  name: "task_force",
  label: "task force",
  path: "task-forces",
  table: "task_forces",
  schemas: taskForceSchemas,
  defaults: taskForceSchemas.spec.defaults,
  refs: [
    { field: "leadLeaderId", target: "persons" },
    { field: "leadUnitId", target: "org-units" },
  ],
  links: [
    {
      field: "goalIds",
      table: "task_force_goals",
      ownerColumn: "taskForceId",
      targetColumn: "goalId",
      target: "goals",
    },
    {
      field: "coUnitIds",
      table: "task_force_co_units",
      ownerColumn: "taskForceId",
      targetColumn: "orgUnitId",
      target: "org-units",
    },
  ],
  uniques: [["code"]],
  filters: ["leadUnitId", "leadLeaderId", "status", "goalIds", "coUnitIds"],
  sorts: { code: "text", name: "text", deadline: "text", startDate: "text" },
  defaultSort: ["code"],
  search: ["name", "code"],
};

/** Members of a task force, each on a post; a task force keeps a lead (member-rules.ts). */
export const memberResource: ResourceDef = {
  name: "task_force_member",
  label: "task force member",
  path: "members",
  table: "task_force_members",
  schemas: memberSchemas,
  defaults: memberSchemas.spec.defaults,
  refs: [
    { field: "taskForceId", target: "task-forces" },
    { field: "personId", target: "persons" },
  ],
  uniques: [["taskForceId", "personId", "post"]],
  filters: ["taskForceId", "personId", "role"],
  sorts: { post: "text", role: "text" },
  defaultSort: ["taskForceId", "role"],
  search: ["post"],
  immutable: ["taskForceId"],
  hooks: {
    beforeWrite: async (ctx, trx, next, before) => {
      if (before) await checkLeadMembership(ctx, trx, before, next);
      return undefined;
    },
    beforeDelete: (ctx, trx, record) => checkLeadMembership(ctx, trx, record, null),
  },
};
