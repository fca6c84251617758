import type { Command } from "commander";
import { loadConfig } from "../../config/load-config.js";
import { afterBulkLoad } from "../../db/after-bulk-load.js";
import { openDatabase } from "../../db/connection.js";
import { migrateToLatest } from "../../db/migrate.js";
import { serviceContext } from "../../domain/context.js";
import { loadDemo } from "../../domain/demo/demo.service.js";
import { DEMO_PASSWORD } from "../../domain/demo/demo-accounts.js";
import { buildDemoDataset } from "../../domain/demo/demo-data.js";
import { AppError } from "../../shared/errors.js";

/** `guatu demo [--db] [--reset] [--status-date]` — load the demo district (idempotent). */
export function register(program: Command): void {
  program
    .command("demo")
    .description("load the demo district 示范区 (10 task forces); does nothing if it is already loaded")
    .option("--db <url>", "sqlite:PATH or postgres://… (env GUATU_DB)")
    .option("--reset", "delete ALL records of the database first, then load the demo")
    .option("--status-date <date>", "status date the organisation works at (default 2022-08-15)")
    .action(async (opts: { db?: string; reset?: boolean; statusDate?: string }) => {
      const config = loadConfig(process.env, opts);
      if (opts.statusDate && !/^\d{4}-\d{2}-\d{2}$/.test(opts.statusDate)) {
        throw new AppError("VALIDATION", `--status-date ${opts.statusDate}: expected YYYY-MM-DD`);
      }
      const database = openDatabase(config.db);
      try {
        const migration = await migrateToLatest(database.db);
        if (migration.error)
          throw new AppError(
            "VALIDATION",
            `cannot migrate ${config.db.url}: ${(migration.error as Error).message}`,
          );
        const data = buildDemoDataset();
        const dataset = opts.statusDate ? { ...data, statusDate: opts.statusDate } : data;
        // Fixed timestamps keep the demo identical on every database and every run.
        const ctx = serviceContext(database, "demo", () => `${data.statusDate}T01:00:00.000Z`);
        const started = Date.now();
        const result = await loadDemo(ctx, dataset, { reset: opts.reset });
        if (result.loaded) await afterBulkLoad(database);
        if (!result.loaded) {
          process.stdout.write(
            `The demo district is already loaded in ${config.db.url} (use --reset to start over).\n`,
          );
          return;
        }
        const counts = Object.entries(result.counts)
          .map(([k, n]) => `${n} ${k}`)
          .join(", ");
        process.stdout.write(
          `Loaded the demo district ${data.organisation} into ${config.db.url} in ${Date.now() - started} ms: ${counts}.\n`,
        );
        process.stdout.write(`Status date: ${dataset.statusDate}.\n`);
        process.stdout.write(
          `DEMO ACCOUNTS (demo database only): ${data.users.map((u) => u.username).join(", ")} — password "${DEMO_PASSWORD}".\n`,
        );
      } finally {
        await database.close();
      }
    });
}
