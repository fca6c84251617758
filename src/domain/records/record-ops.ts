import { type Selectable, sql } from "kysely";
import { AppError } from "../../shared/errors.js";
import { ruleDetail } from "../../shared/messages.js";
import type { Executor, ServiceContext } from "../context.js";
import type { Database } from "../database.js";
import { notFound, staleVersion, type VersionedTable } from "./update-at-version.js";

/** The row of `table` with this id, or undefined. */
export async function findById<T extends VersionedTable>(
  db: Executor,
  table: T,
  id: string,
): Promise<Selectable<Database[T]> | undefined> {
  const { rows } = await sql<
    Selectable<Database[T]>
  >`select * from ${sql.table(table)} where id = ${id}`.execute(db);
  return rows[0];
}

/** The row of `table` with this id; 404 naming `label` otherwise. */
export async function getById<T extends VersionedTable>(
  db: Executor,
  table: T,
  id: string,
  label: string,
): Promise<Selectable<Database[T]>> {
  const row = await findById(db, table, id);
  if (!row) throw notFound(label, id);
  return row;
}

/** Deletes the row of `table` with this id (its owned link rows go by ON DELETE CASCADE or first). */
export async function deleteById(db: Executor, table: VersionedTable, id: string): Promise<void> {
  await sql`delete from ${sql.table(table)} where id = ${id}`.execute(db);
}

/** 409 `STALE_VERSION` when a delete names a version that is no longer the record's. */
export function assertVersion(
  record: { readonly id: string; readonly version: number },
  version: number | undefined,
  label: string,
): void {
  if (version !== undefined && record.version !== version)
    throw staleVersion(label, record.id, version, record.version);
}

/**
 * Refuses (409 `DUPLICATE`, naming the last field) a write whose `values` another row of `table`
 * already has (other than `exceptId`): checked before writing, for a message that says which value;
 * the unique constraint still guards a race.
 */
export async function assertUnique(
  db: Executor,
  table: VersionedTable,
  values: Readonly<Record<string, string | number | null>>,
  exceptId: string | null,
  label: string,
): Promise<void> {
  const entries = Object.entries(values);
  const conditions = entries.map(([k, v]) =>
    v === null ? sql`${sql.ref(k)} is null` : sql`${sql.ref(k)} = ${v}`,
  );
  if (exceptId) conditions.push(sql`id <> ${exceptId}`);
  const { rows } = await sql<{ id: string }>`select id from ${sql.table(table)}
    where ${sql.join(conditions, sql` and `)} limit 1`.execute(db);
  const other = rows[0]?.id;
  if (!other) return;
  const [field, value] = entries[entries.length - 1]!;
  throw duplicate(label, field, value, other);
}

/** 409 `DUPLICATE`: another record (`otherId`) already has `value` in `field`. */
export const duplicate = (label: string, field: string, value: string | number | null, otherId: string) =>
  new AppError("DUPLICATE", `a ${label} with ${field} "${value}" already exists (id ${otherId})`, [
    ruleDetail(field, "alreadyUsed", { value }),
  ]);

/** The rows of `table` with these ids, as stored, in the order asked (missing ones left out). */
export async function rowsById<T extends VersionedTable>(
  db: Executor,
  table: T,
  ids: readonly string[],
): Promise<Selectable<Database[T]>[]> {
  const found = new Map<string, Selectable<Database[T]>>();
  for (let k = 0; k < ids.length; k += 5000) {
    const { rows } = await sql<Selectable<Database[T]> & { id: string }>`select * from ${sql.table(table)}
      where id in (${sql.join(ids.slice(k, k + 5000))})`.execute(db);
    for (const r of rows) found.set(r.id, r);
  }
  return ids.flatMap((id) => found.get(id) ?? []);
}

/** Refuses (422 `IMMUTABLE_FIELD`) a change to a field fixed at creation. */
export function assertUnchanged<R extends object>(
  before: R,
  changes: Partial<R>,
  fields: readonly (keyof R & string)[],
  label: string,
): void {
  for (const f of fields) {
    if (changes[f] !== undefined && changes[f] !== before[f])
      throw new AppError("IMMUTABLE_FIELD", `${f} of a ${label} cannot be changed`, [
        ruleDetail(f, "immutable"),
      ]);
  }
}

export { notFound };

/**
 * A person's correction or withdrawal of a recorded value says why (400 `VALIDATION` on `reason`);
 * the system itself (loaders, resets) may go without.
 */
export function assertReasonGiven(ctx: ServiceContext, reason: string | undefined): void {
  if (ctx.principal && !reason?.trim())
    throw new AppError("VALIDATION", "reason: a correction or withdrawal needs a reason", [
      ruleDetail("reason", "reasonRequired"),
    ]);
}
