import type { Kysely } from "kysely";

// Frozen in time: this file must never import application code.
// Results of the last schedule run per task force, and each task's slippage against its baseline.

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and schema-agnostic
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("tasks").addColumn("slippage", "integer").execute();
  await db.schema
    .createTable("schedule_runs")
    .addColumn("task_force_id", "text", (c) =>
      c.primaryKey().references("task_forces.id").onDelete("cascade"),
    )
    .addColumn("computed_at", "text", (c) => c.notNull())
    .addColumn("status_date", "text", (c) => c.notNull())
    .addColumn("project_start", "text", (c) => c.notNull())
    .addColumn("deadline", "text")
    .addColumn("earliest_finish", "text", (c) => c.notNull())
    .addColumn("feasible", "integer", (c) => c.notNull())
    .addColumn("min_float", "integer", (c) => c.notNull())
    .addColumn("critical_path", "text", (c) => c.notNull())
    .addColumn("skipped", "text", (c) => c.notNull())
    .addColumn("error", "text")
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("schedule_runs").execute();
  await db.schema.alterTable("tasks").dropColumn("slippage").execute();
}
