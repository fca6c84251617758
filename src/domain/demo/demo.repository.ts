import { sql } from "kysely";
import type { Executor } from "../context.js";
import { settingsInWrite } from "../settings/settings.repository.js";

/** Every table, children first, for a reset. */
const ALL_TABLES = [
  // The chasing loop's records (migration 2026-12-03-0015).
  "outbox",
  "messages",
  "chases",
  "extension_requests",
  "attachments",
  "comments",
  "assessments",
  "sessions",
  "api_tokens",
  "auth_failures",
  "audit_entries",
  "supervision_items",
  "progress_reports",
  "indicator_readings",
  // Tasks ↔ indicators (migration 2026-12-05-0017).
  "task_indicators",
  "indicators",
  "dependencies",
  "plan_baseline_tasks",
  "plan_baselines",
  "task_co_units",
  "tasks",
  "task_force_members",
  "task_force_co_units",
  "task_force_goals",
  "task_forces",
  "goals",
  "users",
  "persons",
  "org_units",
  "settings",
  "data_changes",
] as const;

/** Deletes every record of every table (the revision counter stays: caches must see the change). */
export async function deleteEverything(db: Executor): Promise<void> {
  for (const t of ALL_TABLES) await sql`delete from ${sql.table(t)}`.execute(db);
  settingsInWrite.delete(db);
}
