import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { openDatabase } from "../src/db/connection.js";
import { migrateToLatest } from "../src/db/migrate.js";
import { serviceContext } from "../src/domain/context.js";
import { loadDemo } from "../src/domain/demo/demo.service.js";
import type { DemoDataset } from "../src/domain/demo/demo-dataset.js";

/**
 * A fresh database for a benchmark (a temporary SQLite file, or a new PostgreSQL database on the
 * server `pgAdmin`), migrated and loaded with `dataset` as `guatu demo` loads it; `drop()` deletes it.
 */
export async function prepareDemoDatabase(
  kind: "sqlite" | "postgres",
  options: { readonly name: string; readonly pgAdmin: string; readonly dataset: DemoDataset },
): Promise<{ url: string; drop: () => Promise<void> }> {
  const { name, pgAdmin } = options;
  let url: string;
  let drop: () => Promise<void>;
  if (kind === "sqlite") {
    const path = join(tmpdir(), `${name}.db`);
    url = `sqlite:${path}`;
    drop = async () => {
      for (const s of ["", "-wal", "-shm"]) rmSync(`${path}${s}`, { force: true });
    };
    await drop();
  } else {
    const admin = new pg.Client({ connectionString: pgAdmin });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const u = new URL(pgAdmin);
    u.pathname = `/${name}`;
    url = u.toString();
    drop = async () => {
      const c = new pg.Client({ connectionString: pgAdmin });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
  }
  const database = openDatabase(kind === "sqlite" ? { kind, url, path: url.slice(7) } : { kind, url });
  await migrateToLatest(database.db);
  await loadDemo(
    serviceContext(database, "demo", () => "2022-08-15T01:00:00.000Z"),
    options.dataset,
  );
  await database.close();
  return { url, drop };
}
