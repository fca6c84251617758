import { sql } from "kysely";
import type { Executor } from "../context.js";
import type { ResourceDef, Row } from "./resource-def.js";

/** Stored columns of a resource: the entity's fields less its link fields. */
export function columnsOf(def: ResourceDef): string[] {
  const links = new Set(def.links?.map((l) => l.field));
  return Object.keys(def.schemas.entity.shape).filter((k) => !links.has(k));
}

/** Table row → wire record (JSON text parsed, 0/1 → boolean; links loaded separately). */
export function rowToRecord(def: ResourceDef, row: Row): Row {
  const out: Row = { ...row };
  for (const f of def.jsonFields ?? []) out[f] = row[f] == null ? null : JSON.parse(row[f] as string);
  for (const f of def.boolFields ?? []) out[f] = row[f] == null ? null : Boolean(row[f]);
  return out;
}

/** Wire values → column values (JSON stringified, boolean → 0/1), dropping link fields. */
export function recordToRow(def: ResourceDef, record: Row): Row {
  const links = new Set(def.links?.map((l) => l.field));
  const out: Row = {};
  for (const [k, v] of Object.entries(record)) {
    if (links.has(k)) continue;
    if (def.jsonFields?.includes(k)) out[k] = v == null ? null : JSON.stringify(v);
    else if (def.boolFields?.includes(k)) out[k] = v == null ? null : v ? 1 : 0;
    else out[k] = v;
  }
  return out;
}

/** Where-clause inputs of a list query. */
export interface ListCriteria {
  readonly filters: Readonly<Record<string, readonly string[]>>;
  readonly q?: string;
  readonly sort: readonly { field: string; desc: boolean }[];
  readonly limit: number;
  readonly offset: number;
}

// biome-ignore lint/suspicious/noExplicitAny: the query builder is generic over table names
function applyWhere(def: ResourceDef, qb: any, c: ListCriteria): any {
  let q = qb;
  for (const [field, values] of Object.entries(c.filters)) {
    const link = def.links?.find((l) => l.field === field);
    if (link) {
      q = q.where(`${def.table}.id`, "in", (eb: Executor) =>
        eb
          .selectFrom(link.table)
          .select(link.ownerColumn)
          .where(link.targetColumn, "in", values as string[]),
      );
    } else if (values.length === 1 && values[0] === "null") {
      q = q.where(field, "is", null);
    } else {
      q = q.where(field, "in", values as string[]);
    }
  }
  if (c.q && def.search?.length) {
    const pattern = `%${c.q.toLowerCase().replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    q = q.where((eb: { or: (x: unknown[]) => unknown }) =>
      eb.or(def.search!.map((f) => sql`lower(${sql.ref(f)}) like ${pattern} escape '\\'`)),
    );
  }
  return q;
}

/** One page of rows plus the number of rows matching the criteria. */
export async function listRows(
  db: Executor,
  def: ResourceDef,
  c: ListCriteria,
  dialect: "sqlite" | "postgres",
): Promise<{ rows: Row[]; total: number }> {
  const countRow = await applyWhere(def, db.selectFrom(def.table), c)
    .select(sql<number>`count(*)`.as("n"))
    .executeTakeFirst();
  const rows = await selectRows(db, def, c, dialect);
  return { rows, total: Number(countRow?.n ?? 0) };
}

/** The rows matching the criteria, sorted and paged, without counting them. */
export async function selectRows(
  db: Executor,
  def: ResourceDef,
  c: ListCriteria,
  dialect: "sqlite" | "postgres",
): Promise<Row[]> {
  let q = applyWhere(def, db.selectFrom(def.table), c).select(columnsOf(def));
  for (const { field, desc } of [...c.sort, { field: "id", desc: false }]) {
    // Byte order for text on both databases, so SQLite and PostgreSQL list in the same order.
    const isText = field === "id" || def.sorts[field] === "text";
    const key = isText && dialect === "postgres" ? sql`${sql.ref(field)} collate "C"` : sql.ref(field);
    q = q.orderBy(key, desc ? "desc" : "asc");
  }
  return q.limit(c.limit).offset(c.offset).execute();
}

/** The row with this id, or undefined. */
export async function findRow(db: Executor, def: ResourceDef, id: string): Promise<Row | undefined> {
  return db.selectFrom(def.table).select(columnsOf(def)).where("id", "=", id).executeTakeFirst();
}

/** Ids among `ids` that exist in `table`. */
export async function existingIds(db: Executor, table: string, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom(table)
    .select("id")
    .where("id", "in", ids as string[])
    .execute();
  return new Set(rows.map((r) => r.id as string));
}

/** Link ids per owner for the given owners, in stored order. */
export async function loadLinks(
  db: Executor,
  def: ResourceDef,
  ownerIds: readonly string[],
): Promise<Map<string, Record<string, string[]>>> {
  const out = new Map<string, Record<string, string[]>>();
  for (const id of ownerIds) out.set(id, Object.fromEntries((def.links ?? []).map((l) => [l.field, []])));
  if (ownerIds.length === 0) return out;
  for (const link of def.links ?? []) {
    const rows = await db
      .selectFrom(link.table)
      .select([`${link.ownerColumn} as owner`, `${link.targetColumn} as target`])
      .where(link.ownerColumn, "in", ownerIds as string[])
      .orderBy("sort")
      .execute();
    for (const r of rows) out.get(r.owner as string)?.[link.field]?.push(r.target as string);
  }
  return out;
}

/** Replaces the link rows of one owner. */
export async function writeLinks(
  db: Executor,
  def: ResourceDef,
  ownerId: string,
  record: Row,
): Promise<void> {
  for (const link of def.links ?? []) {
    const ids = record[link.field] as string[] | undefined;
    if (ids === undefined) continue;
    await db.deleteFrom(link.table).where(link.ownerColumn, "=", ownerId).execute();
    if (ids.length === 0) continue;
    await db
      .insertInto(link.table)
      .values(ids.map((target, sort) => ({ [link.ownerColumn]: ownerId, [link.targetColumn]: target, sort })))
      .execute();
  }
}

/** Inserts one row. */
export async function insertRow(db: Executor, def: ResourceDef, row: Row): Promise<void> {
  await db.insertInto(def.table).values(row).execute();
}

/** Updates a row if its version still matches; returns whether a row changed. */
export async function updateRowAtVersion(
  db: Executor,
  def: ResourceDef,
  id: string,
  version: number,
  changes: Row,
): Promise<boolean> {
  const result = await db
    .updateTable(def.table)
    .set({ ...changes, version: version + 1 })
    .where("id", "=", id)
    .where("version", "=", version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Deletes a row (after its links); returns whether it existed. */
export async function deleteRow(db: Executor, def: ResourceDef, id: string): Promise<boolean> {
  for (const link of def.links ?? [])
    await db.deleteFrom(link.table).where(link.ownerColumn, "=", id).execute();
  const result = await db.deleteFrom(def.table).where("id", "=", id).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

/** How many rows of `table` have `column = id`. */
export async function countWhere(db: Executor, table: string, column: string, id: string): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select(sql<number>`count(*)`.as("n"))
    .where(column, "=", id)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Id of a row other than `exceptId` whose fields equal `values`, if any. */
export async function findDuplicate(
  db: Executor,
  table: string,
  values: Row,
  exceptId: string | null,
): Promise<string | undefined> {
  let q = db.selectFrom(table).select("id");
  for (const [k, v] of Object.entries(values)) q = v === null ? q.where(k, "is", null) : q.where(k, "=", v);
  if (exceptId) q = q.where("id", "!=", exceptId);
  const row = await q.executeTakeFirst();
  return row?.id as string | undefined;
}
