import { type Kysely, sql } from "kysely";

// Frozen in time: this file must never import application code.
// The global search's index: one entry per task, 督办单, indicator, person and task force, with
// its code, title and the title's pinyin (initials and full), kept current by the app from the
// data-change log (`search_state.revision`: the data revision the index reflects; -1: never built).
// SQLite: an FTS5 trigram table over the entries' keys (contentless, written by the app).
// PostgreSQL: pg_trgm GIN indexes on the entries. Both: b-tree indexes for 1–2 character prefixes.

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and schema-agnostic
const isPostgres = (db: Kysely<any>) => sql`select ${1}`.compile(db).sql.includes("$1");

const KEYS = ["code_key", "initials", "pinyin"] as const;

// biome-ignore lint/suspicious/noExplicitAny: see isPostgres()
export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  let table = db.schema.createTable("search_entries");
  // SQLite: the FTS5 table's rowid (an alias of the rowid, so VACUUM keeps it).
  if (!pg) table = table.addColumn("rid", "integer", (c) => c.primaryKey());
  await table
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("entity_id", "text", (c) => c.notNull())
    // Null for records of no task force (people): scope filters on it.
    .addColumn("task_force_id", "text")
    .addColumn("code", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    // Lower-case code and title, initials (招商引资 → zsyz) and full pinyin (zhaoshangyinzi), letters and digits only.
    .addColumn("code_key", "text", (c) => c.notNull())
    .addColumn("title_key", "text", (c) => c.notNull())
    .addColumn("initials", "text", (c) => c.notNull())
    .addColumn("pinyin", "text", (c) => c.notNull())
    .addUniqueConstraint("search_entries_kind_entity", ["kind", "entity_id"])
    .execute();
  await db.schema
    .createIndex("search_entries_task_force")
    .on("search_entries")
    .columns(["task_force_id", "kind"])
    .execute();
  await db.schema
    .createTable("search_state")
    .addColumn("name", "text", (c) => c.primaryKey())
    .addColumn("revision", "integer", (c) => c.notNull())
    .execute();
  await db.insertInto("search_state").values({ name: "index", revision: -1 }).execute();
  if (pg) await upPostgres(db);
  else await upSqlite(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see isPostgres()
async function upPostgres(db: Kysely<any>): Promise<void> {
  await sql`create extension if not exists pg_trgm`.execute(db);
  // One GIN index per column: a search ORs a LIKE on each, and the planner combines their bitmaps
  // (one index over the four columns was slower than a table scan at 30,000 entries).
  for (const k of ["code_key", "title_key", "initials", "pinyin"])
    await sql`create index ${sql.id(`search_entries_${k}_trgm`)} on search_entries using gin (${sql.id(k)} gin_trgm_ops)`.execute(
      db,
    );
  // Prefix ranges compare by code point whatever the database's collation.
  for (const k of KEYS)
    await sql`create index ${sql.id(`search_entries_${k}`)} on search_entries (${sql.id(k)} collate "C")`.execute(
      db,
    );
}

// biome-ignore lint/suspicious/noExplicitAny: see isPostgres()
async function upSqlite(db: Kysely<any>): Promise<void> {
  for (const k of KEYS)
    await db.schema.createIndex(`search_entries_${k}`).on("search_entries").column(k).execute();
  // Contentless (the entries hold the text) with deletes by rowid (SQLite 3.43+): the app writes
  // an entry's row here under the entry's `rid`, and deletes it with the entry.
  await sql
    .raw(
      "create virtual table search_fts using fts5(code_key, title_key, initials, pinyin, content='', contentless_delete=1, tokenize='trigram')",
    )
    .execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see isPostgres()
export async function down(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) await sql.raw("drop table search_fts").execute(db);
  await db.schema.dropTable("search_state").execute();
  await db.schema.dropTable("search_entries").execute();
  // pg_trgm stays: other schemas of the database may use it, and it holds no data.
}
