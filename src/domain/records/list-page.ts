import { type RawBuilder, type Selectable, sql } from "kysely";
import { AppError } from "../../shared/errors.js";
import type { Executor } from "../context.js";
import type { Database } from "../database.js";

/** What a list route asks for: equality filters, a search, a sort and a page. */
export interface ListCriteria {
  /** Field → accepted values ("any of"); the single value `null` matches a missing value. */
  readonly filters: Readonly<Record<string, readonly string[]>>;
  readonly q?: string;
  readonly sort: readonly { readonly field: string; readonly desc: boolean }[];
  readonly limit: number;
  readonly offset: number;
  /**
   * Keyset paging: the page after this cursor (a previous page's `nextCursor`; empty for the first
   * page), instead of skipping `offset` rows. Absent: offset paging.
   */
  readonly cursor?: string;
}

/** A page of items and how many match. */
export interface Page<T> {
  readonly items: T[];
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
  /** With keyset paging: the cursor of the next page, null after the last one. */
  readonly nextCursor?: string | null;
}

type Key = string | number | null;

/** A cursor: the sort it was made for and the last row's sort values and id, as base64url JSON. */
const encodeCursor = (sort: string, values: readonly Key[]) =>
  Buffer.from(JSON.stringify([sort, ...values]), "utf8").toString("base64url");

const sortText = (sort: ListCriteria["sort"]) => sort.map((s) => `${s.desc ? "-" : ""}${s.field}`).join(",");

const badCursor = (why: string) =>
  new AppError("VALIDATION", `cursor: ${why}`, [{ path: "querystring.cursor", message: why }]);

/** The sort values and id a cursor names (null for the first page); a cursor of another sort is a 400. */
function decodeCursor(cursor: string, sort: ListCriteria["sort"]): Key[] | null {
  if (cursor === "") return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw badCursor("not a cursor this list gave");
  }
  // Array.isArray narrows to any[]; unknown[] keeps each element checked below.
  const values = Array.isArray(parsed) ? (parsed as unknown[]) : [];
  const ok =
    values.length === sort.length + 2 &&
    values.every((v) => v === null || typeof v === "string" || typeof v === "number") &&
    typeof values.at(-1) === "string";
  if (!ok) throw badCursor("not a cursor this list gave");
  if (values[0] !== sortText(sort)) throw badCursor("made for another sort; start again without it");
  // Each element was checked to be a string, number or null just above.
  return values.slice(1) as Key[];
}

/**
 * Rows after `key` in the list's order (each field ascending with missing values first, or
 * descending with them last, then id). All ascending and no key missing: a row-value comparison,
 * which both databases answer from the sort's index.
 */
function afterKey(
  order: readonly { field: string; desc: boolean; text: boolean }[],
  key: readonly Key[],
  dialect: ListSpec<keyof Database>["dialect"],
): RawBuilder<unknown> {
  const col = (o: { field: string; text: boolean }) =>
    o.text && dialect === "postgres" ? sql`${sql.ref(o.field)} collate "C"` : sql.ref(o.field);
  if (order.every((o, i) => !o.desc && key[i] !== null))
    return sql`(${sql.join(order.map(col))}) > (${sql.join(key.map((k) => sql`${k}`))})`;
  const equal = (i: number) =>
    key[i] === null ? sql`${sql.ref(order[i]!.field)} is null` : sql`${col(order[i]!)} = ${key[i]}`;
  const beyond = (i: number): RawBuilder<unknown> => {
    const o = order[i]!;
    const k = key[i];
    if (!o.desc) return k === null ? sql`${sql.ref(o.field)} is not null` : sql`${col(o)} > ${k}`;
    return k === null ? sql`1 = 0` : sql`(${col(o)} < ${k} or ${sql.ref(o.field)} is null)`;
  };
  const terms = order.map((_, i) =>
    sql.join([...order.slice(0, i).map((__, j) => equal(j)), beyond(i)], sql` and `),
  );
  return sql`(${sql.join(
    terms.map((t) => sql`(${t})`),
    sql` or `,
  )})`;
}

/** A filter on a list field stored in a link table (e.g. a task's `coUnitIds`). */
export interface LinkFilter {
  readonly table: keyof Database;
  readonly owner: string;
  readonly target: string;
}

/** How one table is listed: its filterable fields, text sorts, searched fields and link filters. */
export interface ListSpec<T extends keyof Database> {
  readonly table: T;
  /** Columns selected (the table's own columns; links are read apart). */
  readonly columns: readonly (keyof Database[T] & string)[];
  /** Sort fields holding text (sorted byte-wise on both databases). */
  readonly textSorts: ReadonlySet<string>;
  readonly search: readonly string[];
  readonly links?: Readonly<Record<string, LinkFilter>>;
  readonly dialect: "sqlite" | "postgres";
}

function conditions<T extends keyof Database>(spec: ListSpec<T>, c: ListCriteria): RawBuilder<unknown>[] {
  const out: RawBuilder<unknown>[] = [];
  for (const [field, values] of Object.entries(c.filters)) {
    const link = spec.links?.[field];
    if (values.length === 0) out.push(sql`1 = 0`);
    else if (link)
      out.push(sql`${sql.table(spec.table)}.id in (select ${sql.ref(link.owner)} from ${sql.table(link.table)}
        where ${sql.ref(link.target)} in (${sql.join(values)}))`);
    else if (values.includes("null")) {
      const rest = values.filter((v) => v !== "null");
      // `null,null` leaves no other value, and `in ()` is a syntax error on PostgreSQL.
      out.push(
        rest.length
          ? sql`(${sql.ref(field)} is null or ${sql.ref(field)} in (${sql.join(rest)}))`
          : sql`${sql.ref(field)} is null`,
      );
    } else out.push(sql`${sql.ref(field)} in (${sql.join(values)})`);
  }
  if (c.q && spec.search.length) {
    const pattern = `%${c.q.toLowerCase().replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    const any = spec.search.map((f) => sql`lower(${sql.ref(f)}) like ${pattern} escape '\\'`);
    out.push(sql`(${sql.join(any, sql` or `)})`);
  }
  return out;
}

const whereOf = (parts: RawBuilder<unknown>[]) =>
  parts.length ? sql`where ${sql.join(parts, sql` and `)}` : sql``;

/**
 * One page of rows matching the criteria, sorted (text byte-wise on both databases, then by id so
 * pages never overlap), with the number of matching rows (kept per data `revision` when given,
 * see {@link countOf}). The criteria's fields were checked against the route's schema; values are
 * always bound parameters.
 */
export const listPage = <T extends keyof Database>(
  db: Executor,
  spec: ListSpec<T>,
  c: ListCriteria,
  revision?: number,
) => pageOf<T, Selectable<Database[T]>>(db, spec, c, revision, spec.columns);

/**
 * The ids of one page, as {@link listPage} would list its rows: for records kept encoded elsewhere
 * (see EncodedRows). Only ids are read (a tenth of a page's time is making the rows' strings); the
 * next cursor reads the last row's sort fields by id.
 */
export async function listPageIds<T extends keyof Database>(
  db: Executor,
  spec: ListSpec<T>,
  c: ListCriteria,
  revision?: number,
): Promise<{ ids: string[]; total: number; nextCursor?: string | null }> {
  const keysOf = async (last: { id: string }) => {
    const fields = c.sort.map((s) => sql.ref(s.field));
    if (fields.length === 0) return last;
    const { rows } = await sql<Record<string, Key>>`select ${sql.join(fields)} from ${sql.table(spec.table)}
      where id = ${last.id}`.execute(db);
    return { ...rows[0], id: last.id };
  };
  const { rows, ...page } = await pageOf<T, { id: string }>(db, spec, c, revision, ["id"], keysOf);
  return { ids: rows.map((r) => r.id), ...page };
}

// Sort fields are stored columns of the row, each text, number or null.
const keysOfRow = (row: unknown) => row as Record<string, Key>;

async function pageOf<T extends keyof Database, R>(
  db: Executor,
  spec: ListSpec<T>,
  c: ListCriteria,
  revision: number | undefined,
  selected: readonly string[],
  keysOf: (last: R) => Record<string, Key> | Promise<Record<string, Key>> = keysOfRow,
): Promise<{ rows: R[]; total: number; nextCursor?: string | null }> {
  const filters = conditions(spec, c);
  const where = whereOf(filters);
  const fields = [...c.sort, { field: "id", desc: false }].map((s) => ({
    ...s,
    text: s.field === "id" || spec.textSorts.has(s.field),
  }));
  const order = fields.map(({ field, desc, text }) => {
    const key = text && spec.dialect === "postgres" ? sql`${sql.ref(field)} collate "C"` : sql.ref(field);
    // SQLite's order for a missing value (smallest), on PostgreSQL too (where it is the largest).
    return desc ? sql`${key} desc nulls last` : sql`${key} asc nulls first`;
  });
  const table = sql.table(spec.table);
  const columns = sql.join(selected.map((k) => sql.ref(k)));
  const total = () => countOf(db, sql<{ n: number }>`select count(*) as n from ${table} ${where}`, revision);
  if (c.cursor === undefined) {
    const { rows } = await sql<R>`select ${columns}
      from ${table} ${where} order by ${sql.join(order)} limit ${c.limit} offset ${c.offset}`.execute(db);
    return { rows, total: await total() };
  }
  const key = decodeCursor(c.cursor, c.sort);
  const after = whereOf(key ? [...filters, afterKey(fields, key, spec.dialect)] : filters);
  // One row more than the page tells whether there is a next one.
  const { rows } = await sql<R>`select ${columns}
    from ${table} ${after} order by ${sql.join(order)} limit ${c.limit + 1}`.execute(db);
  const more = rows.length > c.limit;
  if (more) rows.length = c.limit;
  const last = more ? rows.at(-1) : undefined;
  const keys = last === undefined ? undefined : await keysOf(last);
  const nextCursor = keys
    ? encodeCursor(
        sortText(c.sort),
        fields.map((f) => keys[f.field] ?? null),
      )
    : null;
  return { rows, total: await total(), nextCursor };
}

/** Counts by query, per database (its Kysely instance), valid at one data revision. */
const counts = new WeakMap<object, { revision: number; byQuery: Map<string, number> }>();
const COUNTS_MAX = 1000;

/**
 * The count a query answers, kept while the data revision is `revision` (every audited change
 * moves it on): paging through a list counts its matches once, not on every page. Without a
 * revision (inside a write, or none known) it is counted afresh. A count kept under a revision
 * may include a write that committed after the caller read that revision, as a fresh count would.
 */
async function countOf(db: Executor, query: RawBuilder<{ n: number }>, revision: number | undefined) {
  const count = async () => Number((await query.execute(db)).rows[0]?.n ?? 0);
  if (revision === undefined) return count();
  const compiled = query.compile(db);
  // A long filter (e.g. the ids of a light) would make a long key and is rarely asked twice.
  if (compiled.parameters.length > 100) return count();
  const key = `${compiled.sql}\u0000${JSON.stringify(compiled.parameters)}`;
  let kept = counts.get(db);
  if (!kept || kept.revision !== revision) {
    kept = { revision, byQuery: new Map() };
    counts.set(db, kept);
  }
  const hit = kept.byQuery.get(key);
  if (hit !== undefined) return hit;
  const n = await count();
  if (kept.byQuery.size >= COUNTS_MAX) kept.byQuery.clear();
  kept.byQuery.set(key, n);
  return n;
}

/** Every row matching the criteria's filters and search, unsorted and unpaged. */
export async function listAll<T extends keyof Database>(
  db: Executor,
  spec: ListSpec<T>,
  c: Pick<ListCriteria, "filters" | "q">,
): Promise<Selectable<Database[T]>[]> {
  const where = whereOf(conditions(spec, { ...c, sort: [], limit: 0, offset: 0 }));
  const { rows } = await sql<Selectable<Database[T]>>`select ${sql.join(spec.columns.map((k) => sql.ref(k)))}
    from ${sql.table(spec.table)} ${where}`.execute(db);
  return rows;
}
