import { dependencySchemas } from "../../shared/api/tasks.js";
import { AppError, type ErrorDetail } from "../../shared/errors.js";
import { ruleDetail } from "../../shared/messages.js";
import { assertMayEditPlan, readScope } from "../accounts/scope.js";
import { appendAudit } from "../audit/audit.repository.js";
import { type Executor, readerOf, type ServiceContext } from "../context.js";
import { newId } from "../ids.js";
import type { ListCriteria, Page } from "../records/list-page.js";
import { assertUnique, assertVersion, deleteById, getById } from "../records/record-ops.js";
import { write } from "../records/transaction.js";
import { insertRecord, updateAtVersion } from "../records/update-at-version.js";
import { assertPlanStaysSchedulable } from "../schedule/schedule-read-model.js";
import { lockTaskForce } from "../task-forces/task-force.repository.js";
import { getTaskForce } from "../task-forces/task-force.service.js";
import type { Dependency, DependencyCreate, DependencyUpdate } from "./task.js";
import { findDependencyPath, listDependencyRows, taskForcesOfTasks } from "./task.repository.js";

const LABEL = "dependency";
const ENTITY = "dependency";

/** Dependencies of the task forces the caller may read. */
export async function listDependencies(ctx: ServiceContext, c: ListCriteria): Promise<Page<Dependency>> {
  const scope = readScope(ctx, c.filters.taskForceId);
  const criteria = scope ? { ...c, filters: { ...c.filters, taskForceId: scope } } : c;
  const { rows, total } = await listDependencyRows(readerOf(ctx), criteria, ctx.database.dialect);
  return { items: rows, total, limit: c.limit, offset: c.offset };
}

/** One dependency, for whoever may read its task force. */
export async function getDependency(ctx: ServiceContext, id: string): Promise<Dependency> {
  const dep = await getById(readerOf(ctx), "dependencies", id, LABEL);
  await getTaskForce(ctx, dep.taskForceId);
  return dep;
}

/**
 * The task force of a dependency between `pred` and `succ`: both tasks exist (422 naming the missing
 * end), in one task force, the dependency is no self-loop and closes no cycle (`exceptId`: the
 * dependency being changed).
 */
async function taskForceOfDependency(
  db: Executor,
  pred: string,
  succ: string,
  exceptId: string | null,
): Promise<string> {
  const refuse = (code: "DEPENDENCY_RULE" | "DEPENDENCY_CYCLE", d: ErrorDetail) =>
    new AppError(code, `${d.path}: ${d.message}`, [d]);
  if (pred === succ) throw refuse("DEPENDENCY_RULE", ruleDetail("successorId", "selfDependency"));
  const tf = await taskForcesOfTasks(db, [pred, succ]);
  const missing: ErrorDetail[] = [];
  if (!tf.has(pred)) missing.push(ruleDetail("predecessorId", "noTask", { id: pred }));
  if (!tf.has(succ)) missing.push(ruleDetail("successorId", "noTask", { id: succ }));
  if (missing.length)
    throw new AppError("MISSING_REFERENCE", `${missing[0]!.path}: ${missing[0]!.message}`, missing);
  const taskForceId = tf.get(succ)!;
  if (tf.get(pred) !== taskForceId)
    throw refuse(
      "DEPENDENCY_RULE",
      ruleDetail("predecessorId", "dependencyOtherTaskForce", { predecessor: pred, successor: succ }),
    );
  const path = await findDependencyPath(db, taskForceId, succ, pred, exceptId);
  if (path)
    throw refuse(
      "DEPENDENCY_CYCLE",
      ruleDetail("predecessorId", "cycle", { chain: [pred, ...path].join(" → ") }),
    );
  return taskForceId;
}

/** Adds a dependency between two tasks of one task force (its leads and admins). */
export function createDependency(
  ctx: ServiceContext,
  input: DependencyCreate,
  id = newId(),
): Promise<Dependency> {
  return write(ctx, async (w) => {
    const db = w.uow.db;
    const record = dependencySchemas.complete(input);
    const tasksOf = await taskForcesOfTasks(db, [record.successorId]);
    const owner = tasksOf.get(record.successorId);
    if (owner) {
      assertMayEditPlan(w, owner);
      await lockTaskForce(w.uow, w.database.dialect, owner);
    }
    const taskForceId = await taskForceOfDependency(db, record.predecessorId, record.successorId, null);
    assertMayEditPlan(w, taskForceId);
    const pair = { predecessorId: record.predecessorId, successorId: record.successorId };
    await assertUnique(db, "dependencies", pair, null, LABEL);
    const at = w.now();
    const row = { id, version: 1, createdAt: at, updatedAt: at, taskForceId, ...record };
    await assertPlanStaysSchedulable(w, taskForceId, (plan) => ({
      ...plan,
      dependencies: [...plan.dependencies, row],
    }));
    const created = await insertRecord(db, "dependencies", row);
    await appendAudit(w, { action: "create", entity: ENTITY, entityId: id, before: null, after: created });
    return created;
  });
}

/** Changes a dependency (its ends, type or lag) at its version. */
export function updateDependency(
  ctx: ServiceContext,
  id: string,
  input: DependencyUpdate,
): Promise<Dependency> {
  return write(ctx, async (w) => {
    const db = w.uow.db;
    const before = await getById(db, "dependencies", id, LABEL);
    assertMayEditPlan(w, before.taskForceId);
    const { version, ...changes } = input;
    assertVersion(before, version, LABEL);
    await lockTaskForce(w.uow, w.database.dialect, before.taskForceId);
    const next = { ...before, ...changes };
    const taskForceId = await taskForceOfDependency(db, next.predecessorId, next.successorId, id);
    assertMayEditPlan(w, taskForceId);
    if (changes.predecessorId !== undefined || changes.successorId !== undefined)
      await assertUnique(
        db,
        "dependencies",
        { predecessorId: next.predecessorId, successorId: next.successorId },
        id,
        LABEL,
      );
    await assertPlanStaysSchedulable(w, taskForceId, (plan) => ({
      ...plan,
      dependencies: plan.dependencies.map((d) => (d.id === id ? { ...next, taskForceId } : d)),
    }));
    const after = await updateAtVersion(
      db,
      "dependencies",
      { id, version, label: LABEL },
      { ...changes, taskForceId, updatedAt: w.now() },
    );
    await appendAudit(w, { action: "update", entity: ENTITY, entityId: id, before, after });
    return after;
  });
}

/** Removes a dependency. */
export function deleteDependency(ctx: ServiceContext, id: string, version?: number): Promise<void> {
  return write(ctx, async (w) => {
    const db = w.uow.db;
    const before = await getById(db, "dependencies", id, LABEL);
    assertMayEditPlan(w, before.taskForceId);
    assertVersion(before, version, LABEL);
    await lockTaskForce(w.uow, w.database.dialect, before.taskForceId);
    await deleteById(db, "dependencies", id);
    await appendAudit(w, { action: "delete", entity: ENTITY, entityId: id, before, after: null });
  });
}
