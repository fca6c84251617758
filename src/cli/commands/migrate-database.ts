import type { Command } from "commander";
import { loadConfig } from "../../config/load-config.js";
import { openDatabase } from "../../db/connection.js";
import { migrateDown, migrateToLatest } from "../../db/migrate.js";
import { AppError } from "../../shared/errors.js";

/** `guatu migrate [--db] [--down]` — bring the schema up to date (or undo the last migration). */
export function register(program: Command): void {
  program
    .command("migrate")
    .description("apply database migrations (serve and demo do this automatically)")
    .option("--db <url>", "sqlite:PATH or postgres://… (env GUATU_DB)")
    .option("--down", "undo the most recent migration instead")
    .action(async (opts: { db?: string; down?: boolean }) => {
      const config = loadConfig(process.env, opts);
      const database = openDatabase(config.db);
      try {
        const { error, results } = opts.down
          ? await migrateDown(database.db)
          : await migrateToLatest(database.db);
        for (const r of results ?? [])
          process.stdout.write(
            `${r.direction === "Up" ? "applied" : "undone"} ${r.migrationName}: ${r.status}\n`,
          );
        if (error)
          throw new AppError(
            "VALIDATION",
            `migration failed on ${config.db.url}: ${(error as Error).message}`,
          );
        if (!results?.length) process.stdout.write("database schema is up to date\n");
      } finally {
        await database.close();
      }
    });
}
