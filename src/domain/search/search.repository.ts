/**
 * The search index's SQL: one interface, two dialects. SQLite matches 3+ characters with its FTS5
 * trigram table, PostgreSQL with pg_trgm GIN indexes (LIKE/ILIKE); shorter queries are prefixes
 * of codes, initials and pinyin (b-tree ranges), or, when Chinese, a scan of titles (a few ms at
 * province size: no index helps a 1–2 character infix).
 */
import { type Expression, type SqlBool, sql } from "kysely";
import { SEARCH_KINDS, type SearchKind } from "../../shared/api/search.js";
import type { Executor } from "../context.js";
import type { SearchEntryTable } from "./search.table.js";
import { isKeyQuery, queryLength } from "./search-text.js";

export type Dialect = "sqlite" | "postgres";

/** One entry of the index, as written. */
export type SearchEntry = SearchEntryTable;

/** What a search asks of the index. */
export interface EntryCriteria {
  /** The normalised query (search-text.ts `normaliseQuery`), 1–100 characters. */
  readonly q: string;
  readonly kinds: readonly SearchKind[];
  /** Task forces whose records may be found; null: every one. People (of none) always may. */
  readonly taskForceIds: readonly string[] | null;
  readonly limit: number;
}

/** An entry found, with its rank tier (0 best: exact code, 1 code prefix, 2–3 title/initials, 4 infix). */
export interface FoundEntry {
  readonly kind: SearchKind;
  readonly entityId: string;
  readonly taskForceId: string | null;
  readonly code: string;
  readonly title: string;
  readonly tier: number;
}

/** Entries matching the query within kinds and scope, best first, at most `limit`. */
export async function findEntries(db: Executor, dialect: Dialect, c: EntryCriteria): Promise<FoundEntry[]> {
  const n = queryLength(c.q);
  let query = db
    .selectFrom("search_entries as e")
    .select(["e.kind", "e.entityId", "e.taskForceId", "e.code", "e.title", tierOf(c.q, n).as("tier")])
    .where(matching(dialect, c.q, n));
  if (c.kinds.length < SEARCH_KINDS.length) {
    // `+kind`: SQLite would otherwise walk the (kind, entity_id) index instead of the match.
    const kind = sql.raw(dialect === "sqlite" ? "+e.kind" : "e.kind");
    query = query.where(sql<SqlBool>`${kind} in (${sql.join([...c.kinds])})`);
  }
  const scope = c.taskForceIds;
  if (scope)
    query = query.where((eb) =>
      scope.length
        ? eb.or([eb("e.taskForceId", "is", null), eb("e.taskForceId", "in", [...scope])])
        : eb("e.taskForceId", "is", null),
    );
  const kindOrder = sql.join(
    SEARCH_KINDS.map((k, i) => sql`when ${sql.lit(k)} then ${sql.lit(i)}`),
    sql` `,
  );
  const rows = await query
    .orderBy("tier")
    .orderBy(sql`case e.kind ${kindOrder} end`)
    .orderBy("e.code")
    .orderBy("e.title")
    .limit(c.limit)
    .execute();
  return rows.map((r) => ({ ...r, tier: Number(r.tier) }));
}

/** The rank tier of an entry for query `q` of `n` characters (both dialects). */
function tierOf(q: string, n: number) {
  const starts = (col: string) => sql`substr(${sql.raw(col)}, 1, ${n}) = ${q}`;
  return sql<number>`case
    when e.code_key = ${q} then 0
    when ${starts("e.code_key")} then 1
    when e.initials = ${q} or e.title_key = ${q} then 2
    when ${starts("e.initials")} or ${starts("e.title_key")} or ${starts("e.pinyin")} then 3
    else 4 end`;
}

/** Escapes LIKE's wildcards (the escape character is `\`). */
const likeInfix = (q: string) => `%${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

/** The smallest string above every string starting with ASCII `q`. */
const prefixEnd = (q: string) => q.slice(0, -1) + String.fromCharCode(q.charCodeAt(q.length - 1) + 1);

/** Whether an entry matches `q`: a trigram infix (3+ characters), else a key prefix or a title scan. */
function matching(dialect: Dialect, q: string, n: number): Expression<SqlBool> {
  const pg = dialect === "postgres";
  if (n >= 3) {
    if (pg) {
      const p = likeInfix(q);
      return sql<SqlBool>`(e.code_key like ${p} escape '\\' or e.title_key like ${p} escape '\\'
        or e.initials like ${p} escape '\\' or e.pinyin like ${p} escape '\\')`;
    }
    // A quoted FTS5 string is one phrase: the trigram tokenizer matches it as a substring of a column.
    const phrase = `"${q.replaceAll('"', '""')}"`;
    return sql<SqlBool>`e.rid in (select rowid from search_fts where search_fts match ${phrase})`;
  }
  if (isKeyQuery(q)) {
    const [lo, hi] = [q, prefixEnd(q)];
    const c = pg ? sql.raw(' collate "C"') : sql``;
    const range = (col: string) => sql`(${sql.raw(col)}${c} >= ${lo} and ${sql.raw(col)}${c} < ${hi})`;
    return sql<SqlBool>`(${range("e.code_key")} or ${range("e.initials")} or ${range("e.pinyin")})`;
  }
  const p = likeInfix(q);
  return sql<SqlBool>`(e.title_key like ${p} escape '\\' or e.code_key like ${p} escape '\\')`;
}

/** Which entries: some records of a kind, every one of a kind in a task force, or of a kind. */
export type EntryScope =
  | { readonly ids: readonly string[] }
  | { readonly taskForceId: string }
  | { readonly all: true };

/**
 * Replaces the entries of `kind` in `scope` by `entries` (all of that kind and scope). SQLite
 * writes and deletes each entry's FTS5 row with it, under the entry's `rid`: the caller's write
 * transaction (one at a time in SQLite) makes the next free `rid`s safe to take.
 */
export async function replaceEntries(
  db: Executor,
  dialect: Dialect,
  kind: SearchKind,
  scope: EntryScope,
  entries: readonly SearchEntry[],
): Promise<void> {
  await deleteEntries(db, dialect, kind, scope);
  let rid = dialect === "sqlite" ? await lastRid(db) : 0;
  // 11 parameters a row: 500 rows stay far below SQLite's and PostgreSQL's limits.
  for (let k = 0; k < entries.length; k += 500) {
    const rows = entries.slice(k, k + 500).map((e) => (dialect === "sqlite" ? { ...e, rid: ++rid } : e));
    await db.insertInto("search_entries").values(rows).execute();
    if (dialect === "sqlite")
      await sql`insert into search_fts (rowid, code_key, title_key, initials, pinyin) values ${sql.join(
        rows.map((r) => sql`(${r.rid}, ${r.codeKey}, ${r.titleKey}, ${r.initials}, ${r.pinyin})`),
      )}`.execute(db);
  }
}

async function lastRid(db: Executor): Promise<number> {
  const row = await db
    .selectFrom("search_entries")
    .select((eb) => eb.fn.max("rid").as("rid"))
    .executeTakeFirst();
  return Number(row?.rid ?? 0);
}

async function deleteEntries(db: Executor, dialect: Dialect, kind: SearchKind, scope: EntryScope) {
  const where = (k: number) =>
    "all" in scope
      ? sql`kind = ${kind}`
      : "taskForceId" in scope
        ? sql`kind = ${kind} and task_force_id = ${scope.taskForceId}`
        : sql`kind = ${kind} and entity_id in (${sql.join(scope.ids.slice(k, k + 5000))})`;
  const slices = "ids" in scope ? Math.ceil(scope.ids.length / 5000) : 1;
  for (let s = 0; s < slices; s++) {
    if (dialect === "sqlite")
      await sql`delete from search_fts where rowid in (select rid from search_entries where ${where(s * 5000)})`.execute(
        db,
      );
    await sql`delete from search_entries where ${where(s * 5000)}`.execute(db);
  }
}

/**
 * After a bulk write, PostgreSQL's planner must see the new entries in its statistics and in the
 * GIN indexes proper: entries still in a GIN index's pending list (fast update) make it price the
 * index above a table scan, and a search would take 25 ms instead of 1 ms at 30,000 entries.
 */
export async function settleEntries(db: Executor, dialect: Dialect): Promise<void> {
  if (dialect !== "postgres") return;
  for (const k of ["code_key", "title_key", "initials", "pinyin"])
    await sql`select gin_clean_pending_list(${`search_entries_${k}_trgm`}::regclass)`.execute(db);
  await sql`analyze search_entries`.execute(db);
}

/** Empties the index (before a rebuild). */
export async function clearEntries(db: Executor, dialect: Dialect): Promise<void> {
  if (dialect === "sqlite") await sql`insert into search_fts (search_fts) values ('delete-all')`.execute(db);
  await db.deleteFrom("search_entries").execute();
}

/** The data revision the index reflects (-1: never built); `lock` holds it until the transaction ends. */
export async function indexRevision(db: Executor, dialect: Dialect, lock = false): Promise<number> {
  let q = db.selectFrom("search_state").select("revision").where("name", "=", "index");
  // SQLite has no row locks: its write transactions (BEGIN IMMEDIATE) already run one at a time.
  if (lock && dialect === "postgres") q = q.forUpdate();
  const row = await q.executeTakeFirst();
  return Number(row?.revision ?? -1);
}

/** Records the data revision the index now reflects. */
export async function setIndexRevision(db: Executor, revision: number): Promise<void> {
  await db.updateTable("search_state").set({ revision }).where("name", "=", "index").execute();
}
