import type { IsoDate } from "../../engines/index.js";
import { taskSchemas } from "../../shared/api/tasks.js";
import { AppError, type ErrorDetail } from "../../shared/errors.js";
import { ruleDetail } from "../../shared/messages.js";
import { assertMayEditPlan, assertMayRead, readScope } from "../accounts/scope.js";
import { appendAudit } from "../audit/audit.repository.js";
import { idsWithLight } from "../closed-loop/closed-loop.service.js";
import { completionAfter } from "../completion/completion.js";
import { afterWrite, type Executor, readerOf, type ServiceContext, type WriteContext } from "../context.js";
import { newId } from "../ids.js";
import type { RowEncoding } from "../read-cache.js";
import type { ListCriteria, Page } from "../records/list-page.js";
import { assertUnchanged, assertUnique, assertVersion, deleteById, notFound } from "../records/record-ops.js";
import { assertRefsExist, assertUnreferenced, listRefs, type RefCheck } from "../records/references.js";
import { write } from "../records/transaction.js";
import { assertNotOwnAncestor } from "../records/tree.js";
import { insertRecord, updateAtVersion } from "../records/update-at-version.js";
import {
  assertPlanStaysSchedulable,
  schedulesAt,
  taskSchedulesOf,
  withSchedule,
} from "../schedule/schedule-read-model.js";
import { organisationStatusDate } from "../settings/settings.service.js";
import { lockTaskForce } from "../task-forces/task-force.repository.js";
import { getTaskForce } from "../task-forces/task-force.service.js";
import {
  COMPUTED_TASK_FIELDS,
  newTaskRecord,
  type Task,
  type TaskCreate,
  type TaskRecord,
  type TaskUpdate,
} from "./task.js";
import {
  allTaskRows,
  findTaskRow,
  listTaskIds,
  listTaskRows,
  readTaskCoUnits,
  readTaskIndicators,
  readTaskLinks,
  taskRowsById,
  taskRowsOf,
  writeTaskCoUnits,
  writeTaskIndicators,
} from "./task.repository.js";

const LABEL = "task";
const ENTITY = "task";

/** A task as stored and audited: its record and co-units, without computed schedule fields. */
export type StoredTask = TaskRecord & { readonly coUnitIds: string[]; readonly indicatorIds: string[] };

const refsOf = (t: Partial<StoredTask>): RefCheck[] => [
  { path: "taskForceId", table: "task_forces", id: t.taskForceId },
  { path: "parentId", table: "tasks", id: t.parentId },
  { path: "goalId", table: "goals", id: t.goalId },
  { path: "responsibleUnitId", table: "org_units", id: t.responsibleUnitId },
  { path: "responsiblePersonId", table: "persons", id: t.responsiblePersonId },
  ...listRefs("coUnitIds", "org_units", t.coUnitIds),
  ...listRefs("indicatorIds", "indicators", t.indicatorIds),
];

/** Stored rows → wire tasks with co-units and their schedule at `statusDate`. */
async function toTasks(
  ctx: ServiceContext,
  rows: readonly TaskRecord[],
  statusDate: IsoDate,
): Promise<Task[]> {
  if (rows.length === 0) return [];
  const { coUnits, indicators } = await readTaskLinks(
    readerOf(ctx),
    rows.map((r) => r.id),
  );
  const taskForceIds = [...new Set(rows.map((r) => r.taskForceId))];
  const schedules = taskSchedulesOf(await schedulesAt(ctx, taskForceIds, statusDate));
  return rows.map((r) =>
    withSchedule(
      { ...r, coUnitIds: coUnits.get(r.id) ?? [], indicatorIds: indicators.get(r.id) ?? [] },
      schedules,
    ),
  );
}

/** The task as stored, or 404. */
async function storedTask(db: Executor, id: string): Promise<StoredTask> {
  const row = await findTaskRow(db, id);
  if (!row) throw notFound(LABEL, id);
  return {
    ...row,
    coUnitIds: (await readTaskCoUnits(db, [id])).get(id) ?? [],
    indicatorIds: (await readTaskIndicators(db, [id])).get(id) ?? [],
  };
}

/**
 * Tasks the caller may read, matching the criteria (and lit in one of the `light` colours), with
 * their schedule at the organisation's status date. A sort or filter on a computed field (late start, float, critical) runs in memory over the
 * matching tasks; others page in SQL.
 */
export async function listTasks(
  ctx: ServiceContext,
  c: ListCriteria,
  light?: readonly string[],
): Promise<Page<Task>> {
  const db = readerOf(ctx);
  const filters = await readableFilters(ctx, c, light);
  const statusDate = await organisationStatusDate(ctx);
  if (!isComputed(c, filters)) {
    // The count is kept per data revision, read with the session (not inside a write).
    const revision = ctx.uow ? undefined : ctx.dataRevision;
    const { rows, ...page } = await listTaskRows(db, { ...c, filters }, ctx.database.dialect, revision);
    return { items: await toTasks(ctx, rows, statusDate), limit: c.limit, offset: c.offset, ...page };
  }
  if (c.cursor !== undefined)
    throw new AppError("VALIDATION", "cursor: a list by a computed field pages by offset", [
      {
        path: "querystring.cursor",
        message: "not with a sort or filter on lateStart, earlyStart, totalFloat or critical",
      },
    ]);
  const { critical, ...stored } = filters;
  let tasks = await toTasks(
    ctx,
    await allTaskRows(db, { filters: stored, q: c.q }, ctx.database.dialect),
    statusDate,
  );
  if (critical) tasks = tasks.filter((t) => critical.some((v) => matchesFlag(v, t.critical)));
  tasks.sort(compareBy(c.sort));
  return {
    items: tasks.slice(c.offset, c.offset + c.limit),
    total: tasks.length,
    limit: c.limit,
    offset: c.offset,
  };
}

/** The list's filters narrowed to the reader's scope and, when asked, to tasks lit in `light`. */
async function readableFilters(ctx: ServiceContext, c: ListCriteria, light?: readonly string[]) {
  const scope = readScope(ctx, c.filters.taskForceId);
  const filters = scope ? { ...c.filters, taskForceId: scope } : c.filters;
  return light ? { ...filters, id: await idsWithLight(ctx, "tasks", light) } : filters;
}

/** Whether a list sorts or filters on a computed field (then it runs in memory). */
const isComputed = (c: ListCriteria, filters: ListCriteria["filters"]) =>
  "critical" in filters || c.sort.some((s) => COMPUTED_TASK_FIELDS.has(s.field));

/**
 * {@link listTasks} with each task encoded by `encoding`: outside a write, tasks are kept encoded
 * per data revision and status date, so a page reads only its ids and the tasks not yet kept
 * (after a change, every task is read and encoded once again, as before).
 */
export async function listTasksEncoded(
  ctx: ServiceContext,
  c: ListCriteria,
  light: readonly string[] | undefined,
  encoding: RowEncoding<Task>,
): Promise<Page<Buffer>> {
  const revision = ctx.uow ? undefined : ctx.dataRevision;
  if (revision === undefined) {
    const page = await listTasks(ctx, c, light);
    return { ...page, items: page.items.map(encoding.encode) };
  }
  const filters = await readableFilters(ctx, c, light);
  if (isComputed(c, filters)) {
    const page = await listTasks(ctx, c, light);
    return { ...page, items: page.items.map(encoding.encode) };
  }
  const db = readerOf(ctx);
  const statusDate = await organisationStatusDate(ctx);
  const { ids, ...page } = await listTaskIds(db, { ...c, filters }, ctx.database.dialect, revision);
  const kept = encoding.rows;
  const found = new Map<string, Buffer>();
  const missing: string[] = [];
  for (const id of ids) {
    const hit = kept.get(revision, statusDate, id);
    if (hit) found.set(id, hit.json);
    else missing.push(id);
  }
  for (const task of await toTasks(ctx, await taskRowsById(db, missing), statusDate)) {
    const json = encoding.encode(task);
    found.set(task.id, json);
    kept.put(revision, statusDate, task.id, { json, owner: task.taskForceId });
  }
  // A task deleted since its id was read is left out of the page.
  const items = ids.flatMap((id) => found.get(id) ?? []);
  return { items, limit: c.limit, offset: c.offset, ...page };
}

/** {@link getTask} encoded by `encoding`, from the tasks kept encoded when this one is (scope checked). */
export async function getTaskEncoded(
  ctx: ServiceContext,
  id: string,
  encoding: RowEncoding<Task>,
): Promise<Buffer> {
  const revision = ctx.uow ? undefined : ctx.dataRevision;
  if (revision === undefined) return encoding.encode(await getTask(ctx, id));
  const statusDate = await organisationStatusDate(ctx);
  const hit = encoding.rows.get(revision, statusDate, id);
  if (hit) {
    assertMayRead(ctx, hit.owner);
    return hit.json;
  }
  const task = await getTask(ctx, id, statusDate);
  const json = encoding.encode(task);
  encoding.rows.put(revision, statusDate, id, { json, owner: task.taskForceId });
  return json;
}

/** Whether a query value (`1`/`true`, `0`/`false`, `null`) matches a nullable flag. */
const matchesFlag = (v: string, flag: boolean | null) =>
  v === "null" ? flag === null : (v === "1" || v === "true") === flag && flag !== null;

/** A comparator for in-memory sorts: text byte-wise, missing values last, then by id. */
function compareBy(sort: ListCriteria["sort"]) {
  const keys = [...sort, { field: "id", desc: false }];
  return (a: Task, b: Task): number => {
    for (const { field, desc } of keys) {
      const x: unknown = Reflect.get(a, field);
      const y: unknown = Reflect.get(b, field);
      if (x === y) continue;
      if (x === null || x === undefined) return 1;
      if (y === null || y === undefined) return -1;
      const order = typeof x === "number" && typeof y === "number" ? x - y : String(x) < String(y) ? -1 : 1;
      return desc ? -order : order;
    }
    return 0;
  };
}

/** One task with its schedule at `statusDate` (default: the organisation's), for whoever may read its task force. */
export async function getTask(ctx: ServiceContext, id: string, statusDate?: IsoDate): Promise<Task> {
  const row = await findTaskRow(readerOf(ctx), id);
  if (!row) throw notFound(LABEL, id);
  await getTaskForce(ctx, row.taskForceId);
  return (await toTasks(ctx, [row], statusDate ?? (await organisationStatusDate(ctx))))[0]!;
}

/** The tasks of one task force with their schedule at `statusDate` (the caller checked the scope). */
export async function tasksOfTaskForce(
  ctx: ServiceContext,
  taskForceId: string,
  statusDate: IsoDate,
): Promise<Task[]> {
  const rows = (await taskRowsOf(readerOf(ctx), [taskForceId])).sort((a, b) =>
    a.code < b.code ? -1 : a.code > b.code ? 1 : 0,
  );
  return toTasks(ctx, rows, statusDate);
}

/**
 * Date order and WBS rules of a task: an actual finish not before its start, a
 * parent in the same task force and not the task itself or one of its descendants.
 */
async function checkTaskRules(db: Executor, next: StoredTask, before: StoredTask | null): Promise<void> {
  const details: ErrorDetail[] = [];
  const pairs = [["actualStart", "actualFinish"]] as const;
  for (const [a, b] of pairs) {
    const start = next[a];
    const finish = next[b];
    if (start && finish && finish < start)
      details.push(ruleDetail(b, "notBeforeField", { field: a, date: start }));
  }
  if (next.parentId) {
    if (next.parentId === next.id) details.push(ruleDetail("parentId", "ownParent"));
    const parent = await findTaskRow(db, next.parentId);
    if (parent && parent.taskForceId !== next.taskForceId)
      details.push(ruleDetail("parentId", "parentOtherTaskForce", { parent: next.parentId }));
  }
  // A task advances its own task force's indicators, or district-level ones (of no task force).
  if (next.indicatorIds.length && next.indicatorIds !== before?.indicatorIds) {
    const owners = await db
      .selectFrom("indicators")
      .select(["id", "taskForceId"])
      .where("id", "in", next.indicatorIds)
      .execute();
    const ownerOf = new Map(owners.map((o) => [o.id, o.taskForceId]));
    next.indicatorIds.forEach((id, k) => {
      const owner = ownerOf.get(id);
      if (owner !== undefined && owner !== null && owner !== next.taskForceId)
        details.push(ruleDetail(`indicatorIds.${k}`, "otherTaskForce"));
    });
  }
  if (details.length) throw new AppError("TASK_RULE", `${details[0]!.path}: ${details[0]!.message}`, details);
  if (before && next.parentId !== before.parentId)
    await assertNotOwnAncestor(db, "tasks", next.id, next.parentId, LABEL);
}

/** Creates a task in a task force's WBS (its leads and admins). Its schedule is computed when read. */
export async function createTask(ctx: ServiceContext, input: TaskCreate, id = newId()): Promise<Task> {
  const created = await write(ctx, async (w) => {
    const db = w.uow.db;
    const { coUnitIds, indicatorIds, ...fields } = taskSchemas.complete(input);
    await assertRefsExist(db, refsOf({ ...fields, coUnitIds, indicatorIds }));
    assertMayEditPlan(w, fields.taskForceId);
    await lockTaskForce(w.uow, w.database.dialect, fields.taskForceId);
    const record = newTaskRecord(id, fields, w.now());
    await checkTaskRules(db, { ...record, coUnitIds, indicatorIds }, null);
    await assertUnique(db, "tasks", { taskForceId: record.taskForceId, code: record.code }, null, LABEL);
    await assertPlanStaysSchedulable(w, record.taskForceId, (plan) => ({
      ...plan,
      tasks: [...plan.tasks, record],
    }));
    await insertRecord(db, "tasks", record);
    await writeTaskCoUnits(db, id, coUnitIds);
    await writeTaskIndicators(db, id, indicatorIds);
    const after = await storedTask(db, id);
    await appendAudit(w, { action: "create", entity: ENTITY, entityId: id, before: null, after });
    return after;
  });
  return scheduled(ctx, created);
}

/** Changes a task at its version (its leads and admins); its task force is fixed. */
export async function updateTask(ctx: ServiceContext, id: string, input: TaskUpdate): Promise<Task> {
  const updated = await write(ctx, async (w) => {
    const db = w.uow.db;
    const before = await storedTask(db, id);
    assertMayEditPlan(w, before.taskForceId);
    const { version, ...changes } = input;
    assertVersion(before, version, LABEL);
    assertUnchanged(before, changes, ["taskForceId"], LABEL);
    await assertRefsExist(db, refsOf(changes));
    await lockTaskForce(w.uow, w.database.dialect, before.taskForceId);
    await assertPlanStaysSchedulable(w, before.taskForceId, (plan) => ({
      ...plan,
      tasks: plan.tasks.map((t) => (t.id === id ? { ...t, ...changes } : t)),
    }));
    return applyTaskChanges(w, before, version, changes);
  });
  return scheduled(ctx, updated);
}

/**
 * A task just written, with its schedule at the organisation's status date: computed after the
 * write commits (from the read model, which catches up), so the write holds its locks no longer.
 */
async function scheduled(ctx: ServiceContext, task: StoredTask): Promise<Task> {
  const reader = afterWrite(ctx);
  return (await toTasks(reader, [task], await organisationStatusDate(reader)))[0]!;
}

/**
 * Writes checked changes of a task at `version` (rules, unique code, co-units) and audits them: the
 * one write path of a task's fields, for plan edits and for the consequences of progress reports.
 * Unless `changes` names its completion, a change that finishes the task confirms it (the lead's or
 * admin's own record) and one that unfinishes it clears it (completion/completion.ts).
 */
export async function applyTaskChanges(
  w: WriteContext,
  before: StoredTask,
  version: number,
  changes: Partial<StoredTask>,
): Promise<StoredTask> {
  const db = w.uow.db;
  const { coUnitIds, indicatorIds, ...asked } = changes;
  const completion = completionAfter(before, { ...before, ...changes }, "confirmed");
  const fields = "completion" in asked || completion === before.completion ? asked : { ...asked, completion };
  await checkTaskRules(db, { ...before, ...changes }, before);
  if (fields.code !== undefined)
    await assertUnique(db, "tasks", { taskForceId: before.taskForceId, code: fields.code }, before.id, LABEL);
  await updateAtVersion(
    db,
    "tasks",
    { id: before.id, version, label: LABEL },
    { ...fields, updatedAt: w.now() },
  );
  if (coUnitIds) await writeTaskCoUnits(db, before.id, coUnitIds);
  if (indicatorIds) await writeTaskIndicators(db, before.id, indicatorIds);
  const after = await storedTask(db, before.id);
  await appendAudit(w, { action: "update", entity: ENTITY, entityId: before.id, before, after });
  return after;
}

/** A task as stored, inside a write (for services that change a task as a consequence). */
export const storedTaskIn = (w: WriteContext, id: string): Promise<StoredTask> => storedTask(w.uow.db, id);

/** Deletes a task nothing refers to (its sub-tasks, dependencies, reports … must go first). */
export function deleteTask(ctx: ServiceContext, id: string, version?: number): Promise<void> {
  return write(ctx, async (w) => {
    const db = w.uow.db;
    const before = await storedTask(db, id);
    assertMayEditPlan(w, before.taskForceId);
    assertVersion(before, version, LABEL);
    await lockTaskForce(w.uow, w.database.dialect, before.taskForceId);
    await assertUnreferenced(db, "tasks", id, LABEL);
    await writeTaskCoUnits(db, id, []);
    await deleteById(db, "tasks", id);
    await appendAudit(w, { action: "delete", entity: ENTITY, entityId: id, before, after: null });
  });
}
