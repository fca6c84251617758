import type { Kysely } from "kysely";

// Frozen in time: this file must never import application code.
// Named counters kept by the database (e.g. supervision numbers per year, DB-2022-001 …), so two
// app instances never hand out the same number.

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and schema-agnostic
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("sequences")
    .addColumn("name", "text", (c) => c.primaryKey())
    .addColumn("value", "integer", (c) => c.notNull())
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("sequences").execute();
}
