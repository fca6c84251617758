import type { Executor } from "../context.js";
import { type LinkTable, readLinks, readLinksOf, writeLinks } from "../records/links.js";
import { textSortsOf } from "../records/list.js";
import { type ListCriteria, listAll, listPage, listPageIds } from "../records/list-page.js";
import { DEPENDENCY_LIST, type Dependency, TASK_LIST, type TaskRecord } from "./task.js";

type Dialect = "sqlite" | "postgres";

const CO_UNITS: LinkTable = { table: "task_co_units", owner: "taskId", target: "orgUnitId" };
const INDICATORS: LinkTable = { table: "task_indicators", owner: "taskId", target: "indicatorId" };

export const TASK_COLUMNS = [
  "id",
  "version",
  "createdAt",
  "updatedAt",
  "taskForceId",
  "parentId",
  "code",
  "title",
  "description",
  "goalId",
  "responsibleUnitId",
  "responsiblePersonId",
  "responsiblePost",
  "duration",
  "deadline",
  "notBefore",
  "baselineStart",
  "baselineFinish",
  "actualStart",
  "actualFinish",
  "percent",
  "status",
  "weight",
  "acceptance",
  "completion",
  "completionNote",
] as const;

const DEPENDENCY_COLUMNS = [
  "id",
  "version",
  "createdAt",
  "updatedAt",
  "taskForceId",
  "predecessorId",
  "successorId",
  "type",
  "lag",
] as const;

const taskSpec = (dialect: Dialect) =>
  ({
    table: "tasks",
    columns: TASK_COLUMNS,
    textSorts: textSortsOf(TASK_LIST),
    search: TASK_LIST.search,
    links: {
      coUnitIds: { table: CO_UNITS.table, owner: CO_UNITS.owner, target: CO_UNITS.target },
      indicatorIds: { table: INDICATORS.table, owner: INDICATORS.owner, target: INDICATORS.target },
    },
    dialect,
  }) as const;

/** A page of task rows; its count is kept per data `revision` when one is given. */
export const listTaskRows = (db: Executor, c: ListCriteria, dialect: Dialect, revision?: number) =>
  listPage(db, taskSpec(dialect), c, revision);

/** The ids of a page of tasks (for tasks kept encoded); its count is kept as {@link listTaskRows}'. */
export const listTaskIds = (db: Executor, c: ListCriteria, dialect: Dialect, revision?: number) =>
  listPageIds(db, taskSpec(dialect), c, revision);

/** The task rows with these ids (those that exist), in no order. */
export async function taskRowsById(db: Executor, ids: readonly string[]): Promise<TaskRecord[]> {
  if (ids.length === 0) return [];
  return db.selectFrom("tasks").select(TASK_COLUMNS).where("id", "in", ids).execute();
}

/** Every task row matching the filters and search (for sorts on computed fields). */
export const allTaskRows = (db: Executor, c: Pick<ListCriteria, "filters" | "q">, dialect: Dialect) =>
  listAll(db, taskSpec(dialect), c);

/** The task row with this id, or undefined. */
export function findTaskRow(db: Executor, id: string): Promise<TaskRecord | undefined> {
  return db.selectFrom("tasks").select(TASK_COLUMNS).where("id", "=", id).executeTakeFirst();
}

/** The tasks of some task forces (all when null), as stored. */
export async function taskRowsOf(
  db: Executor,
  taskForceIds: readonly string[] | null,
): Promise<TaskRecord[]> {
  let q = db.selectFrom("tasks").select(TASK_COLUMNS);
  if (taskForceIds) {
    if (taskForceIds.length === 0) return [];
    q = q.where("taskForceId", "in", taskForceIds);
  }
  return q.execute();
}

/** The co-units of each task. */
export const readTaskCoUnits = (db: Executor, taskIds: readonly string[]) => readLinks(db, CO_UNITS, taskIds);

/** Replaces a task's co-units. */
export const writeTaskCoUnits = (db: Executor, taskId: string, ids: readonly string[]) =>
  writeLinks(db, CO_UNITS, taskId, ids);

/** The co-units and the indicators of each task, read in one statement (one round trip). */
export async function readTaskLinks(db: Executor, taskIds: readonly string[]) {
  const [coUnits, indicators] = await readLinksOf(db, [CO_UNITS, INDICATORS], taskIds);
  return { coUnits: coUnits!, indicators: indicators! };
}

/** The indicators each task advances. */
export const readTaskIndicators = (db: Executor, taskIds: readonly string[]) =>
  readLinks(db, INDICATORS, taskIds);

/** Replaces the indicators a task advances. */
export const writeTaskIndicators = (db: Executor, taskId: string, ids: readonly string[]) =>
  writeLinks(db, INDICATORS, taskId, ids);

/** The task force of each task among `ids` that exists. */
export async function taskForcesOfTasks(db: Executor, ids: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  // In slices: SQLite takes at most 32,766 parameters per statement.
  for (let k = 0; k < ids.length; k += 5000) {
    const slice = ids.slice(k, k + 5000);
    const rows = await db
      .selectFrom("tasks")
      .select(["id", "taskForceId"])
      .where("id", "in", slice)
      .execute();
    for (const r of rows) out.set(r.id, r.taskForceId);
  }
  return out;
}

/** A page of dependencies. */
export const listDependencyRows = (db: Executor, c: ListCriteria, dialect: Dialect) =>
  listPage(
    db,
    {
      table: "dependencies",
      columns: DEPENDENCY_COLUMNS,
      textSorts: textSortsOf(DEPENDENCY_LIST),
      search: [],
      dialect,
    },
    c,
  );

/** The dependencies of some task forces (all when null). */
export async function dependencyRowsOf(
  db: Executor,
  taskForceIds: readonly string[] | null,
): Promise<Dependency[]> {
  let q = db.selectFrom("dependencies").select(DEPENDENCY_COLUMNS);
  if (taskForceIds) {
    if (taskForceIds.length === 0) return [];
    q = q.where("taskForceId", "in", taskForceIds);
  }
  return q.execute();
}

/**
 * A path of task ids `from → … → to` along the dependencies of one task force (ignoring the
 * dependency `exceptId`), or null: what refuses a dependency that would close a cycle.
 */
export async function findDependencyPath(
  db: Executor,
  taskForceId: string,
  from: string,
  to: string,
  exceptId: string | null,
): Promise<string[] | null> {
  let q = db
    .selectFrom("dependencies")
    .select(["predecessorId", "successorId"])
    .where("taskForceId", "=", taskForceId);
  if (exceptId) q = q.where("id", "!=", exceptId);
  const next = new Map<string, string[]>();
  for (const e of await q.execute())
    next.set(e.predecessorId, [...(next.get(e.predecessorId) ?? []), e.successorId]);
  const cameFrom = new Map<string, string>([[from, ""]]);
  const queue = [from];
  while (queue.length) {
    const node = queue.shift()!;
    if (node === to) {
      const path = [to];
      for (let n = cameFrom.get(to)!; n; n = cameFrom.get(n)!) path.unshift(n);
      return path;
    }
    for (const n of next.get(node) ?? [])
      if (!cameFrom.has(n)) {
        cameFrom.set(n, node);
        queue.push(n);
      }
  }
  return null;
}

/** A task's task force and responsible person, or undefined when there is no such task. */
export function taskOwner(db: Executor, id: string) {
  return db
    .selectFrom("tasks")
    .select(["taskForceId", "responsiblePersonId"])
    .where("id", "=", id)
    .executeTakeFirst();
}
