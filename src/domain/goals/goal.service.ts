import { goalSchemas } from "../../shared/api/goals.js";
import { assertOrganisationWide } from "../accounts/scope.js";
import { appendAudit } from "../audit/audit.repository.js";
import { readerOf, type ServiceContext } from "../context.js";
import { newId } from "../ids.js";
import type { ListCriteria, Page } from "../records/list-page.js";
import { assertUnique, assertVersion, deleteById, getById } from "../records/record-ops.js";
import { assertRefsExist, assertUnreferenced, type RefCheck } from "../records/references.js";
import { write } from "../records/transaction.js";
import { assertNotOwnAncestor } from "../records/tree.js";
import { insertRecord, updateAtVersion } from "../records/update-at-version.js";
import type { Goal, GoalCreate, GoalUpdate } from "./goal.js";
import { listGoalRows } from "./goal.repository.js";

const LABEL = "goal";
const ENTITY = "goal";

const refsOf = (g: Partial<Goal>): RefCheck[] => [
  { path: "parentId", table: "goals", id: g.parentId },
  { path: "orgUnitId", table: "org_units", id: g.orgUnitId },
];

/** Goals matching the criteria (everyone signed in reads the cascade). */
export async function listGoals(ctx: ServiceContext, c: ListCriteria): Promise<Page<Goal>> {
  const { rows, total } = await listGoalRows(readerOf(ctx), c, ctx.database.dialect);
  return { items: rows, total, limit: c.limit, offset: c.offset };
}

/** One goal; 404 when unknown. */
export function getGoal(ctx: ServiceContext, id: string): Promise<Goal> {
  return getById(readerOf(ctx), "goals", id, LABEL);
}

/** Creates a goal of the cascade with a code of its own (admins and the supervision office). */
export function createGoal(ctx: ServiceContext, input: GoalCreate, id = newId()): Promise<Goal> {
  return write(ctx, async (w) => {
    assertOrganisationWide(w);
    const db = w.uow.db;
    const record = goalSchemas.complete(input);
    await assertRefsExist(db, refsOf(record));
    await assertUnique(db, "goals", { code: record.code }, null, LABEL);
    const at = w.now();
    const created = await insertRecord(db, "goals", {
      id,
      version: 1,
      createdAt: at,
      updatedAt: at,
      ...record,
    });
    await appendAudit(w, { action: "create", entity: ENTITY, entityId: id, before: null, after: created });
    return created;
  });
}

/** Changes a goal at its version; it may not move under itself. */
export function updateGoal(ctx: ServiceContext, id: string, input: GoalUpdate): Promise<Goal> {
  return write(ctx, async (w) => {
    assertOrganisationWide(w);
    const db = w.uow.db;
    const before = await getById(db, "goals", id, LABEL);
    const { version, ...changes } = input;
    await assertRefsExist(db, refsOf(changes));
    if (changes.parentId !== undefined) await assertNotOwnAncestor(db, "goals", id, changes.parentId, LABEL);
    if (changes.code !== undefined) await assertUnique(db, "goals", { code: changes.code }, id, LABEL);
    const after = await updateAtVersion(
      db,
      "goals",
      { id, version, label: LABEL },
      { ...changes, updatedAt: w.now() },
    );
    await appendAudit(w, { action: "update", entity: ENTITY, entityId: id, before, after });
    return after;
  });
}

/** Deletes a goal nothing refers to (409 naming what still does). */
export function deleteGoal(ctx: ServiceContext, id: string, version?: number): Promise<void> {
  return write(ctx, async (w) => {
    assertOrganisationWide(w);
    const db = w.uow.db;
    const before = await getById(db, "goals", id, LABEL);
    assertVersion(before, version, LABEL);
    await assertUnreferenced(db, "goals", id, LABEL);
    await deleteById(db, "goals", id);
    await appendAudit(w, { action: "delete", entity: ENTITY, entityId: id, before, after: null });
  });
}
