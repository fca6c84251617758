/**
 * Many plan changes in one write (the ledger import): tasks and dependencies created or updated under
 * the same rules as one at a time — scope, versions, references, WBS rules, unique codes and pairs,
 * no cycle, a plan that stays schedulable — but checked over each task force's whole plan once and
 * written in batches. One at a time, each change re-reads and re-schedules its task force: 50,000
 * tasks would take hours.
 */
import { cyclesOf } from "../../engines/ledger/plan/plan-tasks.js";
import { dependencySchemas, taskSchemas } from "../../shared/api/tasks.js";
import { AppError, type ErrorDetail } from "../../shared/errors.js";
import { ruleDetail } from "../../shared/messages.js";
import { assertMayEditPlan } from "../accounts/scope.js";
import { type AuditWrite, appendAudits } from "../audit/audit.repository.js";
import { completionAfter } from "../completion/completion.js";
import type { WriteContext } from "../context.js";
import { assertUnchanged, assertVersion, notFound } from "../records/record-ops.js";
import { assertRefsExist, listRefs, type RefCheck } from "../records/references.js";
import { insertMany, updateAtVersion } from "../records/update-at-version.js";
import { assertPlansStaySchedulable } from "../schedule/schedule-read-model.js";
import { lockTaskForce, readTaskForces } from "../task-forces/task-force.repository.js";
import {
  type Dependency,
  type DependencyCreate,
  type DependencyUpdate,
  newTaskRecord,
  type TaskCreate,
  type TaskRecord,
  type TaskUpdate,
} from "./task.js";
import {
  dependencyRowsOf,
  readTaskCoUnits,
  readTaskIndicators,
  TASK_COLUMNS,
  taskForcesOfTasks,
  taskRowsOf,
  writeTaskCoUnits,
  writeTaskIndicators,
} from "./task.repository.js";

/** The plan changes of one import: new records with the ids chosen for them, updates at their version. */
export interface PlanChanges {
  readonly tasks: {
    readonly creates: readonly Created<TaskCreate>[];
    readonly updates: readonly Updated<TaskUpdate>[];
  };
  readonly dependencies: {
    readonly creates: readonly Created<DependencyCreate>[];
    readonly updates: readonly Updated<DependencyUpdate>[];
  };
}
type Created<I> = { readonly id: string; readonly input: I };
type Updated<I> = { readonly id: string; readonly input: I };

type StoredTask = TaskRecord & { coUnitIds: string[]; indicatorIds: string[] };

/** Writes `c` (the caller checked each input with its schema); refuses all of it on the first broken rule. */
export async function writePlanChanges(w: WriteContext, c: PlanChanges): Promise<void> {
  const db = w.uow.db;
  const at = w.now();
  const newTasks = c.tasks.creates.map(({ id, input }): StoredTask => {
    const { coUnitIds, indicatorIds, ...fields } = taskSchemas.complete(input);
    return { ...newTaskRecord(id, fields, at), coUnitIds, indicatorIds };
  });
  const newTaskTf = new Map(newTasks.map((t) => [t.id, t.taskForceId]));
  const storedEnds = c.dependencies.creates.flatMap(({ input }) => [input.predecessorId, input.successorId]);
  const storedTf = await taskForcesOfTasks(db, [
    ...new Set([...c.tasks.updates.map((u) => u.id), ...storedEnds.filter((id) => !newTaskTf.has(id))]),
  ]);
  const depTf = new Map(
    (
      await dependencyTaskForces(
        w,
        c.dependencies.updates.map((u) => u.id),
      )
    ).entries(),
  );
  const tfIds = [...new Set([...newTaskTf.values(), ...storedTf.values(), ...depTf.values()])].sort();
  if (tfIds.length === 0) return;
  for (const id of tfIds) assertMayEditPlan(w, id);
  for (const id of tfIds) await lockTaskForce(w.uow, w.database.dialect, id);

  const taskForces = await readTaskForces(db, tfIds);
  const storedTasks = await taskRowsOf(db, tfIds);
  const storedDeps = await dependencyRowsOf(db, tfIds);
  const tasks = new Map<string, StoredTask>(
    storedTasks.map((t) => [t.id, { ...t, coUnitIds: [], indicatorIds: [] }]),
  );
  const updatedIds = c.tasks.updates.map((u) => u.id);
  const coUnits = await readTaskCoUnits(db, updatedIds);
  const linked = await readTaskIndicators(db, updatedIds);
  const audits = new Audits();
  const taskUpdates: { before: StoredTask; after: StoredTask; fields: Partial<StoredTask> }[] = [];
  for (const { id, input } of c.tasks.updates) {
    const stored = tasks.get(id);
    if (!stored) throw notFound("task", id);
    const before = { ...stored, coUnitIds: coUnits.get(id) ?? [], indicatorIds: linked.get(id) ?? [] };
    const { version, ...asked } = input;
    assertVersion(before, version, "task");
    assertUnchanged(before, asked, ["taskForceId"], "task");
    // The office's own record: a task the import finishes is confirmed (completion/completion.ts).
    const completion = completionAfter(before, { ...before, ...asked }, "confirmed");
    const changes = completion === before.completion ? asked : { ...asked, completion };
    const after = { ...before, ...changes, version: before.version + 1, updatedAt: at };
    tasks.set(id, after);
    taskUpdates.push({ before, after, fields: changes });
    audits.add(after.taskForceId, { action: "update", entity: "task", entityId: id, before, after });
  }
  for (const t of newTasks) {
    tasks.set(t.id, t);
    audits.add(t.taskForceId, {
      action: "create",
      entity: "task",
      entityId: t.id,
      before: null,
      after: asStored(t),
    });
  }
  await assertTaskRefs(w, [...newTasks, ...taskUpdates.map((u) => ({ ...u.fields, id: u.after.id }))], tasks);
  assertWbs(tasks, [...newTasks, ...taskUpdates.map((u) => u.after)]);

  const deps = new Map<string, Dependency>(storedDeps.map((d) => [d.id, d]));
  const depUpdates: { before: Dependency; after: Dependency }[] = [];
  const newDeps: Dependency[] = [];
  for (const { id, input } of c.dependencies.updates) {
    const before = deps.get(id);
    if (!before) throw notFound("dependency", id);
    const { version, ...changes } = input;
    assertVersion(before, version, "dependency");
    const after = { ...before, ...changes, version: before.version + 1, updatedAt: at };
    deps.set(id, after);
    depUpdates.push({ before, after });
    audits.add(after.taskForceId, { action: "update", entity: "dependency", entityId: id, before, after });
  }
  for (const { id, input } of c.dependencies.creates) {
    const record = dependencySchemas.complete(input);
    const taskForceId = tasks.get(record.successorId)?.taskForceId ?? "";
    const { predecessorId, successorId, type, lag } = record;
    // In stored column order, as one created alone is audited.
    const d: Dependency = {
      id,
      version: 1,
      createdAt: at,
      updatedAt: at,
      taskForceId,
      predecessorId,
      successorId,
      type,
      lag,
    };
    deps.set(id, d);
    newDeps.push(d);
    audits.add(taskForceId, { action: "create", entity: "dependency", entityId: id, before: null, after: d });
  }
  assertDependencies(tasks, deps, [...newDeps, ...depUpdates.map((u) => u.after)]);
  await assertPlansStaySchedulable(
    w,
    { taskForces, tasks: storedTasks, dependencies: storedDeps },
    { taskForces, tasks: [...tasks.values()], dependencies: [...deps.values()] },
  );

  await insertMany(
    db,
    "tasks",
    parentsFirst(newTasks).map(({ coUnitIds: _, indicatorIds: __, ...row }) => row),
  );
  await insertMany(
    db,
    "task_indicators",
    newTasks.flatMap((t) => t.indicatorIds.map((indicatorId, sort) => ({ taskId: t.id, indicatorId, sort }))),
  );
  await insertMany(
    db,
    "task_co_units",
    newTasks.flatMap((t) => t.coUnitIds.map((orgUnitId, sort) => ({ taskId: t.id, orgUnitId, sort }))),
  );
  for (const { before, fields } of taskUpdates) {
    const { coUnitIds, indicatorIds, ...columns } = fields;
    await updateAtVersion(
      db,
      "tasks",
      { id: before.id, version: before.version, label: "task" },
      { ...columns, updatedAt: at },
    );
    if (coUnitIds) await writeTaskCoUnits(db, before.id, coUnitIds);
    if (indicatorIds) await writeTaskIndicators(db, before.id, indicatorIds);
  }
  await insertMany(db, "dependencies", newDeps);
  for (const { before, after } of depUpdates) {
    const { id: _, version: __, createdAt: ___, ...columns } = after;
    await updateAtVersion(
      db,
      "dependencies",
      { id: before.id, version: before.version, label: "dependency" },
      columns,
    );
  }
  await audits.append(w);
}

/**
 * A new task as one created alone is audited: its columns in stored order, then its links (the
 * history view shows a record's first fields, so the order is what a reader sees).
 */
function asStored(t: StoredTask): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const c of TASK_COLUMNS) out[c] = t[c];
  out.coUnitIds = t.coUnitIds;
  out.indicatorIds = t.indicatorIds;
  return out;
}

/** Audit entries grouped by task force and entity: one data change each, so read models re-read those plans whole. */
class Audits {
  private readonly groups = new Map<string, { taskForceId: string; entity: string; entries: AuditWrite[] }>();
  add(taskForceId: string, entry: AuditWrite): void {
    const key = `${taskForceId}\u0000${entry.entity}`;
    const group = this.groups.get(key) ?? { taskForceId, entity: entry.entity, entries: [] };
    group.entries.push(entry);
    this.groups.set(key, group);
  }
  async append(w: WriteContext): Promise<void> {
    for (const { taskForceId, entity, entries } of this.groups.values())
      await appendAudits(w, entries, { entity, entityId: null, taskForceId });
  }
}

/** The task force of each stored dependency among `ids`. */
async function dependencyTaskForces(w: WriteContext, ids: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let k = 0; k < ids.length; k += 5000) {
    const rows = await w.uow.db
      .selectFrom("dependencies")
      .select(["id", "taskForceId"])
      .where("id", "in", ids.slice(k, k + 5000))
      .execute();
    for (const r of rows) out.set(r.id, r.taskForceId);
  }
  return out;
}

/** The units, people and goals the tasks name exist (each distinct reference checked once); parents are checked in memory. */
async function assertTaskRefs(
  w: WriteContext,
  written: readonly Partial<StoredTask>[],
  tasks: ReadonlyMap<string, StoredTask>,
) {
  const checks = new Map<string, RefCheck>();
  const add = (r: RefCheck) => {
    if (typeof r.id === "string") checks.set(`${r.table}\u0000${r.id}`, r);
  };
  for (const t of written) {
    add({ path: "goalId", table: "goals", id: t.goalId });
    add({ path: "responsibleUnitId", table: "org_units", id: t.responsibleUnitId });
    add({ path: "responsiblePersonId", table: "persons", id: t.responsiblePersonId });
    for (const r of listRefs("coUnitIds", "org_units", t.coUnitIds)) add(r);
    for (const r of listRefs("indicatorIds", "indicators", t.indicatorIds)) add(r);
    if (typeof t.parentId === "string" && !tasks.has(t.parentId))
      throw new AppError("MISSING_REFERENCE", `parentId: no task with id "${t.parentId}"`, [
        ruleDetail("parentId", "missingRecord", { what: "task", id: t.parentId }),
      ]);
  }
  await assertRefsExist(w.uow.db, [...checks.values()]);
  // A task advances its own task force's indicators or district-level ones.
  const asked = [...new Set(written.flatMap((t) => t.indicatorIds ?? []))];
  if (asked.length === 0) return;
  const owners = new Map<string, string | null>();
  for (let k = 0; k < asked.length; k += 5000) {
    const rows = await w.uow.db
      .selectFrom("indicators")
      .select(["id", "taskForceId"])
      .where("id", "in", asked.slice(k, k + 5000))
      .execute();
    for (const r of rows) owners.set(r.id, r.taskForceId);
  }
  for (const t of written) {
    const tf = t.id ? tasks.get(t.id)?.taskForceId : undefined;
    (t.indicatorIds ?? []).forEach((id, k) => {
      const owner = owners.get(id);
      if (owner != null && tf !== undefined && owner !== tf)
        throw new AppError("TASK_RULE", `indicatorIds.${k}: indicator ${id} belongs to another task force`, [
          ruleDetail(`indicatorIds.${k}`, "otherTaskForce"),
        ]);
    });
  }
}

/** The WBS rules of `written` over the whole plan: dates in order, parents in the task force, no loop, unique codes. */
function assertWbs(tasks: ReadonlyMap<string, StoredTask>, written: readonly StoredTask[]): void {
  const details: ErrorDetail[] = [];
  for (const t of written) {
    if (t.actualStart && t.actualFinish && t.actualFinish < t.actualStart)
      details.push(
        ruleDetail("actualFinish", "notBeforeField", { field: "actualStart", date: t.actualStart }),
      );
    if (t.parentId === t.id) details.push(ruleDetail("parentId", "ownParent"));
    const parent = t.parentId ? tasks.get(t.parentId) : null;
    if (parent && parent.taskForceId !== t.taskForceId)
      details.push(ruleDetail("parentId", "parentOtherTaskForce", { parent: parent.code }));
  }
  if (details.length) throw new AppError("TASK_RULE", `${details[0]!.path}: ${details[0]!.message}`, details);
  const parents = new Map<string, string[]>();
  const codes = new Set<string>();
  for (const t of tasks.values()) {
    if (t.parentId) parents.set(t.id, [t.parentId]);
    const key = `${t.taskForceId}\u0000${t.code}`;
    if (codes.has(key))
      throw new AppError("DUPLICATE", `a task with code "${t.code}" already exists`, [
        ruleDetail("code", "alreadyUsed", { value: t.code }),
      ]);
    codes.add(key);
  }
  const loop = cyclesOf(parents)[0];
  if (loop)
    throw new AppError("TASK_RULE", "parentId: would make the record its own ancestor", [
      ruleDetail("parentId", "ownAncestor"),
    ]);
}

/** Both ends of each written dependency exist in its task force, pairs are unique, and nothing loops. */
function assertDependencies(
  tasks: ReadonlyMap<string, StoredTask>,
  deps: ReadonlyMap<string, Dependency>,
  written: readonly Dependency[],
): void {
  const code = (id: string) => tasks.get(id)?.code ?? id;
  for (const d of written) {
    const pred = tasks.get(d.predecessorId);
    const succ = tasks.get(d.successorId);
    if (!pred || !succ)
      throw new AppError("MISSING_REFERENCE", "predecessorId: no such task", [
        ruleDetail(pred ? "successorId" : "predecessorId", "noTask", {
          id: pred ? d.successorId : d.predecessorId,
        }),
      ]);
    if (d.predecessorId === d.successorId)
      throw new AppError("DEPENDENCY_RULE", "a task cannot depend on itself", [
        ruleDetail("predecessorId", "selfDependency"),
      ]);
    if (pred.taskForceId !== succ.taskForceId || d.taskForceId !== succ.taskForceId)
      throw new AppError("DEPENDENCY_RULE", "the tasks belong to different task forces", [
        ruleDetail("predecessorId", "dependencyOtherTaskForce", {
          predecessor: pred.code,
          successor: succ.code,
        }),
      ]);
  }
  const pairs = new Set<string>();
  const edges = new Map<string, string[]>();
  for (const d of deps.values()) {
    const key = `${d.predecessorId}\u0000${d.successorId}`;
    if (pairs.has(key))
      throw new AppError(
        "DUPLICATE",
        `the dependency ${code(d.predecessorId)} → ${code(d.successorId)} already exists`,
        [
          ruleDetail("successorId", "alreadyUsed", {
            value: `${code(d.predecessorId)} → ${code(d.successorId)}`,
          }),
        ],
      );
    pairs.add(key);
    const next = edges.get(d.predecessorId);
    if (next) next.push(d.successorId);
    else edges.set(d.predecessorId, [d.successorId]);
  }
  const loop = cyclesOf(edges)[0];
  if (loop) {
    const chain = [...loop, loop[0]!].map(code).join(" → ");
    throw new AppError("DEPENDENCY_CYCLE", `would close a cycle: ${chain}`, [
      ruleDetail("predecessorId", "cycle", { chain }),
    ]);
  }
}

/** New tasks with every parent before its children (the parent key is checked row by row). */
function parentsFirst(created: readonly StoredTask[]): StoredTask[] {
  const byId = new Map(created.map((t) => [t.id, t]));
  const depth = new Map<string, number>();
  const depthOf = (t: StoredTask): number => {
    const known = depth.get(t.id);
    if (known !== undefined) return known;
    const parent = t.parentId ? byId.get(t.parentId) : undefined;
    const d = parent ? depthOf(parent) + 1 : 0;
    depth.set(t.id, d);
    return d;
  };
  return [...created].sort((a, b) => depthOf(a) - depthOf(b));
}
