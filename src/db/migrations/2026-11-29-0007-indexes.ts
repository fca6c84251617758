import type { Kysely } from "kysely";

// Frozen in time: this file must never import application code.
// Indexes for the lookups every request makes (the caller's task forces) and for the common lists.

const INDEXES = [
  ["tasks_responsible_person", "tasks", "responsible_person_id"],
  ["tasks_responsible_unit", "tasks", "responsible_unit_id"],
  ["indicators_owner_person", "indicators", "owner_person_id"],
  ["task_force_members_person", "task_force_members", "person_id"],
  ["indicator_readings_indicator", "indicator_readings", "indicator_id"],
  ["supervision_items_task_force", "supervision_items", "task_force_id"],
  ["progress_reports_task_force", "progress_reports", "task_force_id"],
] as const;

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and schema-agnostic
export async function up(db: Kysely<any>): Promise<void> {
  for (const [name, table, column] of INDEXES)
    await db.schema.createIndex(name).on(table).column(column).execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const [name] of INDEXES) await db.schema.dropIndex(name).execute();
}
