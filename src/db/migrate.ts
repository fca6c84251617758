import { type MigrationResultSet, Migrator, NO_MIGRATIONS } from "kysely/migration";
import type { Db } from "./connection.js";
import { migrations } from "./migrations/index.js";

function migrator(db: Db): Migrator {
  return new Migrator({ db, provider: { getMigrations: async () => migrations } });
}

/** Brings the schema to the latest version; returns Kysely's `{ error, results }` (never throws). */
export function migrateToLatest(db: Db): Promise<MigrationResultSet> {
  return migrator(db).migrateToLatest();
}

/** Undoes the most recent migration (used by `guatu migrate --down` and the up→down→up test). */
export function migrateDown(db: Db): Promise<MigrationResultSet> {
  return migrator(db).migrateDown();
}

/** Undoes every migration. */
export function migrateToEmpty(db: Db): Promise<MigrationResultSet> {
  return migrator(db).migrateTo(NO_MIGRATIONS);
}
