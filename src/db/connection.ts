import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import SQLite from "better-sqlite3";
import {
  CamelCasePlugin,
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  Kysely,
  PostgresDialect,
  SqliteDialect,
  SqliteDriver,
} from "kysely";
import pg from "pg";
import type { DbConfig } from "../config/load-config.js";
import type { Database, Db } from "../domain/database.js";

export type { Database, Db };

/** An open database: the typed Kysely handle plus what the code needs to know about its dialect. */
export interface DatabaseHandle {
  readonly db: Db;
  readonly dialect: "sqlite" | "postgres";
  close(): Promise<void>;
}

// PostgreSQL returns COUNT(*) and BIGINT as strings; our counts fit in a double.
pg.types.setTypeParser(20, (v) => Number(v));
// NUMERIC too (used by aggregates such as SUM over integers).
pg.types.setTypeParser(1700, (v) => Number(v));

/**
 * better-sqlite3 compiles a statement on every `prepare`; Kysely prepares per query. Reusing
 * compiled statements by SQL text removes that cost (Kysely's connection mutex ensures one
 * statement is never used by two queries at once). The cache is bounded.
 */
function withStatementCache(sqlite: SQLite.Database) {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare: (sql: string) => {
      let stmt = cache.get(sql);
      if (!stmt) {
        if (cache.size >= 1000) cache.clear();
        stmt = sqlite.prepare(sql);
        cache.set(sql, stmt);
      }
      return stmt;
    },
  };
}

/**
 * SQLite transactions that take the write lock at `BEGIN`: a deferred transaction that reads and
 * then writes can fail at once with SQLITE_BUSY when another process (a second app instance, the
 * CLI) writes meanwhile, since waiting could deadlock; an immediate one waits its turn instead.
 */
class ImmediateSqliteDialect extends SqliteDialect {
  override createDriver(): Driver {
    const driver = super.createDriver();
    if (!(driver instanceof SqliteDriver)) return driver;
    driver.beginTransaction = async (connection: DatabaseConnection) => {
      await connection.executeQuery(CompiledQuery.raw("begin immediate"));
    };
    return driver;
  }
}

/** Opens SQLite (WAL, foreign keys on) or a PostgreSQL pool, with camelCase ↔ snake_case mapping. */
export function openDatabase(config: DbConfig): DatabaseHandle {
  if (config.kind === "sqlite") {
    if (config.path !== ":memory:") mkdirSync(dirname(config.path), { recursive: true });
    const sqlite = new SQLite(config.path);
    sqlite.pragma("journal_mode = WAL");
    sqlite.pragma("foreign_keys = ON");
    sqlite.pragma("busy_timeout = 5000");
    sqlite.pragma("synchronous = NORMAL");
    const db = new Kysely<Database>({
      dialect: new ImmediateSqliteDialect({ database: withStatementCache(sqlite) }),
      plugins: [new CamelCasePlugin()],
    });
    return { db, dialect: "sqlite", close: () => db.destroy() };
  }
  const pool = new pg.Pool({ connectionString: config.url, max: 10 });
  // An idle pooled connection can be closed by the server (restart, failover, DROP DATABASE):
  // the pool discards it and opens a new one on demand; unhandled, the event would crash Node.
  pool.on("error", () => {});
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    plugins: [new CamelCasePlugin()],
  });
  return { db, dialect: "postgres", close: () => db.destroy() };
}
