import type { z } from "zod";
import type { memberSchemas, taskForceSchemas } from "../../shared/api/task-forces.js";
import type { ListFields } from "../records/list.js";

export type TaskForce = z.output<typeof taskForceSchemas.entity>;
export type TaskForceCreate = z.output<typeof taskForceSchemas.create>;
export type TaskForceUpdate = z.output<typeof taskForceSchemas.update>;
export type Member = z.output<typeof memberSchemas.entity>;
export type MemberCreate = z.output<typeof memberSchemas.create>;
export type MemberUpdate = z.output<typeof memberSchemas.update>;

/** Lists of task forces (专班). */
export const TASK_FORCE_LIST: ListFields = {
  filters: ["leadUnitId", "leadLeaderId", "status", "goalIds", "coUnitIds"],
  sorts: { code: "text", name: "text", deadline: "text", startDate: "text" },
  defaultSort: ["code"],
  search: ["name", "code"],
};

/** Lists of task-force memberships. */
export const MEMBER_LIST: ListFields = {
  filters: ["taskForceId", "personId", "role"],
  sorts: { post: "text", role: "text" },
  defaultSort: ["taskForceId", "role"],
  search: ["post"],
};
