import type { z } from "zod";
import type { dependencySchemas, taskSchemas } from "../../shared/api/tasks.js";
import type { ListFields } from "../records/list.js";

export type Task = z.output<typeof taskSchemas.entity>;
export type TaskCreate = z.output<typeof taskSchemas.create>;
export type TaskUpdate = z.output<typeof taskSchemas.update>;
export type Dependency = z.output<typeof dependencySchemas.entity>;
export type DependencyCreate = z.output<typeof dependencySchemas.create>;
export type DependencyUpdate = z.output<typeof dependencySchemas.update>;

/** A task's schedule fields, computed at a status date (null for a task the plan cannot place). */
export type TaskSchedule = Pick<
  Task,
  "earlyStart" | "earlyFinish" | "lateStart" | "lateFinish" | "totalFloat" | "critical" | "slippage"
>;

/** A task as stored: everything but its co-units and its computed schedule. */
export type TaskRecord = Omit<Task, "coUnitIds" | "indicatorIds" | keyof TaskSchedule>;

/** The schedule fields of a task the plan does not place. */
export const NO_SCHEDULE: TaskSchedule = Object.freeze({
  earlyStart: null,
  earlyFinish: null,
  lateStart: null,
  lateFinish: null,
  totalFloat: null,
  critical: null,
  slippage: null,
});

/** Lists of tasks (任务) of a task force's WBS. */
export const TASK_LIST: ListFields = {
  filters: [
    "taskForceId",
    "parentId",
    "responsibleUnitId",
    "responsiblePersonId",
    "status",
    "goalId",
    "critical",
    "coUnitIds",
    "indicatorIds",
    // `completion=claimed`: completions awaiting review (待确认).
    "completion",
  ],
  sorts: {
    code: "text",
    title: "text",
    deadline: "text",
    lateStart: "text",
    earlyStart: "text",
    percent: "number",
    weight: "number",
    totalFloat: "number",
    status: "text",
  },
  defaultSort: ["taskForceId", "code"],
  search: ["title", "code"],
  filterKinds: { critical: "flag" },
};

/** Fields of a task list that are computed at the status date, not stored (sorted and filtered in memory). */
export const COMPUTED_TASK_FIELDS: ReadonlySet<string> = new Set([
  "lateStart",
  "earlyStart",
  "totalFloat",
  "critical",
]);

/** Lists of dependencies (前置任务). */
export const DEPENDENCY_LIST: ListFields = {
  filters: ["taskForceId", "predecessorId", "successorId", "type"],
  sorts: { type: "text", lag: "number" },
  defaultSort: ["taskForceId", "predecessorId", "successorId"],
  search: [],
};

/**
 * A new task's stored record: version 1, and no baseline until a plan approval takes one
 * (baselines/baseline.service.ts). A task created finished (by its lead, an admin, an import of the
 * office's own ledger) is confirmed: whoever records it may review it.
 */
export const newTaskRecord = (
  id: string,
  fields: Omit<
    TaskRecord,
    | "id"
    | "version"
    | "createdAt"
    | "updatedAt"
    | "baselineStart"
    | "baselineFinish"
    | "completion"
    | "completionNote"
  >,
  at: string,
): TaskRecord => ({
  id,
  version: 1,
  createdAt: at,
  updatedAt: at,
  ...fields,
  baselineStart: null,
  baselineFinish: null,
  completion: fields.status === "done" ? "confirmed" : null,
  completionNote: null,
});
