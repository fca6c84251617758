import type { Kysely } from "kysely";

// Frozen in time: this file must never import application code.
// Schedule dates, float and critical flags are computed when read, at the date the reader asks
// for; the columns and the table that stored them at the date of the last edit go.

const COMPUTED = [
  "early_start",
  "early_finish",
  "late_start",
  "late_finish",
  "total_float",
  "critical",
  "slippage",
] as const;

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and schema-agnostic
export async function up(db: Kysely<any>): Promise<void> {
  for (const column of COMPUTED) await db.schema.alterTable("tasks").dropColumn(column).execute();
  await db.schema.dropTable("schedule_runs").execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const column of COMPUTED) {
    const type = column.endsWith("_start") || column.endsWith("_finish") ? "text" : "integer";
    await db.schema.alterTable("tasks").addColumn(column, type).execute();
  }
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
