import { CompiledQuery, type Insertable, type Selectable, sql, type Updateable } from "kysely";
import { AppError } from "../../shared/errors.js";
import { ruleDetail } from "../../shared/messages.js";
import type { Executor } from "../context.js";
import type { Database } from "../database.js";
import type { RecordColumns } from "./record.table.js";

/** Tables of versioned records (id, version, createdAt, updatedAt). */
export type VersionedTable = {
  [K in keyof Database]: Database[K] extends RecordColumns ? K : never;
}[keyof Database];

/** 404 naming the kind of record and the id asked for. */
export const notFound = (label: string, id: string) =>
  new AppError("NOT_FOUND", `no ${label} with id "${id}"`, [ruleDetail("id", "notFound")]);

/** 409 `STALE_VERSION`: nothing was changed; the client reloads and reapplies. */
export function staleVersion(label: string, id: string, sent: number, current: number | null) {
  const now = current === null ? "it was changed meanwhile" : `it is now at version ${current}`;
  return new AppError(
    "STALE_VERSION",
    `${label} ${id} was changed by someone else: you sent version ${sent}, ${now}`,
    [ruleDetail("version", "staleVersion")],
  );
}

/**
 * Updates one record if it is still at `version` (and moves it to `version + 1`), returning the
 * row as it is now; throws 409 `STALE_VERSION` when no row changed — another write got there first
 * (with two writers on PostgreSQL the second waits for the first, then finds the version moved on).
 */
export async function updateAtVersion<T extends VersionedTable>(
  db: Executor,
  table: T,
  target: { readonly id: string; readonly version: number; readonly label: string },
  changes: Updateable<Database[T]>,
): Promise<Selectable<Database[T]>> {
  const sets = Object.entries(changes)
    .filter(([k, v]) => v !== undefined && k !== "version" && k !== "id")
    .map(([k, v]) => sql`${sql.ref(k)} = ${v}`);
  sets.push(sql`version = ${target.version + 1}`);
  const { rows } = await sql<Selectable<Database[T]>>`update ${sql.table(table)} set ${sql.join(sets)}
    where id = ${target.id} and version = ${target.version} returning *`.execute(db);
  const row = rows[0];
  if (!row) throw staleVersion(target.label, target.id, target.version, null);
  return row;
}

/** Inserts one versioned record's row and returns it as stored. */
export async function insertRecord<T extends VersionedTable>(
  db: Executor,
  table: T,
  row: Insertable<Database[T]>,
): Promise<Selectable<Database[T]>> {
  const entries = Object.entries(row).filter(([, v]) => v !== undefined);
  const { rows } = await sql<Selectable<Database[T]>>`insert into ${sql.table(table)}
    (${sql.join(entries.map(([k]) => sql.ref(k)))}) values (${sql.join(entries.map(([, v]) => v))})
    returning *`.execute(db);
  const stored = rows[0];
  if (!stored) throw new AppError("INTERNAL", `insert into ${table} returned no row`);
  return stored;
}

/**
 * Inserts many rows of one table, as few statements as the databases allow. Every row names the same
 * columns; rows are inserted in order, so a parent listed before its children satisfies their
 * foreign key. SQLite takes multi-row VALUES (at most 32,766 parameters per statement); PostgreSQL
 * takes the rows as ONE parameter, a JSON array read by `json_populate_recordset` into the table's
 * own column types: 30,000 numbered parameters cost it more to bind and parse than the JSON does.
 * Statements are built as text with their parameters, not as query trees: at 100,000 rows the
 * trees' garbage alone took hundreds of megabytes.
 */
export async function insertMany<T extends keyof Database>(
  db: Executor,
  table: T,
  rows: readonly Insertable<Database[T]>[],
): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const columns = Object.keys(first);
  const names = columns.map(snakeCase);
  // The dialect's placeholder ("?" or "$1"), learnt from a compiled probe.
  const postgres = sql`select ${1}`.compile(db).sql.includes("$1");
  if (postgres) {
    const list = names.join(", ");
    const head = `insert into ${table} (${list}) select ${list} from json_populate_recordset(null::${table}, $1)`;
    const keys = names.map((n, i) => `${i ? "," : "{"}${JSON.stringify(n)}:`);
    for (let k = 0; k < rows.length; k += JSON_ROWS) {
      const parts: string[] = [];
      for (const r of rows.slice(k, k + JSON_ROWS)) {
        const row: Record<string, unknown> = r;
        let out = "";
        for (let i = 0; i < columns.length; i++) out += keys[i] + jsonValue(row[columns[i]!]);
        parts.push(`${out}}`);
      }
      await db.executeQuery(CompiledQuery.raw(head, [`[${parts.join(",")}]`]));
    }
    return;
  }
  const per = Math.max(1, Math.floor(30_000 / columns.length));
  const head = `insert into ${table} (${names.join(", ")}) values `;
  for (let k = 0; k < rows.length; k += per) {
    const slice = rows.slice(k, k + per);
    const params: unknown[] = [];
    const tuples: string[] = [];
    const marks = `(${columns.map(() => "?").join(", ")})`;
    for (const r of slice) {
      const row: Record<string, unknown> = r;
      for (const c of columns) params.push(row[c] ?? null);
      tuples.push(marks);
    }
    await db.executeQuery(CompiledQuery.raw(head + tuples.join(", "), params));
  }
}

/** Rows per PostgreSQL statement: a few megabytes of JSON, so no one string grows without bound. */
const JSON_ROWS = 5000;

/**
 * A column value as JSON, as PostgreSQL's own text input would read the bound parameter: strings,
 * numbers and booleans as they are, missing as null (a column of the table's type, never jsonb).
 */
function jsonValue(v: unknown): string {
  if (v === undefined || v === null) return "null";
  if (typeof v === "number" && !Number.isFinite(v))
    throw new AppError("INTERNAL", `insertMany: ${v} cannot be stored`);
  if (typeof v === "object") throw new AppError("INTERNAL", "insertMany: rows hold scalars only");
  return JSON.stringify(v);
}

/** A property name as its column (the CamelCasePlugin's mapping, which raw queries bypass). */
const snakeCase = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
