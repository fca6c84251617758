import type { PlanBaseline, SlippageBaseline } from "../../shared/api/baselines.js";
import type { Executor } from "../context.js";
import { updateMany } from "../records/update-many.js";
import type { PlanBaselineTable, PlanBaselineTaskTable } from "./baseline.table.js";

const HEADER = [
  "plan_baselines.id",
  "plan_baselines.taskForceId",
  "plan_baselines.number",
  "plan_baselines.approvedAt",
  "plan_baselines.approvedBy",
  "plan_baselines.approvedByName",
  "plan_baselines.reason",
  "plan_baselines.statusDate",
] as const;

/** The baselines of a task force, oldest first, each with its number of tasks. */
export async function listBaselineRows(db: Executor, taskForceId: string): Promise<PlanBaseline[]> {
  return db
    .selectFrom("plan_baselines")
    .leftJoin("plan_baseline_tasks", "plan_baseline_tasks.baselineId", "plan_baselines.id")
    .select(HEADER)
    .select((eb) => eb.fn.count<number>("plan_baseline_tasks.taskId").as("taskCount"))
    .where("plan_baselines.taskForceId", "=", taskForceId)
    .groupBy(HEADER)
    .orderBy("plan_baselines.number")
    .execute()
    .then((rows) => rows.map((r) => ({ ...r, taskCount: Number(r.taskCount) })));
}

/** Baseline numbers held by any of the task forces (null: all), ascending. */
export async function baselineNumbersOf(
  db: Executor,
  taskForceIds: readonly string[] | null,
): Promise<number[]> {
  let q = db.selectFrom("plan_baselines").select("number").distinct();
  if (taskForceIds) {
    if (taskForceIds.length === 0) return [];
    q = q.where("taskForceId", "in", taskForceIds);
  }
  return (await q.orderBy("number").execute()).map((r) => r.number);
}

/** Planned dates of the tasks of baselines numbered `numbers` of the task forces (null: all). */
export function baselineSpans(
  db: Executor,
  taskForceIds: readonly string[] | null,
  numbers: readonly number[],
) {
  let q = db
    .selectFrom("plan_baseline_tasks")
    .innerJoin("plan_baselines", "plan_baselines.id", "plan_baseline_tasks.baselineId")
    .select([
      "plan_baselines.number",
      "plan_baseline_tasks.taskId",
      "plan_baseline_tasks.start",
      "plan_baseline_tasks.finish",
    ])
    .where("plan_baselines.number", "in", numbers);
  if (taskForceIds) q = q.where("plan_baselines.taskForceId", "in", taskForceIds);
  return q.execute();
}

/** The tasks of one baseline, by WBS code. */
export function baselineTaskRows(db: Executor, baselineId: string) {
  return db
    .selectFrom("plan_baseline_tasks")
    .select(["taskId", "code", "title", "start", "finish"])
    .where("baselineId", "=", baselineId)
    .orderBy("code")
    .execute();
}

export async function insertBaseline(
  db: Executor,
  header: PlanBaselineTable,
  tasks: readonly Omit<PlanBaselineTaskTable, "baselineId">[],
): Promise<void> {
  await db.insertInto("plan_baselines").values(header).execute();
  // A few hundred rows per statement keeps under SQLite's and PostgreSQL's parameter limits.
  for (let k = 0; k < tasks.length; k += 500)
    await db
      .insertInto("plan_baseline_tasks")
      .values(tasks.slice(k, k + 500).map((t) => ({ ...t, baselineId: header.id })))
      .execute();
}

/** Deletes every baseline of a task force (with the task force itself). */
export async function deleteBaselines(db: Executor, taskForceId: string): Promise<void> {
  const ids = db.selectFrom("plan_baselines").select("id").where("taskForceId", "=", taskForceId);
  await db.deleteFrom("plan_baseline_tasks").where("baselineId", "in", ids).execute();
  await db.deleteFrom("plan_baselines").where("taskForceId", "=", taskForceId).execute();
}

export interface BaselineInForceChange {
  readonly before: {
    id: string;
    version: number;
    baselineStart: string | null;
    baselineFinish: string | null;
  };
  readonly after: {
    id: string;
    version: number;
    baselineStart: string | null;
    baselineFinish: string | null;
  };
}

/**
 * Sets each task's baseline columns (the baseline slippage is measured against) from its baselines:
 * the first approved one that holds the task, or the latest, as the organisation chose; a task in no
 * baseline keeps none. Only tasks whose dates change are written (versions moved on); answers them.
 * `taskForceIds` null means every task force.
 */
export async function refreshBaselinesInForce(
  db: Executor,
  taskForceIds: readonly string[] | null,
  against: SlippageBaseline,
  updatedAt: string,
): Promise<BaselineInForceChange[]> {
  let spans = db
    .selectFrom("plan_baseline_tasks")
    .innerJoin("plan_baselines", "plan_baselines.id", "plan_baseline_tasks.baselineId")
    .select([
      "plan_baseline_tasks.taskId",
      "plan_baselines.number",
      "plan_baseline_tasks.start",
      "plan_baseline_tasks.finish",
    ]);
  let tasks = db.selectFrom("tasks").select(["id", "version", "baselineStart", "baselineFinish"]);
  if (taskForceIds) {
    if (taskForceIds.length === 0) return [];
    spans = spans.where("plan_baselines.taskForceId", "in", taskForceIds);
    tasks = tasks.where("taskForceId", "in", taskForceIds);
  }
  const chosen = new Map<string, { number: number; start: string; finish: string }>();
  for (const s of await spans.execute()) {
    const had = chosen.get(s.taskId);
    if (!had || (against === "first" ? s.number < had.number : s.number > had.number))
      chosen.set(s.taskId, s);
  }
  const changes: BaselineInForceChange[] = [];
  for (const t of await tasks.orderBy("id").execute()) {
    const c = chosen.get(t.id);
    const start = c?.start ?? null;
    const finish = c?.finish ?? null;
    if (t.baselineStart === start && t.baselineFinish === finish) continue;
    changes.push({
      before: t,
      after: { ...t, version: t.version + 1, baselineStart: start, baselineFinish: finish },
    });
  }
  await updateMany(
    db,
    "tasks",
    ["baseline_start", "baseline_finish"],
    changes.map((c) => [c.after.id, c.after.baselineStart, c.after.baselineFinish]),
    updatedAt,
  );
  return changes;
}
