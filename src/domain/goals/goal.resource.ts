import { goalSchemas } from "../../shared/api/goals.js";
import type { ResourceDef } from "../resource/resource-def.js";
import { rejectSelfParent } from "../resource/tree-rules.js";

/** Goals of the cascade (层层衔接). */
export const goalResource: ResourceDef = {
  name: "goal",
  label: "goal",
  path: "goals",
  table: "goals",
  schemas: goalSchemas,
  defaults: goalSchemas.spec.defaults,
  refs: [
    { field: "parentId", target: "goals" },
    { field: "orgUnitId", target: "org-units" },
  ],
  uniques: [["code"]],
  filters: ["parentId", "level", "orgUnitId"],
  sorts: { code: "text", title: "text", level: "text" },
  defaultSort: ["code"],
  search: ["title", "code"],
  hooks: { beforeWrite: rejectSelfParent("goals", "goal") },
};
