import type { Kysely } from "kysely";

// Frozen in time: this file must never import application code.
// What each data revision changed (one row per revision), so an in-memory read model can catch up
// by re-reading only those records instead of everything. A gap in the numbers (rows pruned, or
// revisions from before this table) makes a reader reload in full.

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and schema-agnostic
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("data_changes")
    .addColumn("revision", "integer", (c) => c.primaryKey())
    .addColumn("entity", "text", (c) => c.notNull())
    .addColumn("entity_id", "text")
    .addColumn("task_force_id", "text")
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("data_changes").execute();
}
