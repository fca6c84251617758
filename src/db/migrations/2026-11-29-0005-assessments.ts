import type { Kysely } from "kysely";

// Frozen in time: this file must never import application code.
// Dated assessment snapshots (考核): scores and ranks as they stood, kept for month-to-month comparison.

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and schema-agnostic
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("assessments")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("taken_at", "text", (c) => c.notNull())
    .addColumn("taken_by", "text", (c) => c.notNull())
    .addColumn("status_date", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("assessments_status_date").on("assessments").column("status_date").execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("assessments").execute();
}
