/**
 * The portable backup archive: every table's rows as gzipped JSON lines, attachments included,
 * read from one consistent snapshot of a live database, restorable into SQLite or PostgreSQL.
 *
 * Format (one JSON value per line):
 *   {"format":"guatu-backup","formatVersion":1,"schema":<latest migration>,"source":…,"createdAt":…}
 *   {"table":"tasks","columns":[…]}      then one array per row, values in column order
 *   {"end":"tasks","rows":N,"sha256":…}  the table's row count and checksum
 *   {"end":"archive","tables":K,"rows":M}
 * Values are JSON strings, numbers and nulls; bytes (attachments) are {"b64":"…"}.
 * A table's checksum is the sum modulo 2^256 of its rows' SHA-256: independent of row order, so a
 * restore recomputes it from the target database whatever order that database returns rows in.
 */
import { createHash } from "node:crypto";
import { createReadStream, createWriteStream, openSync, renameSync, rmSync } from "node:fs";
import { createInterface } from "node:readline";
import { pipeline } from "node:stream/promises";
import { createGunzip, createGzip } from "node:zlib";
import SQLite from "better-sqlite3";
import { type Kysely, sql } from "kysely";
import { Migrator } from "kysely/migration";
import { AppError } from "../shared/errors.js";
import { afterBulkLoad } from "./after-bulk-load.js";
import type { DatabaseHandle } from "./connection.js";
import { migrateToLatest } from "./migrate.js";
import { migrations } from "./migrations/index.js";

const ARCHIVE_FORMAT = "guatu-backup";
const FORMAT_VERSION = 1;

/**
 * Tables left out: the migration bookkeeping (the header names the schema instead), sessions and
 * login throttles (a backup file must not log anyone in), and the search index, which the app
 * rebuilds from the data (`search_state.revision = -1`).
 */
const LEFT_OUT = new Set([
  "kysely_migration",
  "kysely_migration_lock",
  "sessions",
  "auth_failures",
  "search_entries",
  "search_state",
]);
/** Rows the migrations themselves write; a restore replaces them without --replace. */
const SEEDED_BY_MIGRATIONS = new Set(["revisions"]);

type Value = string | number | null | { b64: string };
// biome-ignore lint/suspicious/noExplicitAny: the archive reads and writes every table by name
type AnyDb = Kysely<any>;

interface TableInfo {
  readonly name: string;
  readonly columns: readonly string[];
  readonly key: readonly string[];
  /** Columns referring to the table itself (a task's parent): rows go parents first. */
  readonly selfRefs: readonly string[];
}

export interface ArchiveSummary {
  readonly schema: string;
  readonly source: string;
  readonly createdAt: string;
  readonly tables: {
    readonly name: string;
    readonly columns: readonly string[];
    readonly rows: number;
    readonly sha256: string;
  }[];
}

const encode = (v: unknown): Value => {
  if (v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number") return v;
  if (Buffer.isBuffer(v) || v instanceof Uint8Array) return { b64: Buffer.from(v).toString("base64") };
  if (typeof v === "bigint") return Number(v);
  if (typeof v === "boolean") return v ? 1 : 0;
  throw new AppError("INTERNAL", `backup: a value of type ${typeof v} cannot be archived`);
};
const decode = (v: Value): unknown =>
  v !== null && typeof v === "object" ? Buffer.from(v.b64, "base64") : v;

/** Order-independent checksum: the running sum of row hashes modulo 2^256. */
class TableSum {
  private sum = 0n;
  rows = 0;
  add(row: readonly Value[]): void {
    const h = createHash("sha256").update(JSON.stringify(row)).digest("hex");
    this.sum = (this.sum + BigInt(`0x${h}`)) & ((1n << 256n) - 1n);
    this.rows++;
  }
  hex(): string {
    return this.sum.toString(16).padStart(64, "0");
  }
}

/** The archivable tables in an order that inserts every referenced row before its referrers. */
async function tablesOf(database: DatabaseHandle, db: AnyDb): Promise<TableInfo[]> {
  const infos = new Map<string, TableInfo & { refs: Set<string> }>();
  if (database.dialect === "sqlite") {
    const { rows: names } = await sql<{ name: string }>`
      select name from sqlite_master where type = 'table' and name not like 'sqlite_%'
        and name not like 'search_fts%' order by name`.execute(db);
    for (const { name } of names) {
      if (LEFT_OUT.has(name)) continue;
      const { rows: cols } = await sql<{ name: string; pk: number }>`
        select name, pk from pragma_table_info(${name}) order by cid`.execute(db);
      const { rows: fks } = await sql<{ table: string; from: string }>`
        select "table", "from" from pragma_foreign_key_list(${name})`.execute(db);
      infos.set(name, {
        name,
        columns: cols.map((c) => c.name),
        key: cols
          .filter((c) => c.pk > 0)
          .sort((a, b) => a.pk - b.pk)
          .map((c) => c.name),
        selfRefs: fks.filter((f) => f.table === name).map((f) => f.from),
        refs: new Set(fks.map((f) => f.table).filter((t) => t !== name)),
      });
    }
  } else {
    const { rows: cols } = await sql<{ table: string; column: string }>`
      select table_name as "table", column_name as "column" from information_schema.columns
      where table_schema = current_schema() order by table_name, ordinal_position`.execute(db);
    const { rows: keys } = await sql<{ table: string; column: string }>`
      select tc.table_name as "table", k.column_name as "column"
      from information_schema.table_constraints tc
      join information_schema.key_column_usage k
        on k.constraint_name = tc.constraint_name and k.table_schema = tc.table_schema
      where tc.table_schema = current_schema() and tc.constraint_type = 'PRIMARY KEY'
      order by tc.table_name, k.ordinal_position`.execute(db);
    const { rows: fks } = await sql<{ table: string; column: string; target: string }>`
      select c.conrelid::regclass::text as "table", a.attname as "column", c.confrelid::regclass::text as target
      from pg_constraint c join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any(c.conkey)
      where c.contype = 'f' and c.connamespace = current_schema()::regnamespace`.execute(db);
    for (const { table, column } of cols) {
      if (LEFT_OUT.has(table)) continue;
      let info = infos.get(table);
      if (!info) {
        info = { name: table, columns: [], key: [], selfRefs: [], refs: new Set() };
        infos.set(table, info);
      }
      (info.columns as string[]).push(column);
    }
    for (const { table, column } of keys) (infos.get(table)?.key as string[] | undefined)?.push(column);
    for (const { table, column, target } of fks) {
      const info = infos.get(table);
      if (!info) continue;
      if (target === table) (info.selfRefs as string[]).push(column);
      else info.refs.add(target);
    }
  }
  // Depth-first: a table after every table it refers to.
  const ordered: TableInfo[] = [];
  const state = new Map<string, "visiting" | "done">();
  const visit = (name: string) => {
    const info = infos.get(name);
    if (!info || state.get(name) === "done") return;
    if (state.get(name) === "visiting")
      throw new AppError("INTERNAL", `backup: the tables' references form a cycle at ${name}`);
    state.set(name, "visiting");
    for (const r of [...info.refs].sort()) visit(r);
    state.set(name, "done");
    ordered.push({ name: info.name, columns: info.columns, key: info.key, selfRefs: info.selfRefs });
  };
  for (const name of [...infos.keys()].sort()) visit(name);
  for (const t of ordered)
    if (t.key.length === 0) throw new AppError("INTERNAL", `backup: table ${t.name} has no primary key`);
  return ordered;
}

const PAGE = 2000;

/** A table's rows, page by page in key order (keyset pagination: no OFFSET scans). */
async function* rowsOf(db: AnyDb, t: TableInfo): AsyncGenerator<Record<string, unknown>[]> {
  const key = sql.join(t.key.map((k) => sql.ref(k)));
  let after: unknown[] | null = null;
  for (;;) {
    const where: ReturnType<typeof sql> = after
      ? sql`where (${key}) > (${sql.join(after.map((v) => sql`${v}`))})`
      : sql``;
    const { rows } = await sql<Record<string, unknown>>`
      select * from ${sql.table(t.name)} ${where} order by ${key} limit ${PAGE}`.execute(db);
    if (rows.length) yield rows;
    if (rows.length < PAGE) return;
    const last = rows[rows.length - 1]!;
    after = t.key.map((k) => last[k]);
  }
}

/** Rows of a self-referencing table, every row after the row it refers to. */
function parentsFirst(t: TableInfo, rows: Record<string, unknown>[]): Record<string, unknown>[] {
  const id = t.key[0]!;
  const byId = new Map(rows.map((r) => [r[id], r]));
  const out: Record<string, unknown>[] = [];
  const placed = new Set<unknown>();
  const place = (r: Record<string, unknown>, depth: number) => {
    if (placed.has(r[id])) return;
    placed.add(r[id]);
    if (depth < 10_000)
      for (const c of t.selfRefs) {
        const parent = byId.get(r[c]);
        if (parent) place(parent, depth + 1);
      }
    out.push(r);
  };
  for (const r of rows) place(r, 0);
  return out;
}

/**
 * Runs `fn` inside one read-only snapshot without blocking writers: a deferred transaction on
 * SQLite (WAL readers see one point in time; our write transactions are `begin immediate`, which
 * a reader must not take), REPEATABLE READ on PostgreSQL.
 */
async function inSnapshot<T>(database: DatabaseHandle, fn: (db: AnyDb) => Promise<T>): Promise<T> {
  const plain = database.db.withoutPlugins() as AnyDb; // raw column names: the archive is by table
  return plain.connection().execute(async (conn) => {
    await sql
      .raw(database.dialect === "sqlite" ? "begin" : "begin isolation level repeatable read read only")
      .execute(conn);
    try {
      return await fn(conn);
    } finally {
      await sql.raw("rollback").execute(conn);
    }
  });
}

/** Writes the archive of `database` to `file` (gzip); answers what it holds. */
export async function writeArchive(
  database: DatabaseHandle,
  file: string,
  now: () => Date = () => new Date(),
): Promise<ArchiveSummary> {
  const summary: ArchiveSummary = {
    schema: await currentSchema(database),
    source: database.dialect,
    createdAt: now().toISOString(),
    tables: [],
  };
  // Written under a temporary name and renamed at the end: a file by the final name is complete.
  const partial = `${file}.partial`;
  let fd: number;
  try {
    fd = openSync(partial, "w");
  } catch (e) {
    throw new AppError("VALIDATION", `--out ${file}: cannot write it (${(e as NodeJS.ErrnoException).code})`);
  }
  const gzip = createGzip();
  const done = pipeline(gzip, createWriteStream("", { fd }));
  const write = (line: unknown) =>
    gzip.write(`${JSON.stringify(line)}\n`) ? Promise.resolve() : new Promise((r) => gzip.once("drain", r));
  try {
    await inSnapshot(database, async (db) => {
      const { tables: _none, ...header } = summary;
      await write({ format: ARCHIVE_FORMAT, formatVersion: FORMAT_VERSION, ...header });
      const tables = await tablesOf(database, db);
      let total = 0;
      for (const t of tables) {
        await write({ table: t.name, columns: t.columns });
        const sum = new TableSum();
        const emit = async (rows: Record<string, unknown>[]) => {
          for (const r of rows) {
            const values = t.columns.map((c) => encode(r[c]));
            sum.add(values);
            await write(values);
          }
        };
        if (t.selfRefs.length) {
          const all: Record<string, unknown>[] = [];
          for await (const page of rowsOf(db, t)) all.push(...page);
          await emit(parentsFirst(t, all));
        } else {
          for await (const page of rowsOf(db, t)) await emit(page);
        }
        await write({ end: t.name, rows: sum.rows, sha256: sum.hex() });
        summary.tables.push({ name: t.name, columns: t.columns, rows: sum.rows, sha256: sum.hex() });
        total += sum.rows;
      }
      await write({ end: "archive", tables: tables.length, rows: total });
    });
  } catch (e) {
    gzip.destroy();
    await done.catch(() => {});
    rmSync(partial, { force: true });
    throw e;
  }
  gzip.end();
  await done;
  renameSync(partial, file);
  return summary;
}

/** The name of the last migration applied to `database`. */
async function currentSchema(database: DatabaseHandle): Promise<string> {
  const { rows } = await sql<{ name: string }>`
    select name from kysely_migration order by name desc limit 1`.execute(database.db);
  return rows[0]?.name ?? "";
}

type Line =
  | { kind: "table"; name: string; columns: string[] }
  | { kind: "row"; values: Value[] }
  | { kind: "end"; name: string; rows: number; sha256: string }
  | { kind: "archiveEnd"; tables: number; rows: number };

const refuse = (file: string, line: number, why: string) =>
  new AppError("VALIDATION", `${file}, line ${line}: ${why}`);

/** Reads the archive line by line, checking its structure; `onLine` sees every line after the header. */
async function readArchive(
  file: string,
  onHeader: (h: { schema: string; source: string; createdAt: string }) => Promise<void> | void,
  onLine: (line: Line) => Promise<void> | void,
): Promise<void> {
  const raw = createReadStream(file);
  const input = raw.pipe(createGunzip());
  raw.on("error", (e) => input.destroy(e));
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let n = 0;
  let ended = false;
  let current: { name: string; width: number } | null = null;
  try {
    for await (const text of lines) {
      n++;
      if (ended) throw refuse(file, n, "text after the end of the archive");
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        throw refuse(file, n, "not a line of a Guatu backup (it is not JSON)");
      }
      if (n === 1) {
        const h = value as Record<string, unknown>; // checked field by field below
        if (h?.format !== ARCHIVE_FORMAT) throw refuse(file, n, "not a Guatu backup archive");
        if (h.formatVersion !== FORMAT_VERSION)
          throw refuse(file, n, `archive format ${String(h.formatVersion)} is not one this Guatu reads`);
        await onHeader({
          schema: String(h.schema),
          source: String(h.source),
          createdAt: String(h.createdAt),
        });
        continue;
      }
      if (Array.isArray(value)) {
        if (!current) throw refuse(file, n, "a row outside any table");
        if (value.length !== current.width)
          throw refuse(file, n, `a row of ${current.name} with ${value.length} values, not ${current.width}`);
        await onLine({ kind: "row", values: value as Value[] }); // JSON values, encoded by writeArchive
        continue;
      }
      const o = value as Record<string, unknown>; // one of the marker lines, told apart below
      if (typeof o?.table === "string" && Array.isArray(o.columns)) {
        if (current) throw refuse(file, n, `table ${o.table} starts before ${current.name} ends`);
        current = { name: o.table, width: o.columns.length };
        await onLine({ kind: "table", name: o.table, columns: o.columns.map(String) });
      } else if (o?.end === "archive") {
        if (current) throw refuse(file, n, `the archive ends inside table ${current.name}`);
        ended = true;
        await onLine({ kind: "archiveEnd", tables: Number(o.tables), rows: Number(o.rows) });
      } else if (typeof o?.end === "string") {
        if (current?.name !== o.end) throw refuse(file, n, `the end of ${o.end} outside that table`);
        current = null;
        await onLine({ kind: "end", name: o.end, rows: Number(o.rows), sha256: String(o.sha256) });
      } else throw refuse(file, n, "a line that is neither a table, a row nor an end marker");
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    if ((e as NodeJS.ErrnoException).code === "ENOENT")
      throw new AppError("VALIDATION", `${file}: no such file`);
    throw refuse(file, n + 1, `cannot be read (${(e as Error).message}): the file is damaged or cut short`);
  }
  if (n === 0) throw refuse(file, 1, "the file is empty");
  if (!ended)
    throw refuse(file, n, "the archive is cut short (no end marker): it was not written to the end");
}

/**
 * Reads the whole archive and checks every table's row count and checksum against its end marker,
 * writing nothing: a damaged or truncated file is refused before a restore touches a database.
 */
export async function verifyArchive(file: string): Promise<ArchiveSummary> {
  let header = { schema: "", source: "", createdAt: "" };
  const tables: ArchiveSummary["tables"] = [];
  let sum = new TableSum();
  let name = "";
  let columns: string[] = [];
  let lineNo = 1;
  await readArchive(
    file,
    (h) => {
      header = h;
    },
    (line) => {
      lineNo++;
      if (line.kind === "table") {
        sum = new TableSum();
        name = line.name;
        columns = line.columns;
      } else if (line.kind === "row") sum.add(line.values);
      else if (line.kind === "end") {
        const got = sum;
        if (got.rows !== line.rows || got.hex() !== line.sha256)
          throw refuse(
            file,
            lineNo,
            `table ${name} holds ${got.rows} rows with checksum ${got.hex().slice(0, 12)}…, but its end marker says ${line.rows} rows, ${line.sha256.slice(0, 12)}…: the file is damaged`,
          );
        tables.push({ name, columns, rows: got.rows, sha256: got.hex() });
      } else if (line.kind === "archiveEnd") {
        const rows = tables.reduce((n, t) => n + t.rows, 0);
        if (line.tables !== tables.length || line.rows !== rows)
          throw refuse(
            file,
            lineNo,
            `the archive's end marker counts ${line.tables} tables and ${line.rows} rows, the file holds ${tables.length} and ${rows}`,
          );
      }
    },
  );
  if (!migrations[header.schema])
    throw new AppError(
      "VALIDATION",
      `${file}: the archive's schema ${header.schema} is not one this Guatu knows (a newer version wrote it?)`,
    );
  return { ...header, tables };
}

/** Brings a database to exactly the archive's schema (never past it: the rows fit that schema). */
async function migrateTo(db: AnyDb, schema: string): Promise<void> {
  const { error } = await new Migrator({ db, provider: { getMigrations: async () => migrations } }).migrateTo(
    schema,
  );
  if (error) throw new AppError("VALIDATION", `cannot migrate the target database: ${String(error)}`);
}

export interface RestoreOptions {
  /** Delete the target's rows first (without it a target holding data is refused). */
  readonly replace?: boolean;
}

/**
 * Restores `file` into `database`: verifies the whole file first, migrates the target to the
 * archive's schema, then in ONE transaction deletes (with `replace`) and inserts every row,
 * recounts and re-checksums every table from the target, and commits only if all agree; then
 * migrates to the latest schema. Nothing is written when any step fails.
 */
export async function restoreArchive(
  database: DatabaseHandle,
  file: string,
  options: RestoreOptions = {},
): Promise<ArchiveSummary> {
  const summary = await verifyArchive(file);
  const plain = database.db.withoutPlugins() as AnyDb; // raw column names, as in the archive
  const current = await currentSchema(database).catch(() => "");
  if (current > summary.schema)
    throw new AppError(
      "VALIDATION",
      `${file}: the archive's schema (${summary.schema}) is older than the target database's (${current}); restore into an empty database`,
    );
  await migrateTo(plain, summary.schema);
  const sqlite = database.dialect === "sqlite";
  await plain.transaction().execute(async (trx) => {
    // SQLite checks references at commit; PostgreSQL as rows come, which the archive's order allows.
    if (sqlite) await sql`pragma defer_foreign_keys = on`.execute(trx);
    const tables = await tablesOf(database, trx);
    const known = new Map(tables.map((t) => [t.name, t]));
    for (const t of summary.tables) {
      const target = known.get(t.name);
      const missing = t.columns.find((c) => !target?.columns.includes(c));
      if (!target || missing)
        throw new AppError(
          "VALIDATION",
          `${file}: ${target ? `column ${missing} of table ${t.name}` : `table ${t.name}`} is not in the target's schema`,
        );
    }
    for (const t of tables) {
      const rows = await countOf(trx, t.name);
      if (rows > 0 && !options.replace && !SEEDED_BY_MIGRATIONS.has(t.name))
        throw new AppError(
          "VALIDATION",
          `the target database already holds data (${rows} rows in ${t.name}): restore into an empty database, or pass --replace`,
        );
    }
    // Children before parents; sessions go too (they name users of the old data).
    for (const t of [...tables].reverse()) await sql`delete from ${sql.table(t.name)}`.execute(trx);
    await sql`delete from sessions`.execute(trx);
    await sql`delete from auth_failures`.execute(trx);
    await sql`delete from search_entries`.execute(trx);
    if (sqlite) await sql`insert into search_fts(search_fts) values ('delete-all')`.execute(trx);
    await sql`update search_state set revision = -1`.execute(trx);

    let batch: unknown[][] = [];
    let table: { name: string; columns: string[] } | null = null;
    const flush = async () => {
      if (!table || batch.length === 0) return;
      const rows = batch.map((values) => Object.fromEntries(table!.columns.map((c, i) => [c, values[i]])));
      await trx.insertInto(table.name).values(rows).execute();
      batch = [];
    };
    let perBatch = 1;
    await readArchive(
      file,
      () => {},
      async (line) => {
        if (line.kind === "table") {
          table = { name: line.name, columns: line.columns };
          // Under SQLite's 32,766 bound parameters per statement, and PostgreSQL's 65,535.
          perBatch = Math.max(1, Math.min(500, Math.floor(30_000 / line.columns.length)));
        } else if (line.kind === "row") {
          batch.push(line.values.map(decode));
          if (batch.length >= perBatch) await flush();
        } else if (line.kind === "end") {
          await flush();
          table = null;
        }
      },
    );
    // What the target now holds must be what the archive holds, table by table.
    for (const t of summary.tables) {
      const got = new TableSum();
      for await (const page of rowsOf(trx, known.get(t.name)!))
        for (const r of page) got.add(t.columns.map((c) => encode(r[c])));
      if (got.rows !== t.rows || got.hex() !== t.sha256)
        throw new AppError(
          "VALIDATION",
          `restore of ${file} stopped: table ${t.name} reads back ${got.rows} rows (checksum ${got.hex().slice(0, 12)}…), the archive holds ${t.rows} (${t.sha256.slice(0, 12)}…); nothing was changed`,
        );
    }
    if (sqlite) {
      const { rows } = await sql<{ table: string }>`pragma foreign_key_check`.execute(trx);
      if (rows.length)
        throw new AppError(
          "VALIDATION",
          `restore of ${file} stopped: ${rows.length} rows of ${rows[0]!.table} refer to rows the archive lacks; nothing was changed`,
        );
    }
  });
  const { error } = await migrateToLatest(database.db);
  if (error)
    throw new AppError("VALIDATION", `restored, but cannot migrate to the latest schema: ${String(error)}`);
  await afterBulkLoad(database);
  return summary;
}

async function countOf(db: AnyDb, table: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(db);
  return Number(rows[0]!.n);
}

/**
 * A copy of a live SQLite file through SQLite's online backup API: the pages of one consistent
 * state, what is still in `-wal` included (copying the file itself misses it).
 */
export async function copySqliteFile(path: string, out: string): Promise<void> {
  const source = new SQLite(path, { readonly: true, fileMustExist: true });
  try {
    await source.backup(`${out}.partial`);
  } catch (e) {
    rmSync(`${out}.partial`, { force: true });
    throw new AppError("VALIDATION", `--out ${out}: cannot write the copy (${(e as Error).message})`);
  } finally {
    source.close();
  }
  renameSync(`${out}.partial`, out);
}
