import { indicatorSchemas } from "../../shared/api/indicators.js";
import { AppError, type ErrorDetail } from "../../shared/errors.js";
import { ruleDetail } from "../../shared/messages.js";
import { assertMayEditDistrictPlan, assertMayEditPlan, assertMayRead, readScope } from "../accounts/scope.js";
import { appendAudit } from "../audit/audit.repository.js";
import { type Executor, readerOf, type ServiceContext, type WriteContext } from "../context.js";
import { newId } from "../ids.js";
import type { ListCriteria, Page } from "../records/list-page.js";
import { assertUnchanged, assertUnique, assertVersion, deleteById, getById } from "../records/record-ops.js";
import { assertRefsExist, assertUnreferenced, type RefCheck } from "../records/references.js";
import { write } from "../records/transaction.js";
import { assertNotOwnAncestor } from "../records/tree.js";
import { insertRecord, updateAtVersion } from "../records/update-at-version.js";
import { taskForcesOfTasks } from "../tasks/task.repository.js";
import type { Indicator, IndicatorCreate, IndicatorUpdate } from "./indicator.js";
import { listIndicatorRows, monthlyPlanColumn, toIndicator } from "./indicator.repository.js";

const LABEL = "indicator";
const ENTITY = "indicator";

const refsOf = (i: Partial<Indicator>): RefCheck[] => [
  { path: "taskForceId", table: "task_forces", id: i.taskForceId },
  { path: "taskId", table: "tasks", id: i.taskId },
  { path: "ownerPersonId", table: "persons", id: i.ownerPersonId },
  { path: "parentId", table: "indicators", id: i.parentId },
  { path: "goalId", table: "goals", id: i.goalId },
  { path: "orgUnitId", table: "org_units", id: i.orgUnitId },
];

/**
 * Who may change an indicator: its task force's leads and admins; for a district-level one (no task
 * force) the supervision office. The office may also set the shares of a district indicator that
 * belong to task forces (it splits the district's target among them).
 */
async function assertMayEditIndicator(
  w: WriteContext,
  i: Pick<Indicator, "taskForceId" | "parentId">,
): Promise<void> {
  if (i.taskForceId === null) return assertMayEditDistrictPlan(w);
  if (i.parentId) {
    const parent = await w.uow.db
      .selectFrom("indicators")
      .select("taskForceId")
      .where("id", "=", i.parentId)
      .executeTakeFirst();
    if (parent && parent.taskForceId === null) {
      try {
        assertMayEditDistrictPlan(w);
        return;
      } catch {
        // not the office: the task force's own rule decides below
      }
    }
  }
  assertMayEditPlan(w, i.taskForceId);
}

/** The fields a share must take from its parent: the roll-up adds or weighs like with like. */
const INHERITED = ["kind", "direction", "unit", "year"] as const;

/**
 * Cascade rules (422 `INDICATOR_RULE`): a district-level indicator names its goal; a share has the
 * parent's kind, direction, unit and year, and a task force's indicator splits only within it; no
 * indicator is its own ancestor.
 */
async function assertCascadeRules(db: Executor, next: Indicator, isNew: boolean): Promise<void> {
  const details: ErrorDetail[] = [];
  if (next.taskForceId === null && !next.goalId) details.push(ruleDetail("goalId", "districtNeedsGoal"));
  if (next.parentId === next.id) details.push(ruleDetail("parentId", "ownIndicatorParent"));
  else if (next.parentId) {
    const parent = await db
      .selectFrom("indicators")
      .select(["taskForceId", ...INHERITED])
      .where("id", "=", next.parentId)
      .executeTakeFirst();
    if (parent) {
      for (const f of INHERITED)
        if (parent[f] !== next[f]) details.push(ruleDetail(f, "parentDiffers", { value: parent[f] }));
      if (parent.taskForceId !== null && parent.taskForceId !== next.taskForceId)
        details.push(ruleDetail("parentId", "parentOtherTaskForceIndicator"));
    }
  }
  if (details.length)
    throw new AppError("INDICATOR_RULE", `${details[0]!.path}: ${details[0]!.message}`, details);
  if (!isNew) await assertNotOwnAncestor(db, "indicators", next.id, next.parentId, LABEL);
}

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

/** Indicators of the task forces the caller may read, and the district-level ones. */
export async function listIndicators(ctx: ServiceContext, c: ListCriteria): Promise<Page<Indicator>> {
  const asked = c.filters.taskForceId;
  const scope = readScope(ctx, asked);
  // District-level indicators (`taskForceId` null) are everyone's to read.
  const district = asked === undefined || asked.includes("null") ? ["null"] : [];
  const criteria = scope ? { ...c, filters: { ...c.filters, taskForceId: [...scope, ...district] } } : c;
  const { rows, total } = await listIndicatorRows(readerOf(ctx), criteria, ctx.database.dialect);
  return { items: rows.map(toIndicator), total, limit: c.limit, offset: c.offset };
}

/** One indicator, for whoever may read its task force (a district-level one: everyone signed in). */
export async function getIndicator(ctx: ServiceContext, id: string): Promise<Indicator> {
  const indicator = toIndicator(await getById(readerOf(ctx), "indicators", id, LABEL));
  assertMayRead(ctx, indicator.taskForceId);
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
    await assertMayEditIndicator(w, record);
    // The rules read the record's fields and id only, not its stamps (not made yet).
    await assertCascadeRules(db, { ...record, id } as Indicator, true);
    if (record.taskForceId !== null)
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
    await assertMayEditIndicator(w, before);
    const { version, monthlyPlan, ...changes } = input;
    assertVersion(before, version, LABEL);
    assertUnchanged(before, changes, ["taskForceId"], LABEL);
    await assertRefsExist(db, refsOf(changes));
    if (changes.parentId !== undefined && changes.parentId !== before.parentId)
      await assertMayEditIndicator(w, { ...before, parentId: changes.parentId });
    await assertCascadeRules(db, { ...before, ...changes }, false);
    if (changes.taskId !== undefined && before.taskForceId !== null)
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
    await assertMayEditIndicator(w, before);
    assertVersion(before, version, LABEL);
    await assertUnreferenced(db, "indicators", id, LABEL);
    await deleteById(db, "indicators", id);
    await appendAudit(w, { action: "delete", entity: ENTITY, entityId: id, before, after: null });
  });
}
