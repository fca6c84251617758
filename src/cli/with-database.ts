import { loadConfig } from "../config/load-config.js";
import { type DatabaseHandle, openDatabase } from "../db/connection.js";
import { migrateToLatest } from "../db/migrate.js";
import { AppError } from "../shared/errors.js";

/** Opens the configured database (migrated to the latest schema), runs `fn`, closes it. */
export async function withDatabase<T>(
  dbUrl: string | undefined,
  fn: (database: DatabaseHandle) => Promise<T>,
): Promise<T> {
  const config = loadConfig(process.env, { db: dbUrl });
  const database = openDatabase(config.db);
  try {
    const { error } = await migrateToLatest(database.db);
    if (error)
      throw new AppError("VALIDATION", `cannot migrate ${config.db.url}: ${(error as Error).message}`);
    return await fn(database);
  } finally {
    await database.close();
  }
}
