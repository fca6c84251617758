import type { Kysely } from "kysely";

// Frozen in time: this file must never import application code.
// Leaders' comments on task forces, tasks and supervision items, and escalation of supervision items.

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and schema-agnostic
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("comments")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("task_force_id", "text", (c) => c.notNull().references("task_forces.id"))
    .addColumn("task_id", "text", (c) => c.references("tasks.id"))
    .addColumn("supervision_item_id", "text", (c) => c.references("supervision_items.id"))
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("author", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("comments_task_force").on("comments").column("task_force_id").execute();
  await db.schema.alterTable("supervision_items").addColumn("escalated_on", "text").execute();
  await db.schema.alterTable("supervision_items").addColumn("escalated_by", "text").execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("supervision_items").dropColumn("escalated_by").execute();
  await db.schema.alterTable("supervision_items").dropColumn("escalated_on").execute();
  await db.schema.dropTable("comments").execute();
}
