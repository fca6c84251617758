import { existsSync, mkdirSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
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
import { AppError } from "../shared/errors.js";
import { LongInListsPlugin } from "./long-in-lists.js";
import { NamingClient } from "./named-statements.js";

export type { Database, Db };

/**
 * Connections to the database now, for the metrics: PostgreSQL's pool (at most `max` open, `idle`
 * of them unused, `waiting` queries queued for one); SQLite's one connection, whose queue Kysely
 * keeps out of sight (so no `idle` or `waiting`).
 */
export interface ConnectionCounts {
  readonly max: number;
  readonly open: number;
  readonly idle?: number;
  readonly waiting?: number;
}

/** An open database: the typed Kysely handle plus what the code needs to know about its dialect. */
export interface DatabaseHandle {
  readonly db: Db;
  readonly dialect: "sqlite" | "postgres";
  close(): Promise<void>;
  /** Its connections now (absent on a handle made by hand, e.g. a test's wrapper). */
  readonly connections?: () => ConnectionCounts;
}

/** Connections of a PostgreSQL pool at most. */
const POOL_MAX = 10;

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

/**
 * Makes the folder of a SQLite file, one level at a time from its nearest existing ancestor, which
 * must be a folder outside the kernel's pseudo file systems: `mkdir -p` under /proc never returns.
 */
function makeFolderOf(url: string, path: string): void {
  const dir = dirname(path);
  const missing: string[] = [];
  let at = dir;
  while (!existsSync(at) && dirname(at) !== at) {
    missing.unshift(at);
    at = dirname(at);
  }
  const refuse = (why: string) => new AppError("VALIDATION", `--db ${url}: ${why}`);
  if (!statSync(at).isDirectory()) throw refuse(`${at} is a file, not a folder`);
  if (/^\/(proc|sys|dev)(\/|$)/.test(resolve(at))) throw refuse(`${at} cannot hold a database file`);
  for (const d of missing) {
    try {
      mkdirSync(d);
    } catch (e) {
      throw refuse(`cannot make the folder ${d} (${(e as NodeJS.ErrnoException).code ?? "error"})`);
    }
  }
}

/** Opens a SQLite file with our pragmas; a file that is not a database is a clear refusal. */
function openSqlite(url: string, path: string): SQLite.Database {
  if (path !== ":memory:") makeFolderOf(url, path);
  try {
    const sqlite = new SQLite(path);
    sqlite.pragma("journal_mode = WAL");
    sqlite.pragma("foreign_keys = ON");
    sqlite.pragma("busy_timeout = 5000");
    sqlite.pragma("synchronous = NORMAL");
    return sqlite;
  } catch (e) {
    throw new AppError(
      "VALIDATION",
      `--db ${url}: cannot open it as a SQLite database (${(e as Error).message})`,
    );
  }
}

/** Opens SQLite (WAL, foreign keys on) or a PostgreSQL pool, with camelCase ↔ snake_case mapping. */
export function openDatabase(config: DbConfig): DatabaseHandle {
  if (config.kind === "sqlite") {
    const sqlite = openSqlite(config.url, config.path);
    const db = new Kysely<Database>({
      dialect: new ImmediateSqliteDialect({ database: withStatementCache(sqlite) }),
      plugins: [new CamelCasePlugin(), new LongInListsPlugin("sqlite")],
    });
    return {
      db,
      dialect: "sqlite",
      close: () => db.destroy(),
      connections: () => ({ max: 1, open: sqlite.open ? 1 : 0 }),
    };
  }
  const pool = new pg.Pool({ connectionString: config.url, max: POOL_MAX, Client: NamingClient });
  // An idle pooled connection can be closed by the server (restart, failover, DROP DATABASE):
  // the pool discards it and opens a new one on demand; unhandled, the event would crash Node.
  pool.on("error", () => {});
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    plugins: [new CamelCasePlugin(), new LongInListsPlugin("postgres")],
  });
  return {
    db,
    dialect: "postgres",
    close: () => db.destroy(),
    connections: () => ({
      max: POOL_MAX,
      open: pool.totalCount,
      idle: pool.idleCount,
      waiting: pool.waitingCount,
    }),
  };
}
