import type { z } from "zod";
import type { goalSchemas } from "../../shared/api/goals.js";
import type { ListFields } from "../records/list.js";

export type Goal = z.output<typeof goalSchemas.entity>;
export type GoalCreate = z.output<typeof goalSchemas.create>;
export type GoalUpdate = z.output<typeof goalSchemas.update>;

/** Lists of goals of the cascade (层层衔接). */
export const GOAL_LIST: ListFields = {
  filters: ["parentId", "level", "orgUnitId"],
  sorts: { code: "text", title: "text", level: "text" },
  defaultSort: ["code"],
  search: ["title", "code"],
};
