import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import SQLite from "better-sqlite3";
import { CamelCasePlugin, Kysely, PostgresDialect, SqliteDialect } from "kysely";
import pg from "pg";
import type { DbConfig } from "../config/load-config.js";

/**
 * The database handle shared by every repository. Tables are typed loosely on purpose: the
 * generic resource repository addresses tables by name; feature code narrows row shapes itself.
 */
// biome-ignore lint/suspicious/noExplicitAny: tables are addressed by name (see above)
export type Db = Kysely<any>;

/** A connection plus what the code needs to know about its dialect. */
export interface Database {
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

/** Opens SQLite (WAL, foreign keys on) or a PostgreSQL pool, with camelCase ↔ snake_case mapping. */
export function openDatabase(config: DbConfig): Database {
  if (config.kind === "sqlite") {
    if (config.path !== ":memory:") mkdirSync(dirname(config.path), { recursive: true });
    const sqlite = new SQLite(config.path);
    sqlite.pragma("journal_mode = WAL");
    sqlite.pragma("foreign_keys = ON");
    sqlite.pragma("busy_timeout = 5000");
    sqlite.pragma("synchronous = NORMAL");
    const db = new Kysely({
      dialect: new SqliteDialect({ database: withStatementCache(sqlite) }),
      plugins: [new CamelCasePlugin()],
    });
    return { db, dialect: "sqlite", close: () => db.destroy() };
  }
  const pool = new pg.Pool({ connectionString: config.url, max: 10 });
  // An idle pooled connection can be closed by the server (restart, failover, DROP DATABASE):
  // the pool discards it and opens a new one on demand; unhandled, the event would crash Node.
  pool.on("error", () => {});
  const db = new Kysely({ dialect: new PostgresDialect({ pool }), plugins: [new CamelCasePlugin()] });
  return { db, dialect: "postgres", close: () => db.destroy() };
}
