import type { Kysely } from "kysely";

// Frozen in time: this file must never import application code.
// Evidence attachments (佐证材料): files an owner uploads with a progress report, stored in the
// database so every app instance serves them and a backup holds them.
//
// `content` is declared `bytea`: PostgreSQL's binary type, and on SQLite any declared type name is
// accepted — "bytea" gets NUMERIC affinity there, which stores BLOB values unchanged. So one schema
// keeps raw bytes on both databases (base64 text would cost a third more space and a copy each way).
// Reads other than the download never select it.

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and schema-agnostic
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("attachments")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("task_force_id", "text", (c) => c.notNull().references("task_forces.id"))
    .addColumn("task_id", "text", (c) => c.references("tasks.id"))
    .addColumn("file_name", "text", (c) => c.notNull())
    .addColumn("content_type", "text", (c) => c.notNull())
    .addColumn("size", "integer", (c) => c.notNull())
    .addColumn("sha256", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("content", "bytea", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("attachments_task").on("attachments").column("task_id").execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("attachments").execute();
}
