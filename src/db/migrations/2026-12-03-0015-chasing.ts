import type { Kysely } from "kysely";

// Frozen in time: this file must never import application code.
// The chasing loop: 催办 records (automatic or by hand, with when read and when answered), the
// in-app inbox, the outbox a worker delivers from (webhook, e-mail), 延期申请, completion review of
// tasks (claimed → confirmed), each unit's head (the chain's second level) and each task force's
// own reminder settings.

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and schema-agnostic
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("org_units").addColumn("head_person_id", "text").execute();
  await db.schema.alterTable("task_forces").addColumn("reminder_settings", "text").execute();
  // null: not finished, or finished before review existed; claimed: a 100 % report awaits review.
  await db.schema.alterTable("tasks").addColumn("completion", "text").execute();
  await db.schema.alterTable("tasks").addColumn("completion_note", "text").execute();

  await db.schema
    .createTable("chases")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("task_force_id", "text", (c) => c.notNull().references("task_forces.id"))
    .addColumn("subject_kind", "text", (c) => c.notNull())
    .addColumn("subject_id", "text", (c) => c.notNull())
    .addColumn("subject_code", "text", (c) => c.notNull())
    .addColumn("subject_title", "text", (c) => c.notNull())
    // A reminder rule of the engine, or `manual` for the 催办 button.
    .addColumn("rule", "text", (c) => c.notNull())
    .addColumn("level", "text", (c) => c.notNull())
    .addColumn("recipient_id", "text", (c) => c.notNull().references("persons.id"))
    .addColumn("recipient_name", "text", (c) => c.notNull())
    .addColumn("sender", "text", (c) => c.notNull())
    .addColumn("sender_name", "text", (c) => c.notNull())
    .addColumn("reason", "text")
    .addColumn("due_date", "text")
    .addColumn("workdays_late", "integer", (c) => c.notNull().defaultTo(0))
    // The organisation's day it was sent (its status date), and the instant.
    .addColumn("day", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("read_at", "text")
    .addColumn("answered_at", "text")
    .addColumn("answered_day", "text")
    // The engine's key of an automatic reminder: unique, so two instances send it once.
    .addColumn("reminder_key", "text", (c) => c.unique())
    .execute();
  await db.schema.createIndex("chases_subject").on("chases").columns(["subject_id", "day"]).execute();
  await db.schema.createIndex("chases_task_force").on("chases").columns(["task_force_id", "day"]).execute();
  await db.schema.createIndex("chases_recipient").on("chases").column("recipient_id").execute();

  await db.schema
    .createTable("messages")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("person_id", "text", (c) => c.notNull().references("persons.id"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("task_force_id", "text")
    .addColumn("subject_kind", "text")
    .addColumn("subject_id", "text")
    .addColumn("chase_id", "text")
    // JSON: what the message says, as values the reader's language words (no prose stored).
    .addColumn("params", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("read_at", "text")
    .execute();
  await db.schema.createIndex("messages_person").on("messages").columns(["person_id", "read_at"]).execute();

  await db.schema
    .createTable("outbox")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("message_id", "text", (c) => c.notNull())
    .addColumn("channel", "text", (c) => c.notNull())
    .addColumn("target", "text", (c) => c.notNull())
    .addColumn("payload", "text", (c) => c.notNull())
    // pending → sent, or dead after the last attempt failed.
    .addColumn("state", "text", (c) => c.notNull())
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("next_attempt_at", "text", (c) => c.notNull())
    .addColumn("locked_until", "text")
    .addColumn("last_error", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("sent_at", "text")
    .addUniqueConstraint("outbox_message_channel", ["message_id", "channel"])
    .execute();
  await db.schema.createIndex("outbox_due").on("outbox").columns(["state", "next_attempt_at"]).execute();

  await db.schema
    .createTable("extension_requests")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("task_force_id", "text", (c) => c.notNull().references("task_forces.id"))
    .addColumn("task_id", "text", (c) => c.notNull().references("tasks.id"))
    .addColumn("requested_by", "text", (c) => c.notNull())
    .addColumn("requested_by_name", "text", (c) => c.notNull())
    .addColumn("current_deadline", "text")
    .addColumn("requested_deadline", "text", (c) => c.notNull())
    .addColumn("reason", "text", (c) => c.notNull())
    // pending → approved | rejected | withdrawn
    .addColumn("state", "text", (c) => c.notNull())
    .addColumn("decided_by", "text")
    .addColumn("decided_by_name", "text")
    .addColumn("decided_at", "text")
    .addColumn("decision_note", "text")
    .addColumn("baseline_id", "text")
    .execute();
  await db.schema
    .createIndex("extension_requests_task_force")
    .on("extension_requests")
    .columns(["task_force_id", "state"])
    .execute();
  await db.schema.createIndex("extension_requests_task").on("extension_requests").column("task_id").execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ["extension_requests", "outbox", "messages", "chases"])
    await db.schema.dropTable(t).execute();
  await db.schema.alterTable("tasks").dropColumn("completion_note").execute();
  await db.schema.alterTable("tasks").dropColumn("completion").execute();
  await db.schema.alterTable("task_forces").dropColumn("reminder_settings").execute();
  await db.schema.alterTable("org_units").dropColumn("head_person_id").execute();
}
