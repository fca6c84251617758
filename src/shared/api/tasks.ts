import { z } from "zod";
import {
  DEPENDENCY_TYPES,
  TASK_COMPLETIONS,
  TASK_STATUSES,
  type TaskStatus,
} from "../../vocabulary/index.js";
import { id, isoDate, percent, requiredText, text, workingDays } from "./common.js";
import { defineEntity } from "./define.js";

export const taskStatuses = TASK_STATUSES;
export type { TaskStatus };

/** A task (任务/事项) in a task force's WBS; a milestone is a task of duration 0. */
export const taskSchemas = defineEntity({
  name: "Task",
  fields: {
    taskForceId: id,
    parentId: id.nullable(),
    code: requiredText(40),
    title: requiredText(200),
    description: text(4000).nullable(),
    goalId: id.nullable(),
    responsibleUnitId: id.nullable(),
    responsiblePersonId: id.nullable(),
    responsiblePost: text(100).nullable(),
    coUnitIds: z.array(id).max(100),
    /** The indicators this task advances (its own task force's, or district-level ones). */
    indicatorIds: z.array(id).max(100),
    duration: workingDays.nullable(),
    deadline: isoDate.nullable(),
    notBefore: isoDate.nullable(),
    actualStart: isoDate.nullable(),
    actualFinish: isoDate.nullable(),
    percent,
    status: z.enum(taskStatuses),
    weight: z.number().min(0).max(100),
    acceptance: text(2000).nullable(),
  },
  readOnly: {
    /**
     * The baseline slippage counts from (each task's first approved baseline unless the organisation
     * chose the latest): set only by plan approvals (`POST /task-forces/{id}/approve-plan`).
     */
    baselineStart: isoDate.nullable(),
    baselineFinish: isoDate.nullable(),
    earlyStart: isoDate.nullable(),
    earlyFinish: isoDate.nullable(),
    lateStart: isoDate.nullable(),
    lateFinish: isoDate.nullable(),
    totalFloat: z.number().int().nullable(),
    critical: z.boolean().nullable(),
    /** Working days the current early finish lies after the baseline finish (negative: ahead). */
    slippage: z.number().int().nullable(),
    /**
     * Completion review (完成确认): `claimed` from the report that brings the task to 100 % until a lead
     * confirms it (`confirmed`, `POST /tasks/{id}/confirm-completion`) or sends it back (null again,
     * `POST /tasks/{id}/return-completion`). Null on a finished task counts as confirmed.
     */
    completion: z.enum(TASK_COMPLETIONS).nullable(),
    /** The reviewer's note: why it was sent back, or what the confirmation says. */
    completionNote: text(2000).nullable(),
  },
  required: ["taskForceId", "code", "title"],
  defaults: {
    parentId: null,
    description: null,
    goalId: null,
    responsibleUnitId: null,
    responsiblePersonId: null,
    responsiblePost: null,
    coUnitIds: [],
    indicatorIds: [],
    duration: null,
    deadline: null,
    notBefore: null,
    actualStart: null,
    actualFinish: null,
    percent: 0,
    status: "not_started",
    weight: 0,
    acceptance: null,
  },
});
export type Task = z.output<typeof taskSchemas.entity>;

export const dependencyTypes = DEPENDENCY_TYPES;

/** A dependency (前置任务) between two tasks, with a lag in working days (negative = lead). */
export const dependencySchemas = defineEntity({
  name: "Dependency",
  fields: {
    predecessorId: id,
    successorId: id,
    type: z.enum(dependencyTypes),
    lag: z.number().int().min(-10_000).max(10_000),
  },
  readOnly: { taskForceId: id },
  required: ["predecessorId", "successorId"],
  defaults: { type: "FS", lag: 0 },
});
export type Dependency = z.output<typeof dependencySchemas.entity>;
