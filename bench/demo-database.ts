import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterBulkLoad } from "../src/db/after-bulk-load.js";
import { openDatabase } from "../src/db/connection.js";
import { migrateToLatest } from "../src/db/migrate.js";
import { serviceContext } from "../src/domain/context.js";
import { loadDemo } from "../src/domain/demo/demo.service.js";
import type { DemoDataset } from "../src/domain/demo/demo-dataset.js";

/** A fresh, empty database for a benchmark: a temporary SQLite file, or a new database on the PostgreSQL server `pgAdmin`; `drop()` deletes it. */
export async function freshDatabase(
  kind: "sqlite" | "postgres",
  name: string,
  pgAdmin: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  if (kind === "sqlite") {
    const path = join(tmpdir(), `${name}.db`);
    const drop = async () => {
      for (const s of ["", "-wal", "-shm"]) rmSync(`${path}${s}`, { force: true });
    };
    await drop();
    return { url: `sqlite:${path}`, drop };
  }
  const admin = new pg.Client({ connectionString: pgAdmin });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name}`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(pgAdmin);
  u.pathname = `/${name}`;
  const drop = async () => {
    const c = new pg.Client({ connectionString: pgAdmin });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.end();
  };
  return { url: u.toString(), drop };
}

/**
 * A fresh database for a benchmark (see {@link freshDatabase}), migrated and loaded with `dataset` as
 * `guatu demo` loads it; `drop()` deletes it.
 */
export async function prepareDemoDatabase(
  kind: "sqlite" | "postgres",
  options: { readonly name: string; readonly pgAdmin: string; readonly dataset: DemoDataset },
): Promise<{ url: string; drop: () => Promise<void> }> {
  const { url, drop } = await freshDatabase(kind, options.name, options.pgAdmin);
  const database = openDatabase(kind === "sqlite" ? { kind, url, path: url.slice(7) } : { kind, url });
  await migrateToLatest(database.db);
  await loadDemo(
    serviceContext(database, "demo", () => "2022-08-15T01:00:00.000Z"),
    options.dataset,
  );
  // As `guatu demo` does: the bench measures the steady state, after autovacuum's work.
  await afterBulkLoad(database);
  await database.close();
  return { url, drop };
}
