import type { Kysely } from "kysely";

// Frozen in time: this file must never import application code.
// One counter per scope, bumped in the transaction of every audited change, so caches of read
// models (in any app instance) can tell with one primary-key read whether they are stale.

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and schema-agnostic
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("revisions")
    .addColumn("scope", "text", (c) => c.primaryKey())
    .addColumn("n", "integer", (c) => c.notNull())
    .execute();
  await db.insertInto("revisions").values({ scope: "data", n: 1 }).execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("revisions").execute();
}
