import type { Executor } from "../context.js";
import type { Indicator, Reading } from "../indicators/indicator.js";
import { indicatorsWhere, readingsWhere } from "../indicators/indicator.repository.js";
import type { SupervisionItem } from "../supervision/supervision.js";
import { supervisionItemsWhere } from "../supervision/supervision.repository.js";
import type { TaskForce } from "../task-forces/task-force.js";
import { readTaskForces } from "../task-forces/task-force.repository.js";
import type { Dependency, TaskRecord } from "../tasks/task.js";

/** The task columns the closed loop reads: at a province's size the rest is megabytes of garbage. */
export const CLOSED_LOOP_TASK_COLUMNS = [
  "id",
  "taskForceId",
  "parentId",
  "code",
  "title",
  "status",
  "completion",
  "percent",
  "duration",
  "deadline",
  "notBefore",
  "baselineStart",
  "baselineFinish",
  "actualStart",
  "actualFinish",
  "responsibleUnitId",
  "responsiblePersonId",
  "responsiblePost",
  "weight",
  "acceptance",
] as const;

/** A task as the closed loop reads it. */
export type ClosedLoopTask = Pick<TaskRecord, (typeof CLOSED_LOOP_TASK_COLUMNS)[number]>;

/** A dependency as the schedule reads it. */
export type ClosedLoopDependency = Pick<
  Dependency,
  "id" | "taskForceId" | "predecessorId" | "successorId" | "type" | "lag"
>;

/** The records the closed-loop engines and the schedule read, for some task forces (all when `ids` is null). */
export interface ClosedLoopData {
  readonly taskForces: readonly TaskForce[];
  readonly tasks: readonly ClosedLoopTask[];
  readonly dependencies: readonly ClosedLoopDependency[];
  readonly indicators: readonly Indicator[];
  readonly readings: readonly Reading[];
  readonly supervisionItems: readonly SupervisionItem[];
  readonly lastReports: ReadonlyMap<string, string>;
}

/** Which rows to read: all (null), or those whose `column` is one of `values`. */
export type RowFilter = { readonly column: "id" | "taskForceId"; readonly values: readonly string[] } | null;

/**
 * The orders every reader gets rows in. They are applied here, in JavaScript, and not by SQL:
 * PostgreSQL's collation may order "01.10" before "01.1.1", SQLite never does, and the in-memory
 * snapshot must agree with both.
 */
const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
export const CLOSED_LOOP_ORDER = {
  tasks: (a: ClosedLoopTask, b: ClosedLoopTask) =>
    byString(a.taskForceId, b.taskForceId) || byString(a.code, b.code),
  dependencies: (a: ClosedLoopDependency, b: ClosedLoopDependency) => byString(a.id, b.id),
  // District-level indicators (no task force) first.
  indicators: (a: Indicator, b: Indicator) =>
    byString(a.taskForceId ?? "", b.taskForceId ?? "") || byString(a.code, b.code),
  readings: (a: Reading, b: Reading) =>
    byString(a.indicatorId, b.indicatorId) || byString(a.period, b.period),
  supervisionItems: (a: SupervisionItem, b: SupervisionItem) => byString(a.code, b.code),
} as const;

export async function readTasks(db: Executor, filter: RowFilter): Promise<ClosedLoopTask[]> {
  let q = db.selectFrom("tasks").select(CLOSED_LOOP_TASK_COLUMNS);
  if (filter) q = filter.values.length ? q.where(filter.column, "in", filter.values) : q.where("id", "=", "");
  return (await q.execute()).sort(CLOSED_LOOP_ORDER.tasks);
}

export async function readDependencies(db: Executor, filter: RowFilter): Promise<ClosedLoopDependency[]> {
  let q = db
    .selectFrom("dependencies")
    .select(["id", "taskForceId", "predecessorId", "successorId", "type", "lag"]);
  if (filter) q = filter.values.length ? q.where(filter.column, "in", filter.values) : q.where("id", "=", "");
  return (await q.execute()).sort(CLOSED_LOOP_ORDER.dependencies);
}

export async function readIndicators(db: Executor, filter: RowFilter): Promise<Indicator[]> {
  const rows = await indicatorsWhere(
    db,
    filter?.column === "id" ? { ids: filter.values } : { taskForceIds: filter?.values ?? null },
  );
  return rows.sort(CLOSED_LOOP_ORDER.indicators);
}

/** Readings by their own ids (`filter` on id), or of the indicators of some task forces. */
export async function readReadings(db: Executor, filter: RowFilter): Promise<Reading[]> {
  const rows = await readingsWhere(
    db,
    filter?.column === "id" ? { ids: filter.values } : { taskForceIds: filter?.values ?? null },
  );
  return rows.sort(CLOSED_LOOP_ORDER.readings);
}

export async function readSupervisionItems(db: Executor, filter: RowFilter): Promise<SupervisionItem[]> {
  const rows = await supervisionItemsWhere(
    db,
    filter?.column === "id" ? { ids: filter.values } : { taskForceIds: filter?.values ?? null },
  );
  return rows.sort(CLOSED_LOOP_ORDER.supervisionItems);
}

/** The date of each task's latest progress report (tasks of some task forces, or all). */
export async function readLastReports(
  db: Executor,
  taskForceIds: readonly string[] | null,
): Promise<Map<string, string>> {
  let q = db
    .selectFrom("progress_reports")
    .select(["taskId"])
    .select((eb) => eb.fn.max("reportDate").as("last"))
    .groupBy("taskId");
  if (taskForceIds) q = q.where("taskForceId", "in", taskForceIds.length ? taskForceIds : [""]);
  const rows = await q.execute();
  return new Map(rows.map((r) => [r.taskId, r.last]));
}

/** The plans (task forces, tasks, dependencies) of some task forces: what a schedule reads. */
export type PlanData = Pick<ClosedLoopData, "taskForces" | "tasks" | "dependencies">;

/** Reads the plans of the task forces `ids` (all when null) in three queries. */
export async function readPlans(db: Executor, ids: readonly string[] | null): Promise<PlanData> {
  const byForce: RowFilter = ids && { column: "taskForceId", values: ids };
  return {
    taskForces: await readTaskForces(db, ids),
    tasks: await readTasks(db, byForce),
    dependencies: await readDependencies(db, byForce),
  };
}

/**
 * Reads everything the overview, lights, check, assessment and schedule need, in a handful of
 * queries, for the task forces `ids` (all when null). Outside a write prefer `closedLoopData`,
 * which keeps these records in memory and re-reads only what changed.
 */
export async function readClosedLoopData(
  db: Executor,
  ids: readonly string[] | null,
): Promise<ClosedLoopData> {
  const byForce: RowFilter = ids && { column: "taskForceId", values: ids };
  return {
    taskForces: await readTaskForces(db, ids),
    tasks: await readTasks(db, byForce),
    dependencies: await readDependencies(db, byForce),
    indicators: await readIndicators(db, byForce),
    readings: await readReadings(db, byForce),
    supervisionItems: await readSupervisionItems(db, byForce),
    lastReports: await readLastReports(db, ids),
  };
}
