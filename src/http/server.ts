import type { Config } from "../config/load-config.js";
import { openDatabase } from "../db/connection.js";
import { migrateToLatest } from "../db/migrate.js";
import { closedLoopData } from "../domain/closed-loop/closed-loop.snapshot.js";
import { serviceContext } from "../domain/context.js";
import { AppError } from "../shared/errors.js";
import { VERSION } from "../version.js";
import { buildApp } from "./app.js";

/** Opens the database, migrates it to the latest schema and listens; resolves with the address. */
export async function startServer(config: Config): Promise<{ url: string; close: () => Promise<void> }> {
  const database = openDatabase(config.db);
  const migration = await migrateToLatest(database.db);
  if (migration.error) {
    await database.close();
    throw new AppError("VALIDATION", `cannot migrate ${config.db.url}: ${String(migration.error)}`);
  }
  const app = await buildApp({
    database,
    version: VERSION,
    logger: {
      level: config.logLevel,
      redact: ["req.headers.authorization", "req.headers.cookie", "req.body.password"],
    },
  });
  const url = await app.listen({ host: config.host, port: config.port });
  // Read the closed-loop records into memory now, not when the first user opens the overview
  // (about a second at a province's size). A failure here only means the first reader loads them.
  closedLoopData(serviceContext(database, "system"), null).catch((e: Error) =>
    app.log.warn({ err: e.message }, "closed-loop records not preloaded"),
  );
  const close = async () => {
    await app.close();
    await database.close();
  };
  return { url, close };
}
