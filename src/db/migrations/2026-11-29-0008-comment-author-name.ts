import type { Kysely } from "kysely";

// Frozen in time: this file must never import application code.
// The author's display name on a comment, kept as written: readers may not list users, yet a
// leader's comment (批示) must show who wrote it.

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and schema-agnostic
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("comments").addColumn("author_name", "text").execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("comments").dropColumn("author_name").execute();
}
