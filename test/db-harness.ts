import { randomBytes } from "node:crypto";
import { copyFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import pg from "pg";
import { inject } from "vitest";
import { type DatabaseHandle, openDatabase } from "../src/db/connection.js";
import { migrateToLatest } from "../src/db/migrate.js";
import { serviceContext } from "../src/domain/context.js";
import { loadDemo } from "../src/domain/demo/demo.service.js";
import { buildDemoDataset } from "../src/domain/demo/demo-data.js";

/**
 * Test databases for every dialect: SQLite always (a temporary WAL file), PostgreSQL when
 * GUATU_TEST_PG names a server URL (e.g. postgres://root@127.0.0.1/postgres) — a fresh database
 * per call, dropped afterwards. CI sets GUATU_TEST_PG, so PostgreSQL is never skipped there.
 */
export const dialects: readonly ("sqlite" | "postgres")[] = process.env.GUATU_TEST_PG
  ? ["sqlite", "postgres"]
  : ["sqlite"];

export interface TestDatabase {
  readonly database: DatabaseHandle;
  readonly url: string;
  /** Closes and deletes the database. */
  drop(): Promise<void>;
}

function adminUrlWithDb(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

declare module "vitest" {
  export interface ProvidedContext {
    /** The demo district per dialect (test/global-setup.ts): a SQLite file to copy; a PostgreSQL database to use as a template. */
    demoTemplates: { readonly sqlite: string; readonly postgres?: string };
  }
}

/** The instant the tests load the demo at: its status date, 2022-08-15, 09:00 in Beijing. */
export const DEMO_CLOCK = "2022-08-15T01:00:00.000Z";

/** Loads the demo district into `database` as every test does: at {@link DEMO_CLOCK}. */
export async function loadTestDemo(database: DatabaseHandle): Promise<void> {
  await loadDemo(
    serviceContext(database, "demo", () => DEMO_CLOCK),
    buildDemoDataset(),
  );
}

/** The run's copy of the demo for `kind` (test/global-setup.ts), where that setup ran. */
function demoTemplate(kind: "sqlite" | "postgres"): string | undefined {
  return inject("demoTemplates")?.[kind];
}

/**
 * A database of the given dialect: empty, optionally migrated to the latest schema, or with the
 * demo district loaded at {@link DEMO_CLOCK} (copied from the run's template where there is one).
 */
export async function createTestDatabase(
  kind: "sqlite" | "postgres",
  options: { migrate?: boolean; demo?: boolean } = {},
): Promise<TestDatabase> {
  const name = `guatu_test_${randomBytes(6).toString("hex")}`;
  const template = options.demo ? demoTemplate(kind) : undefined;
  let testDb: TestDatabase;
  if (kind === "sqlite") {
    const path = join(tmpdir(), `${name}.db`);
    const url = `sqlite:${path}`;
    if (template) copyFileSync(template, path);
    const database = openDatabase({ kind, url, path });
    testDb = {
      database,
      url,
      drop: async () => {
        await closeOnce(database);
        for (const suffix of ["", "-wal", "-shm"]) rmSync(`${path}${suffix}`, { force: true });
      },
    };
  } else {
    const admin = process.env.GUATU_TEST_PG;
    if (!admin) throw new Error("GUATU_TEST_PG is not set");
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    await client.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ""}`);
    await client.end();
    const url = adminUrlWithDb(admin, name);
    const database = openDatabase({ kind, url });
    testDb = {
      database,
      url,
      drop: async () => {
        await closeOnce(database);
        const c = new pg.Client({ connectionString: admin });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.end();
      },
    };
  }
  if (options.migrate !== false || options.demo) {
    const { error } = await migrateToLatest(testDb.database.db);
    if (error) throw error;
  }
  if (options.demo && !template) await loadTestDemo(testDb.database);
  return testDb;
}

const closed = new WeakSet<DatabaseHandle>();

/** Closes a handle unless it was closed already (a template is closed before it is dropped). */
export async function closeOnce(database: DatabaseHandle): Promise<void> {
  if (closed.has(database)) return;
  closed.add(database);
  await database.close();
}

/** Every table's rows, ordered, as one JSON string: equal snapshots mean an unchanged database. */
export async function snapshot(database: DatabaseHandle): Promise<string> {
  const tables = [
    "org_units",
    "persons",
    "users",
    "goals",
    "task_forces",
    "task_force_goals",
    "task_force_co_units",
    "task_force_members",
    "tasks",
    "task_co_units",
    "dependencies",
    "indicators",
    "indicator_readings",
    "progress_reports",
    "supervision_items",
    "audit_entries",
    "settings",
    "sessions",
    "api_tokens",
    "auth_failures",
    "revisions",
    "assessments",
    "comments",
    "attachments",
  ];
  const out: Record<string, unknown[]> = {};
  for (const t of tables) {
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(t)}`.execute(database.db);
    // Last-use stamps are bookkeeping of reads, not data a request changed.
    out[t] = rows.map(({ lastUsedAt: _u, lastSeenAt: _s, ...rest }) => rest);
  }
  for (const rows of Object.values(out))
    rows.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  return JSON.stringify(out);
}

/** Rows of `table` whose columns equal `where` (camelCase names), ordered by id: for tests that look into tables by name. */
export async function rowsWhere(
  database: DatabaseHandle,
  table: string,
  where: Readonly<Record<string, string | number | null>> = {},
): Promise<Record<string, unknown>[]> {
  const conditions = Object.entries(where).map(([k, v]) =>
    v === null ? sql`${sql.ref(k)} is null` : sql`${sql.ref(k)} = ${v}`,
  );
  const clause = conditions.length ? sql`where ${sql.join(conditions, sql` and `)}` : sql``;
  const { rows } = await sql<
    Record<string, unknown>
  >`select * from ${sql.table(table)} ${clause} order by id`.execute(database.db);
  return rows;
}
