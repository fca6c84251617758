import type { Kysely } from "kysely";

// Frozen in time: this file must never import application code.
// Why a change was made, where the change asks for it (a correction or withdrawal of a reading or a
// progress report): kept with its audit entry, beside the values before and after.

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and schema-agnostic
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("audit_entries").addColumn("reason", "text").execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("audit_entries").dropColumn("reason").execute();
}
