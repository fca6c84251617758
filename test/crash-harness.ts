/**
 * Helpers of the kill -9 tests (src/db/crash.test.ts): a base database holding the demo district and
 * working copies of it, real `guatu` processes to kill, a probe that sees a write transaction open,
 * the soundness checks a database must pass after a kill, and a fingerprint of every table's rows.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { copyFileSync, existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import SQLite from "better-sqlite3";
import { sql } from "kysely";
import pg from "pg";
import { parseDbUrl } from "../src/config/load-config.js";
import { type DatabaseHandle, openDatabase } from "../src/db/connection.js";
import { migrateToLatest } from "../src/db/migrate.js";
import { serviceContext } from "../src/domain/context.js";
import { loadDemo } from "../src/domain/demo/demo.service.js";
import { buildDemoDataset } from "../src/domain/demo/demo-data.js";
import { guatuEntry } from "./cli-run.js";

/** A running `guatu` process (from source, log level warn) and its output so far. */
export interface GuatuProcess {
  readonly child: ChildProcess;
  readonly out: { stdout: string; stderr: string };
  /** performance.now() when it was spawned. */
  readonly startedAt: number;
  /** Resolves once it has exited, with its code or the signal that ended it. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
}

export function startGuatu(args: readonly string[]): GuatuProcess {
  const cli = guatuEntry();
  const child = spawn(process.execPath, [cli.entry, ...args], {
    env: { ...process.env, ...cli.env, GUATU_LOG_LEVEL: "warn" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const out = { stdout: "", stderr: "" };
  child.stdout!.on("data", (c: Buffer) => {
    out.stdout += c.toString();
  });
  child.stderr!.on("data", (c: Buffer) => {
    out.stderr += c.toString();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal, at: performance.now() })),
  );
  return { child, out, startedAt: performance.now(), exited };
}

/** SIGKILL, unless it has exited already; resolves once it is gone. */
export function killHard(p: GuatuProcess) {
  if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill("SIGKILL");
  return p.exited;
}

/** Whether some connection holds a write transaction open on a working copy right now. */
export interface WriteProbe {
  writing(): Promise<boolean>;
  close(): Promise<void>;
}

/** A copy of the base database that processes are started on, killed on, and checked. */
export interface WorkDatabase {
  readonly kind: "sqlite" | "postgres";
  readonly url: string;
  /** Makes it the base again (SQLite: the file copied; PostgreSQL: CREATE DATABASE … TEMPLATE). */
  reset(): Promise<void>;
  /** Opens it as the app does: connection pragmas, then migrated to the latest schema. */
  open(): Promise<DatabaseHandle>;
  probe(): Promise<WriteProbe>;
  /** Bytes in the SQLite write-ahead log now (0 on PostgreSQL): a kill leaves a log to recover. */
  walBytes(): number;
  /** Waits until no session but ours uses it: a killed client's PostgreSQL backends end first. */
  settle(): Promise<void>;
  drop(): Promise<void>;
}

/** The demo district as `guatu demo` loads it, kept unchanged as the source of working copies. */
export interface CrashBase {
  readonly kind: "sqlite" | "postgres";
  /** A working copy named `name`, holding the base. */
  copy(name: string): Promise<WorkDatabase>;
  /** The base opened (for reading: exporting its ledger). */
  open(): DatabaseHandle;
  drop(): Promise<void>;
}

async function loadDemoInto(database: DatabaseHandle): Promise<void> {
  const { error } = await migrateToLatest(database.db);
  if (error) throw error;
  const data = buildDemoDataset();
  await loadDemo(
    serviceContext(database, "demo", () => `${data.statusDate}T01:00:00.000Z`),
    data,
  );
}

async function openMigrated(url: string): Promise<DatabaseHandle> {
  const database = openDatabase(parseDbUrl(url));
  const { error } = await migrateToLatest(database.db);
  if (error) {
    await database.close();
    throw error;
  }
  return database;
}

/** A base database of `kind` with the demo district (PostgreSQL: on the server GUATU_TEST_PG names). */
export async function demoBase(kind: "sqlite" | "postgres"): Promise<CrashBase> {
  return kind === "sqlite" ? sqliteBase() : postgresBase();
}

async function sqliteBase(): Promise<CrashBase> {
  const dir = mkdtempSync(join(tmpdir(), "guatu-crash-"));
  const basePath = join(dir, "base.db");
  const base = openDatabase({ kind: "sqlite", url: `sqlite:${basePath}`, path: basePath });
  await loadDemoInto(base);
  // One file to copy: the WAL folded in.
  await sql`pragma wal_checkpoint(TRUNCATE)`.execute(base.db);
  await base.close();
  return {
    kind: "sqlite",
    open: () => openDatabase({ kind: "sqlite", url: `sqlite:${basePath}`, path: basePath }),
    copy: async (name) => {
      const path = join(dir, `${name}.db`);
      const url = `sqlite:${path}`;
      const work: WorkDatabase = {
        kind: "sqlite",
        url,
        reset: async () => {
          for (const s of ["-wal", "-shm", ".serve-lock"]) rmSync(`${path}${s}`, { force: true });
          copyFileSync(basePath, path);
        },
        open: () => openMigrated(url),
        probe: async () => {
          const probe = new SQLite(path);
          probe.pragma("busy_timeout = 0");
          return {
            // The write lock is taken by BEGIN IMMEDIATE: busy means another connection holds it.
            writing: async () => {
              try {
                probe.exec("begin immediate");
                probe.exec("rollback");
                return false;
              } catch (e) {
                if (String((e as { code?: unknown }).code).startsWith("SQLITE_BUSY")) return true;
                throw e;
              }
            },
            close: async () => {
              probe.close();
            },
          };
        },
        walBytes: () => (existsSync(`${path}-wal`) ? statSync(`${path}-wal`).size : 0),
        settle: async () => {},
        drop: async () => {},
      };
      await work.reset();
      return work;
    },
    drop: async () => {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function urlOf(admin: string, name: string): string {
  const u = new URL(admin);
  u.pathname = `/${name}`;
  return u.toString();
}

async function postgresBase(): Promise<CrashBase> {
  const adminUrl = process.env.GUATU_TEST_PG;
  if (!adminUrl) throw new Error("GUATU_TEST_PG is not set");
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const baseName = `guatu_crash_${randomBytes(5).toString("hex")}`;
  const names = [baseName];
  await admin.query(`CREATE DATABASE ${baseName}`);
  const base = openDatabase({ kind: "postgres", url: urlOf(adminUrl, baseName) });
  try {
    await loadDemoInto(base);
    // amcheck, where the server has it, verifies heap pages and B-tree indexes after each kill.
    const available = await sql<{ n: number }>`
      select count(*)::int as n from pg_available_extensions where name = 'amcheck'`.execute(base.db);
    if (available.rows[0]?.n) await sql`create extension if not exists amcheck`.execute(base.db);
  } catch (e) {
    await base.close();
    await admin.query(`DROP DATABASE IF EXISTS ${baseName} WITH (FORCE)`);
    await admin.end();
    throw e;
  }
  await base.close();
  const sessionsOf = async (name: string) =>
    (
      await admin.query<{ n: number }>(
        "select count(*)::int as n from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()",
        [name],
      )
    ).rows[0]!.n;
  return {
    kind: "postgres",
    open: () => openDatabase({ kind: "postgres", url: urlOf(adminUrl, baseName) }),
    copy: async (suffix) => {
      const name = `${baseName}_${suffix}`;
      names.push(name);
      const url = urlOf(adminUrl, name);
      const work: WorkDatabase = {
        kind: "postgres",
        url,
        reset: async () => {
          await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
          await admin.query(`CREATE DATABASE ${name} TEMPLATE ${baseName}`);
        },
        open: () => openMigrated(url),
        probe: async () => ({
          // A backend has a transaction id once its transaction wrote something.
          writing: async () =>
            (
              await admin.query<{ n: number }>(
                "select count(*)::int as n from pg_stat_activity where datname = $1 and backend_xid is not null",
                [name],
              )
            ).rows[0]!.n > 0,
          close: async () => {},
        }),
        walBytes: () => 0,
        settle: async () => {
          const until = performance.now() + 30_000;
          while ((await sessionsOf(name)) > 0) {
            if (performance.now() > until) throw new Error(`sessions on ${name} did not end`);
            await sleep(20);
          }
        },
        drop: async () => {
          await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        },
      };
      await work.reset();
      return work;
    },
    drop: async () => {
      for (const n of names.reverse()) await admin.query(`DROP DATABASE IF EXISTS ${n} WITH (FORCE)`);
      await admin.end();
    },
  };
}

/**
 * What is wrong with a database after a kill, as lines (none: sound). SQLite: `integrity_check`,
 * `foreign_key_check` and the search index's FTS5 integrity check. PostgreSQL: every foreign key
 * holds (queried, as a kill cannot switch the server's own checks off), and with amcheck every
 * table's heap and every B-tree index verified.
 */
export async function soundnessProblems(database: DatabaseHandle): Promise<string[]> {
  const db = database.db;
  const problems: string[] = [];
  if (database.dialect === "sqlite") {
    const integrity = await sql<Record<string, string>>`pragma integrity_check`.execute(db);
    const lines = integrity.rows.map((r) => String(Object.values(r)[0]));
    if (lines.join() !== "ok") problems.push(...lines.map((l) => `integrity_check: ${l}`));
    const fk = await sql<Record<string, unknown>>`pragma foreign_key_check`.execute(db);
    problems.push(...fk.rows.map((r) => `foreign_key_check: ${JSON.stringify(r)}`));
    const fts = await sql<{ n: number }>`
      select count(*) as n from sqlite_master where name = 'search_fts'`.execute(db);
    if (fts.rows[0]?.n)
      try {
        await sql`insert into search_fts(search_fts) values ('integrity-check')`.execute(db);
      } catch (e) {
        problems.push(`search_fts integrity-check: ${(e as Error).message}`);
      }
    return problems;
  }
  const fks = await sql<{ name: string; child: string; parent: string; cols: string[]; refs: string[] }>`
    select c.conname as name, cr.relname as child, pr.relname as parent,
      array(select a.attname::text from unnest(c.conkey) with ordinality k(n, i)
        join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.n order by k.i) as cols,
      array(select a.attname::text from unnest(c.confkey) with ordinality k(n, i)
        join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.n order by k.i) as refs
    from pg_constraint c
    join pg_class cr on cr.oid = c.conrelid
    join pg_class pr on pr.oid = c.confrelid
    join pg_namespace ns on ns.oid = c.connamespace
    where c.contype = 'f' and ns.nspname = 'public'`.execute(db);
  for (const fk of fks.rows) {
    const notNull = sql.join(
      fk.cols.map((c) => sql`x.${sql.id(c)} is not null`),
      sql` and `,
    );
    const match = sql.join(
      fk.cols.map((c, i) => sql`p.${sql.id(fk.refs[i]!)} = x.${sql.id(c)}`),
      sql` and `,
    );
    const orphans = await sql<{ n: number }>`
      select count(*)::int as n from ${sql.table(fk.child)} x where ${notNull}
      and not exists (select 1 from ${sql.table(fk.parent)} p where ${match})`.execute(db);
    if (orphans.rows[0]!.n) problems.push(`${fk.name}: ${orphans.rows[0]!.n} rows without their parent`);
  }
  const amcheck = await sql<{ n: number }>`
    select count(*)::int as n from pg_extension where extname = 'amcheck'`.execute(db);
  if (!amcheck.rows[0]?.n) return problems;
  const tables = await sql<{ name: string }>`
    select tablename as name from pg_tables where schemaname = 'public'`.execute(db);
  for (const { name } of tables.rows) {
    const bad = await sql<Record<string, unknown>>`
      select * from verify_heapam(${`public.${name}`}::regclass)`.execute(db);
    problems.push(...bad.rows.map((r) => `verify_heapam ${name}: ${JSON.stringify(r)}`));
  }
  const indexes = await sql<{ name: string }>`
    select ic.relname as name from pg_index i
    join pg_class ic on ic.oid = i.indexrelid
    join pg_am am on am.oid = ic.relam
    join pg_namespace ns on ns.oid = ic.relnamespace
    where am.amname = 'btree' and ns.nspname = 'public'`.execute(db);
  for (const { name } of indexes.rows)
    try {
      await sql`select bt_index_check(${`public.${name}`}::regclass, true)`.execute(db);
    } catch (e) {
      problems.push(`bt_index_check ${name}: ${(e as Error).message}`);
    }
  return problems;
}

/** Every table of the schema but the search index's FTS5 tables (a cache, rebuilt from the data). */
async function tableNames(database: DatabaseHandle): Promise<string[]> {
  const rows =
    database.dialect === "sqlite"
      ? await sql<{ name: string }>`
          select name from sqlite_master where type = 'table'
          and name not like 'sqlite%' and name not like 'search_fts%'`.execute(database.db)
      : await sql<{ name: string }>`
          select tablename as name from pg_tables where schemaname = 'public'`.execute(database.db);
  return rows.rows.map((r) => r.name).sort();
}

/** Every row of every table, each as JSON with its columns in order. */
export async function everyRow(database: DatabaseHandle): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (const t of await tableNames(database)) {
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(t)}`.execute(database.db);
    out.set(
      t,
      rows.map((r) =>
        JSON.stringify(Object.fromEntries(Object.entries(r).sort(([a], [b]) => a.localeCompare(b)))),
      ),
    );
  }
  return out;
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const STAMP = /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z/g;

/** Every id in the rows: ids not among them are made by a later write. */
export function idsIn(rows: Map<string, string[]>): Set<string> {
  const ids = new Set<string>();
  for (const list of rows.values()) for (const r of list) for (const m of r.matchAll(UUID)) ids.add(m[0]);
  return ids;
}

/**
 * A hash of every table's rows, each table's rows as a set. Two runs of one import make different
 * ids and stamp different instants, so ids not in `known` read NEW and instants from `since` on
 * read NOW: the rest must be equal for the two states to be the same state.
 */
export function fingerprint(
  rows: Map<string, string[]>,
  known: ReadonlySet<string>,
  since: string,
): { readonly all: string; readonly tables: ReadonlyMap<string, string> } {
  const tables = new Map<string, string>();
  const all = createHash("sha256");
  for (const [t, list] of rows) {
    const normal = list
      .map((r) =>
        r.replace(UUID, (u) => (known.has(u) ? u : "NEW")).replace(STAMP, (s) => (s >= since ? "NOW" : s)),
      )
      .sort();
    const h = createHash("sha256");
    for (const r of normal) h.update(r).update("\n");
    const digest = `${normal.length}:${h.digest("hex")}`;
    tables.set(t, digest);
    all.update(`${t} ${digest}\n`);
  }
  return { all: all.digest("hex"), tables };
}

/** The tables whose fingerprints differ between two states. */
export function differingTables(
  a: { readonly tables: ReadonlyMap<string, string> },
  b: { readonly tables: ReadonlyMap<string, string> },
): string[] {
  const names = new Set([...a.tables.keys(), ...b.tables.keys()]);
  return [...names].filter((t) => a.tables.get(t) !== b.tables.get(t)).sort();
}

/** Resolves after `ms`, or as soon as the process exits. */
export async function waitOrExit(p: GuatuProcess, ms: number): Promise<void> {
  await Promise.race([sleep(ms), p.exited]);
}

/**
 * Polls the probe until a write transaction is open (true) or the process exits first (false).
 * Polls every 2 ms: a SQLite import's transaction lasts a few hundred milliseconds.
 */
export async function untilWriting(p: GuatuProcess, probe: WriteProbe): Promise<boolean> {
  let gone = false;
  void p.exited.then(() => {
    gone = true;
  });
  while (!gone) {
    if (await probe.writing()) return true;
    await sleep(2);
  }
  return false;
}

/** The first and last instant (ms after the start) the probe saw a write transaction open, until exit. */
export async function watchWrites(
  p: GuatuProcess,
  probe: WriteProbe,
): Promise<{ first: number | null; last: number | null }> {
  let gone = false;
  void p.exited.then(() => {
    gone = true;
  });
  let first: number | null = null;
  let last: number | null = null;
  while (!gone) {
    if (await probe.writing()) {
      const at = performance.now() - p.startedAt;
      first ??= at;
      last = at;
    }
    await sleep(2);
  }
  return { first, last };
}
