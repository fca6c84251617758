import { type RawBuilder, type Selectable, sql } from "kysely";
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
}

/** A page of items and how many match. */
export interface Page<T> {
  readonly items: T[];
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
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
 * pages never overlap), with the number of matching rows. The criteria's fields were checked
 * against the route's schema; values are always bound parameters.
 */
export async function listPage<T extends keyof Database>(
  db: Executor,
  spec: ListSpec<T>,
  c: ListCriteria,
): Promise<{ rows: Selectable<Database[T]>[]; total: number }> {
  const where = whereOf(conditions(spec, c));
  const order = [...c.sort, { field: "id", desc: false }].map(({ field, desc }) => {
    const text = field === "id" || spec.textSorts.has(field);
    const key = text && spec.dialect === "postgres" ? sql`${sql.ref(field)} collate "C"` : sql.ref(field);
    // SQLite's order for a missing value (smallest), on PostgreSQL too (where it is the largest).
    return desc ? sql`${key} desc nulls last` : sql`${key} asc nulls first`;
  });
  const table = sql.table(spec.table);
  const counted = await sql<{ n: number }>`select count(*) as n from ${table} ${where}`.execute(db);
  const { rows } = await sql<Selectable<Database[T]>>`select ${sql.join(spec.columns.map((k) => sql.ref(k)))}
    from ${table} ${where} order by ${sql.join(order)} limit ${c.limit} offset ${c.offset}`.execute(db);
  return { rows, total: Number(counted.rows[0]?.n ?? 0) };
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
