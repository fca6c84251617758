import { indicatorSchemas } from "../../shared/api/indicators.js";
import { AppError } from "../../shared/errors.js";
import { ruleDetail } from "../../shared/messages.js";
import { assertMayEditPlan, readScope } from "../accounts/scope.js";
import { appendAudit } from "../audit/audit.repository.js";
import { type Executor, readerOf, type ServiceContext } from "../context.js";
import { newId } from "../ids.js";
import type { ListCriteria, Page } from "../records/list-page.js";
import { assertUnchanged, assertUnique, assertVersion, deleteById, getById } from "../records/record-ops.js";
import { assertRefsExist, assertUnreferenced, type RefCheck } from "../records/references.js";
import { write } from "../records/transaction.js";
import { insertRecord, updateAtVersion } from "../records/update-at-version.js";
import { getTaskForce } from "../task-forces/task-force.service.js";
import { taskForcesOfTasks } from "../tasks/task.repository.js";
import type { Indicator, IndicatorCreate, IndicatorUpdate } from "./indicator.js";
import { listIndicatorRows, monthlyPlanColumn, toIndicator } from "./indicator.repository.js";

const LABEL = "indicator";
const ENTITY = "indicator";

const refsOf = (i: Partial<Indicator>): RefCheck[] => [
  { path: "taskForceId", table: "task_forces", id: i.taskForceId },
  { path: "taskId", table: "tasks", id: i.taskId },
  { path: "ownerPersonId", table: "persons", id: i.ownerPersonId },
];

/** An indicator's task, when it names one, must be of the indicator's own task force (422 `INDICATOR_RULE`). */
export async function assertTaskOfTaskForce(
  db: Executor,
  taskId: string | null,
  taskForceId: string,
  code: "INDICATOR_RULE" | "SUPERVISION_RULE",
): Promise<void> {
  if (!taskId) return;
  const owner = (await taskForcesOfTasks(db, [taskId])).get(taskId);
  if (owner && owner !== taskForceId)
    throw new AppError(code, `taskId: task ${taskId} belongs to another task force`, [
      ruleDetail("taskId", "otherTaskForce"),
    ]);
}

/** Indicators of the task forces the caller may read. */
export async function listIndicators(ctx: ServiceContext, c: ListCriteria): Promise<Page<Indicator>> {
  const scope = readScope(ctx, c.filters.taskForceId);
  const criteria = scope ? { ...c, filters: { ...c.filters, taskForceId: scope } } : c;
  const { rows, total } = await listIndicatorRows(readerOf(ctx), criteria, ctx.database.dialect);
  return { items: rows.map(toIndicator), total, limit: c.limit, offset: c.offset };
}

/** One indicator, for whoever may read its task force. */
export async function getIndicator(ctx: ServiceContext, id: string): Promise<Indicator> {
  const indicator = toIndicator(await getById(readerOf(ctx), "indicators", id, LABEL));
  await getTaskForce(ctx, indicator.taskForceId);
  return indicator;
}

/** Creates an indicator of a task force (its leads and admins). */
export function createIndicator(
  ctx: ServiceContext,
  input: IndicatorCreate,
  id = newId(),
): Promise<Indicator> {
  return write(ctx, async (w) => {
    const db = w.uow.db;
    const record = indicatorSchemas.complete(input);
    await assertRefsExist(db, refsOf(record));
    assertMayEditPlan(w, record.taskForceId);
    await assertTaskOfTaskForce(db, record.taskId, record.taskForceId, "INDICATOR_RULE");
    await assertUnique(db, "indicators", { taskForceId: record.taskForceId, code: record.code }, null, LABEL);
    const at = w.now();
    const row = await insertRecord(db, "indicators", {
      id,
      version: 1,
      createdAt: at,
      updatedAt: at,
      ...record,
      monthlyPlan: monthlyPlanColumn(record.monthlyPlan) ?? null,
    });
    const created = toIndicator(row);
    await appendAudit(w, { action: "create", entity: ENTITY, entityId: id, before: null, after: created });
    return created;
  });
}

/** Changes an indicator at its version; its task force is fixed. */
export function updateIndicator(ctx: ServiceContext, id: string, input: IndicatorUpdate): Promise<Indicator> {
  return write(ctx, async (w) => {
    const db = w.uow.db;
    const before = toIndicator(await getById(db, "indicators", id, LABEL));
    assertMayEditPlan(w, before.taskForceId);
    const { version, monthlyPlan, ...changes } = input;
    assertVersion(before, version, LABEL);
    assertUnchanged(before, changes, ["taskForceId"], LABEL);
    await assertRefsExist(db, refsOf(changes));
    if (changes.taskId !== undefined)
      await assertTaskOfTaskForce(db, changes.taskId, before.taskForceId, "INDICATOR_RULE");
    if (changes.code !== undefined)
      await assertUnique(
        db,
        "indicators",
        { taskForceId: before.taskForceId, code: changes.code },
        id,
        LABEL,
      );
    const row = await updateAtVersion(
      db,
      "indicators",
      { id, version, label: LABEL },
      { ...changes, monthlyPlan: monthlyPlanColumn(monthlyPlan), updatedAt: w.now() },
    );
    const after = toIndicator(row);
    await appendAudit(w, { action: "update", entity: ENTITY, entityId: id, before, after });
    return after;
  });
}

/** Deletes an indicator without readings. */
export function deleteIndicator(ctx: ServiceContext, id: string, version?: number): Promise<void> {
  return write(ctx, async (w) => {
    const db = w.uow.db;
    const before = toIndicator(await getById(db, "indicators", id, LABEL));
    assertMayEditPlan(w, before.taskForceId);
    assertVersion(before, version, LABEL);
    await assertUnreferenced(db, "indicators", id, LABEL);
    await deleteById(db, "indicators", id);
    await appendAudit(w, { action: "delete", entity: ENTITY, entityId: id, before, after: null });
  });
}
