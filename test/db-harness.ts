import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import pg from "pg";
import { type DatabaseHandle, openDatabase } from "../src/db/connection.js";
import { migrateToLatest } from "../src/db/migrate.js";

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

/** An empty database of the given dialect, optionally migrated to the latest schema. */
export async function createTestDatabase(
  kind: "sqlite" | "postgres",
  options: { migrate?: boolean } = {},
): Promise<TestDatabase> {
  const name = `guatu_test_${randomBytes(6).toString("hex")}`;
  let testDb: TestDatabase;
  if (kind === "sqlite") {
    const path = join(tmpdir(), `${name}.db`);
    const url = `sqlite:${path}`;
    const database = openDatabase({ kind, url, path });
    testDb = {
      database,
      url,
      drop: async () => {
        await database.close();
        for (const suffix of ["", "-wal", "-shm"]) rmSync(`${path}${suffix}`, { force: true });
      },
    };
  } else {
    const admin = process.env.GUATU_TEST_PG;
    if (!admin) throw new Error("GUATU_TEST_PG is not set");
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    await client.query(`CREATE DATABASE ${name}`);
    await client.end();
    const url = adminUrlWithDb(admin, name);
    const database = openDatabase({ kind, url });
    testDb = {
      database,
      url,
      drop: async () => {
        await database.close();
        const c = new pg.Client({ connectionString: admin });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.end();
      },
    };
  }
  if (options.migrate !== false) {
    const { error } = await migrateToLatest(testDb.database.db);
    if (error) throw error;
  }
  return testDb;
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
