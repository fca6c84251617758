import type { Config } from "../config/load-config.js";
import { openDatabase } from "../db/connection.js";
import { migrateToLatest } from "../db/migrate.js";
import { acquireServeLock } from "../db/serve-lock.js";
import { reminderTick } from "../domain/chasing/tick.js";
import { closedLoopData } from "../domain/closed-loop/closed-loop.snapshot.js";
import { serviceContext } from "../domain/context.js";
import { startBackgroundWorker } from "../domain/delivery/worker.js";
import { AppError } from "../shared/errors.js";
import { VERSION } from "../version.js";
import { buildApp } from "./app.js";
import { type WarmUpReport, warmUp } from "./warm-up.js";

/** How the server runs besides the app. */
export interface ServerOptions {
  /** Run the background worker (outbox delivery) in this process; true by default. */
  readonly worker?: boolean;
}

export interface RunningServer {
  readonly url: string;
  /** Settles when the first pages are rendered ahead (src/http/warm-up.ts); never rejects. */
  readonly warmed: Promise<WarmUpReport>;
  readonly close: () => Promise<void>;
}

/**
 * Opens the database, migrates it to the latest schema and listens, with the background worker
 * in-process unless turned off; resolves with the address.
 */
export async function startServer(config: Config, options: ServerOptions = {}): Promise<RunningServer> {
  // One server per SQLite file (src/db/serve-lock.ts); PostgreSQL takes several.
  const release =
    config.db.kind === "sqlite" && config.db.path !== ":memory:"
      ? acquireServeLock(config.db.url, config.db.path)
      : () => {};
  // Any exit but SIGKILL leaves the file free, even when closing failed half-way.
  process.once("exit", release);
  try {
    return await serve(config, options, release);
  } catch (e) {
    release();
    throw e;
  }
}

async function serve(config: Config, options: ServerOptions, release: () => void): Promise<RunningServer> {
  const database = openDatabase(config.db);
  const migration = await migrateToLatest(database.db);
  if (migration.error) {
    await database.close();
    throw new AppError("VALIDATION", `cannot migrate ${config.db.url}: ${String(migration.error)}`);
  }
  const app = await buildApp({
    database,
    version: VERSION,
    trustProxy: config.trustProxy,
    metricsToken: config.metricsToken,
    accessSummaryMs: config.accessSummary ? 60_000 : undefined,
    checkResponses: false,
    logger: {
      level: config.logLevel,
      redact: ["req.headers.authorization", "req.headers.cookie", "req.body.password"],
    },
  });
  let url: string;
  try {
    url = await app.listen({ host: config.host, port: config.port });
  } catch (e) {
    await app.close();
    await database.close();
    throw e;
  }
  // Read the closed-loop records into memory and render the first pages now, not when the first
  // user opens them (seconds at a province's size). A failure only means the first reader does it.
  const warmed = warmUp(app, database, () => closedLoopData(serviceContext(database, "system"), null)).then(
    (report) => {
      app.log.info(report, "read models rendered ahead");
      for (const f of report.failed) app.log.warn(f, "read model not rendered ahead");
      return report;
    },
  );
  const worker =
    options.worker === false
      ? null
      : startBackgroundWorker(database, config.delivery, app.log, { beforeDeliver: reminderTick(database) });
  const close = async () => {
    try {
      await worker?.stop();
      await app.close();
      await database.close();
    } finally {
      release();
    }
  };
  return { url, close, warmed };
}
