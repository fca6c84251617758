import type { Command } from "commander";
import { pino } from "pino";
import { loadConfig } from "../../config/load-config.js";
import { openDatabase } from "../../db/connection.js";
import { migrateToLatest } from "../../db/migrate.js";
import { reminderTick } from "../../domain/chasing/tick.js";
import { startBackgroundWorker } from "../../domain/delivery/worker.js";
import { AppError } from "../../shared/errors.js";

/**
 * `guatu worker [--db] [--interval]` — the background worker alone (outbox delivery), until
 * SIGINT or SIGTERM; then it finishes the round in flight and exits. Beside `guatu serve --no-worker`,
 * or as one more worker on PostgreSQL (claims never overlap).
 */
export function register(program: Command): void {
  program
    .command("worker")
    .description(
      "deliver queued notifications (webhooks, e-mail) until interrupted; safe beside other instances on PostgreSQL",
    )
    .option("--db <url>", "sqlite:PATH or postgres://… (env GUATU_DB)")
    .option("--interval <seconds>", "pause between rounds", "5")
    .action(async (opts: { db?: string; interval: string }) => {
      const seconds = Number(opts.interval);
      if (!Number.isFinite(seconds) || seconds < 0.1 || seconds > 3600)
        throw new AppError("VALIDATION", `--interval ${opts.interval}: seconds between 0.1 and 3600`);
      const config = loadConfig(process.env, { db: opts.db });
      const database = openDatabase(config.db);
      try {
        const { error } = await migrateToLatest(database.db);
        if (error) throw new AppError("VALIDATION", `cannot migrate ${config.db.url}: ${String(error)}`);
        const log = pino({ level: config.logLevel });
        const worker = startBackgroundWorker(database, config.delivery, log, {
          intervalMs: seconds * 1000,
          beforeDeliver: reminderTick(database),
        });
        // Listening before the line is printed: until then the OS's default for SIGTERM kills at once.
        const stopped = new Promise<void>((resolve) => {
          process.once("SIGINT", resolve);
          process.once("SIGTERM", resolve);
        });
        process.stdout.write(
          `Guatu worker is recording the day's 催办 and delivering notifications (database ${config.db.kind}); Ctrl-C stops it\n`,
        );
        await stopped;
        await worker.stop();
        process.stdout.write("Guatu worker stopped\n");
      } finally {
        await database.close();
      }
    });
}
