import { type TaskBookUpdate, taskForceSchemas } from "../../shared/api/task-forces.js";
import {
  assertMayEditPlan,
  assertMayRead,
  assertOrganisationWide,
  assertTaskForceInScope,
  readScope,
} from "../accounts/scope.js";
import { appendAudit } from "../audit/audit.repository.js";
import { deleteBaselines } from "../baselines/baseline.repository.js";
import { idsWithLight } from "../closed-loop/closed-loop.service.js";
import { readerOf, type ServiceContext, type WriteContext } from "../context.js";
import { newId } from "../ids.js";
import type { ListCriteria, Page } from "../records/list-page.js";
import { assertUnique, assertVersion, deleteById, notFound } from "../records/record-ops.js";
import { assertRefsExist, assertUnreferenced, listRefs, type RefCheck } from "../records/references.js";
import { write } from "../records/transaction.js";
import { insertRecord, updateAtVersion } from "../records/update-at-version.js";
import { assertPlanStaysSchedulable } from "../schedule/schedule-read-model.js";
import type { TaskForce, TaskForceCreate, TaskForceUpdate } from "./task-force.js";
import {
  deleteTaskForceLinks,
  findTaskForce,
  listTaskForceRows,
  lockTaskForce,
  toTaskForces,
  writeTaskForceLinks,
} from "./task-force.repository.js";

const LABEL = "task force";
const ENTITY = "task_force";

const refsOf = (t: Partial<TaskForce>): RefCheck[] => [
  { path: "leadLeaderId", table: "persons", id: t.leadLeaderId },
  { path: "leadUnitId", table: "org_units", id: t.leadUnitId },
  ...listRefs("goalIds", "goals", t.goalIds),
  ...listRefs("coUnitIds", "org_units", t.coUnitIds),
];

/** Task forces the caller may read, matching the criteria (and lit in one of the `light` colours). */
export async function listTaskForces(
  ctx: ServiceContext,
  c: ListCriteria,
  light?: readonly string[],
): Promise<Page<TaskForce>> {
  const db = readerOf(ctx);
  const scope = readScope(ctx, light ? await idsWithLight(ctx, "task-forces", light) : undefined);
  const criteria = scope ? { ...c, filters: { ...c.filters, id: scope } } : c;
  const { rows, total } = await listTaskForceRows(db, criteria, ctx.database.dialect);
  return { items: await toTaskForces(db, rows), total, limit: c.limit, offset: c.offset };
}

/**
 * One task force; 404 when unknown, 403 when the caller may not read it. Every read of a task
 * force's records by id starts here.
 */
export async function getTaskForce(ctx: ServiceContext, id: string): Promise<TaskForce> {
  const tf = await findTaskForce(readerOf(ctx), id);
  if (!tf) throw notFound(LABEL, id);
  assertMayRead(ctx, id);
  return tf;
}

/** Creates a task force with a code of its own (admins and the supervision office, organisation-wide). */
export function createTaskForce(
  ctx: ServiceContext,
  input: TaskForceCreate,
  id = newId(),
): Promise<TaskForce> {
  return write(ctx, async (w) => {
    assertOrganisationWide(w);
    const db = w.uow.db;
    const { goalIds, coUnitIds, ...record } = taskForceSchemas.complete(input);
    await assertRefsExist(db, refsOf({ ...record, goalIds, coUnitIds }));
    await assertUnique(db, "task_forces", { code: record.code }, null, LABEL);
    const at = w.now();
    await insertRecord(db, "task_forces", { id, version: 1, createdAt: at, updatedAt: at, ...record });
    await writeTaskForceLinks(db, id, { goalIds, coUnitIds });
    const created = (await findTaskForce(db, id))!;
    await appendAudit(w, { action: "create", entity: ENTITY, entityId: id, before: null, after: created });
    return created;
  });
}

/** Changes a task force (its task book, leads, goals, period) at its version. */
export function updateTaskForce(ctx: ServiceContext, id: string, input: TaskForceUpdate): Promise<TaskForce> {
  return write(ctx, async (w) => {
    const before = await getTaskForce(w, id);
    assertTaskForceInScope(w, id);
    return applyUpdate(w, before, input);
  });
}

/**
 * Changes a task force's task book (every field but code and name) at its version: its leads
 * (`lead` or `lead_leader` members) and admins, or the supervision office (role gate); an API
 * token only within its task force.
 */
export function updateTaskBook(ctx: ServiceContext, id: string, input: TaskBookUpdate): Promise<TaskForce> {
  return write(ctx, async (w) => {
    const before = await getTaskForce(w, id);
    if (w.principal?.roles.includes("supervisor")) assertTaskForceInScope(w, id);
    else assertMayEditPlan(w, id);
    return applyUpdate(w, before, input);
  });
}

/** Writes a change of task force `before` whose caller is already allowed to make it. */
async function applyUpdate(w: WriteContext, before: TaskForce, input: TaskForceUpdate): Promise<TaskForce> {
  const db = w.uow.db;
  const id = before.id;
  await lockTaskForce(w.uow, w.database.dialect, id);
  const { version, goalIds, coUnitIds, ...changes } = input;
  await assertRefsExist(db, refsOf({ ...changes, goalIds, coUnitIds }));
  if (changes.code !== undefined) await assertUnique(db, "task_forces", { code: changes.code }, id, LABEL);
  if (changes.startDate !== undefined || changes.deadline !== undefined)
    await assertPlanStaysSchedulable(w, id, (plan) => ({
      ...plan,
      taskForces: plan.taskForces.map((tf) => ({ ...tf, ...changes })),
    }));
  await updateAtVersion(db, "task_forces", { id, version, label: LABEL }, { ...changes, updatedAt: w.now() });
  await writeTaskForceLinks(db, id, { goalIds, coUnitIds });
  const after = (await findTaskForce(db, id))!;
  await appendAudit(w, { action: "update", entity: ENTITY, entityId: id, before, after });
  return after;
}

/** Deletes a task force nothing refers to any more (409 naming its remaining records otherwise). */
export function deleteTaskForce(ctx: ServiceContext, id: string, version?: number): Promise<void> {
  return write(ctx, async (w) => {
    const db = w.uow.db;
    const before = await getTaskForce(w, id);
    assertTaskForceInScope(w, id);
    assertVersion(before, version, LABEL);
    await assertUnreferenced(db, "task_forces", id, LABEL);
    await deleteTaskForceLinks(db, id);
    await deleteBaselines(db, id);
    await deleteById(db, "task_forces", id);
    await appendAudit(w, { action: "delete", entity: ENTITY, entityId: id, before, after: null });
  });
}
