import type { Kysely } from "kysely";

// Frozen in time: this file must never import application code.
// Plan baselines as versions: approving a plan adds baseline N+1 (who, when, why, and every task's
// planned start and finish) and leaves the earlier ones as they were. The tasks' baseline columns
// stay, as the baseline in force for slippage (by the organisation's choice: the first approved
// baseline of each task by default); only approvals write them. Baselines already on tasks become
// version 1 of their task force.

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and schema-agnostic
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("plan_baselines")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("task_force_id", "text", (c) => c.notNull().references("task_forces.id"))
    .addColumn("number", "integer", (c) => c.notNull())
    .addColumn("approved_at", "text", (c) => c.notNull())
    .addColumn("approved_by", "text")
    .addColumn("approved_by_name", "text", (c) => c.notNull())
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("status_date", "text", (c) => c.notNull())
    .addUniqueConstraint("plan_baselines_number", ["task_force_id", "number"])
    .execute();
  // No foreign key to tasks: a baseline keeps a task that was deleted later (with its code and title).
  await db.schema
    .createTable("plan_baseline_tasks")
    .addColumn("baseline_id", "text", (c) => c.notNull().references("plan_baselines.id"))
    .addColumn("task_id", "text", (c) => c.notNull())
    .addColumn("code", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("start", "text", (c) => c.notNull())
    .addColumn("finish", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("plan_baseline_tasks_pk", ["baseline_id", "task_id"])
    .execute();
  await db.schema
    .createIndex("plan_baseline_tasks_task")
    .on("plan_baseline_tasks")
    .column("task_id")
    .execute();

  // Without the app's camelCase mapping: this file names columns as the database does.
  const raw = db.withoutPlugins();
  const tasks: {
    id: string;
    task_force_id: string;
    code: string;
    title: string;
    baseline_start: string;
    baseline_finish: string;
  }[] = await raw
    .selectFrom("tasks")
    .select(["id", "task_force_id", "code", "title", "baseline_start", "baseline_finish"])
    .where("baseline_start", "is not", null)
    .where("baseline_finish", "is not", null)
    .execute();
  const at = new Date().toISOString();
  const forces = [...new Set(tasks.map((t) => t.task_force_id))];
  for (const tf of forces) {
    const id = `bl-${tf}-1`;
    await raw
      .insertInto("plan_baselines")
      .values({
        id,
        task_force_id: tf,
        number: 1,
        approved_at: at,
        approved_by: null,
        approved_by_name: "",
        reason: "",
        status_date: at.slice(0, 10),
      })
      .execute();
    const rows = tasks
      .filter((t) => t.task_force_id === tf)
      .map((t) => ({
        baseline_id: id,
        task_id: t.id,
        code: t.code,
        title: t.title,
        start: t.baseline_start,
        finish: t.baseline_finish,
      }));
    for (let k = 0; k < rows.length; k += 500)
      await raw
        .insertInto("plan_baseline_tasks")
        .values(rows.slice(k, k + 500))
        .execute();
  }
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("plan_baseline_tasks").execute();
  await db.schema.dropTable("plan_baselines").execute();
}
