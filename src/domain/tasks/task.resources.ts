import { dependencySchemas, taskSchemas } from "../../shared/api/tasks.js";
import { AppError, type ErrorDetail } from "../../shared/errors.js";
import type { Executor, ServiceContext } from "../context.js";
import type { ResourceDef, Row } from "../resource/resource-def.js";
import { rejectSelfParent } from "../resource/tree-rules.js";
import { rescheduleAfterEdit } from "../schedule/schedule.service.js";
import { findDependencyPath } from "./dependency.repository.js";

const refuse = (code: string, details: ErrorDetail[]) =>
  new AppError("unprocessable", `${details[0]!.path}: ${details[0]!.message}`, { code, details });

const rejectTaskCycle = rejectSelfParent("tasks", "task");

/** Date order and WBS rules of a task (parent in the same task force, no WBS cycle). */
async function checkTask(ctx: ServiceContext, trx: Executor, next: Row, before: Row | null) {
  const details: ErrorDetail[] = [];
  const pairs = [
    ["baselineStart", "baselineFinish"],
    ["actualStart", "actualFinish"],
  ] as const;
  for (const [a, b] of pairs) {
    if (next[a] && next[b] && (next[b] as string) < (next[a] as string)) {
      details.push({ path: b, message: `must not be before ${a} (${next[a]})` });
    }
  }
  if (next.parentId) {
    if (next.parentId === next.id)
      details.push({ path: "parentId", message: "a task cannot be its own parent" });
    const parent = await trx
      .selectFrom("tasks")
      .select("taskForceId")
      .where("id", "=", next.parentId as string)
      .executeTakeFirst();
    if (parent && parent.taskForceId !== next.taskForceId) {
      details.push({
        path: "parentId",
        message: `parent task ${next.parentId} belongs to another task force`,
      });
    }
  }
  if (details.length) throw refuse("TASK_RULE", details);
  return rejectTaskCycle(ctx, trx, next, before);
}

/** Any change to the plan moves the battle map's dates. */
const reschedule = (ctx: ServiceContext, _trx: Executor, record: Row) =>
  rescheduleAfterEdit(ctx, record.taskForceId as string);

/** Tasks (任务) of a task force's WBS; milestones have duration 0. */
export const taskResource: ResourceDef = {
  name: "task",
  label: "task",
  path: "tasks",
  table: "tasks",
  schemas: taskSchemas,
  defaults: taskSchemas.spec.defaults,
  boolFields: ["critical"],
  refs: [
    { field: "taskForceId", target: "task-forces" },
    { field: "parentId", target: "tasks" },
    { field: "goalId", target: "goals" },
    { field: "responsibleUnitId", target: "org-units" },
    { field: "responsiblePersonId", target: "persons" },
  ],
  links: [
    {
      field: "coUnitIds",
      table: "task_co_units",
      ownerColumn: "taskId",
      targetColumn: "orgUnitId",
      target: "org-units",
    },
  ],
  uniques: [["taskForceId", "code"]],
  filters: [
    "taskForceId",
    "parentId",
    "responsibleUnitId",
    "responsiblePersonId",
    "status",
    "goalId",
    "critical",
    "coUnitIds",
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
  immutable: ["taskForceId"],
  hooks: { beforeWrite: checkTask, afterWrite: reschedule, afterDelete: reschedule },
};

/** Both ends in one task force, no self-loop, no cycle; derives the dependency's task force. */
async function checkDependency(
  _ctx: ServiceContext,
  trx: Executor,
  next: Row,
  before: Row | null,
): Promise<Row> {
  const pred = next.predecessorId as string;
  const succ = next.successorId as string;
  if (pred === succ)
    throw refuse("DEPENDENCY_RULE", [{ path: "successorId", message: "a task cannot depend on itself" }]);
  const ends = await trx
    .selectFrom("tasks")
    .select(["id", "taskForceId"])
    .where("id", "in", [pred, succ])
    .execute();
  const tf = new Map(ends.map((r) => [r.id as string, r.taskForceId as string]));
  const missing: ErrorDetail[] = [];
  if (!tf.has(pred)) missing.push({ path: "predecessorId", message: `no task with id "${pred}"` });
  if (!tf.has(succ)) missing.push({ path: "successorId", message: `no task with id "${succ}"` });
  if (missing.length)
    throw new AppError("unprocessable", `${missing[0]!.path}: ${missing[0]!.message}`, {
      code: "MISSING_REFERENCE",
      details: missing,
    });
  if (tf.get(pred) !== tf.get(succ)) {
    throw refuse("DEPENDENCY_RULE", [
      { path: "predecessorId", message: `task ${pred} belongs to another task force than ${succ}` },
    ]);
  }
  const path = await findDependencyPath(trx, succ, pred, (before?.id as string | undefined) ?? null);
  if (path) {
    throw refuse("DEPENDENCY_CYCLE", [
      { path: "predecessorId", message: `would close a cycle: ${[pred, ...path].join(" → ")}` },
    ]);
  }
  return { taskForceId: tf.get(succ) };
}

/** Dependencies (前置任务) between tasks of one task force. */
export const dependencyResource: ResourceDef = {
  name: "dependency",
  label: "dependency",
  path: "dependencies",
  table: "dependencies",
  schemas: dependencySchemas,
  defaults: dependencySchemas.spec.defaults,
  refs: [
    { field: "predecessorId", target: "tasks" },
    { field: "successorId", target: "tasks" },
  ],
  uniques: [["predecessorId", "successorId"]],
  filters: ["taskForceId", "predecessorId", "successorId", "type"],
  sorts: { type: "text", lag: "number" },
  defaultSort: ["taskForceId", "predecessorId", "successorId"],
  hooks: { beforeWrite: checkDependency, afterWrite: reschedule, afterDelete: reschedule },
};
