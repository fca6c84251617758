import { z } from "zod";
import {
  MEMBER_ROLES,
  type MemberRole,
  TASK_FORCE_STATUSES,
  type TaskForceStatus,
} from "../../vocabulary/index.js";
import { id, isoDate, requiredText, text } from "./common.js";
import { defineEntity } from "./define.js";

export const taskForceStatuses = TASK_FORCE_STATUSES;
export type { TaskForceStatus };

/** A task force (专班) with its task-book fields (任务书). */
export const taskForceSchemas = defineEntity({
  name: "TaskForce",
  fields: {
    code: requiredText(20),
    name: requiredText(100),
    goalIds: z.array(id).max(50),
    leadLeaderId: id.nullable(),
    leadUnitId: id.nullable(),
    coUnitIds: z.array(id).max(100),
    objective: text(4000).nullable(),
    scope: text(4000).nullable(),
    measures: text(8000).nullable(),
    guarantees: text(4000).nullable(),
    startDate: isoDate.nullable(),
    deadline: isoDate.nullable(),
    status: z.enum(taskForceStatuses),
  },
  readOnly: {},
  required: ["code", "name"],
  defaults: {
    goalIds: [],
    leadLeaderId: null,
    leadUnitId: null,
    coUnitIds: [],
    objective: null,
    scope: null,
    measures: null,
    guarantees: null,
    startDate: null,
    deadline: null,
    status: "active",
  },
});
export type TaskForce = z.output<typeof taskForceSchemas.entity>;

/** A member's role inside a task force. */
export const memberRoles = MEMBER_ROLES;
export type { MemberRole };

/** A person serving in a task force on a post (岗位). */
export const memberSchemas = defineEntity({
  name: "TaskForceMember",
  fields: {
    taskForceId: id,
    personId: id,
    post: requiredText(100),
    role: z.enum(memberRoles),
    duties: text(2000).nullable(),
  },
  readOnly: {},
  required: ["taskForceId", "personId", "post"],
  defaults: { role: "member", duties: null },
});
export type TaskForceMember = z.output<typeof memberSchemas.entity>;

/** One member of a task force being set up: a person on a post (the task force is the new one). */
export const setupMember = memberSchemas.create.omit({ taskForceId: true });

/**
 * `POST /task-forces/setup`: a new task force and its members, written in one transaction (each
 * member as `POST /members` would write it); a refusal names `taskForce.<field>` or
 * `members.<index>.<field>`.
 */
export const taskForceSetup = z.strictObject({
  taskForce: taskForceSchemas.create,
  members: z.array(setupMember).max(200),
});
export type TaskForceSetup = z.output<typeof taskForceSetup>;

/** What a setup made: the task force and its memberships, in the order sent. */
export const taskForceSetupResult = z.object({
  taskForce: taskForceSchemas.entity,
  members: z.array(memberSchemas.entity),
});
z.globalRegistry.add(taskForceSetupResult, { id: "TaskForceSetupResult" });

/**
 * `PATCH /task-forces/:id/task-book`: the task book (任务书) of a task force — every field but its
 * code and name — at its version; its leads may send it, besides the supervision office and admins.
 */
export const taskBookUpdate = taskForceSchemas.update.omit({ code: true, name: true });
export type TaskBookUpdate = z.output<typeof taskBookUpdate>;
