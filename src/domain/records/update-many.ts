import { type RawBuilder, sql } from "kysely";
import type { Executor } from "../context.js";
import type { VersionedTable } from "./update-at-version.js";

/**
 * Sets columns of many rows of `table` in one statement per thousand rows: an
 * `UPDATE … FROM (VALUES …)` (as a CTE, which SQLite ≥ 3.33 and PostgreSQL both read), moving each
 * row's version on. `rows` are `[id, ...values]` in the order of `columns` (snake_case names); every
 * value is text. The caller holds the lock that makes the values current (its task force's).
 */
export async function updateMany(
  db: Executor,
  table: VersionedTable,
  columns: readonly string[],
  rows: readonly (readonly (string | null)[])[],
  updatedAt: string,
): Promise<void> {
  const names = sql.raw(["id", ...columns].join(", "));
  const sets = sql.raw(columns.map((c) => `${c} = v.${c}`).join(", "));
  for (let k = 0; k < rows.length; k += 1000) {
    const values: RawBuilder<unknown>[] = rows.slice(k, k + 1000).map((r) => sql`(${sql.join(r)})`);
    await sql`with v (${names}) as (values ${sql.join(values)})
      update ${sql.table(table)} set ${sets}, version = version + 1, updated_at = ${updatedAt}
      from v where ${sql.table(table)}.id = v.id`.execute(db);
  }
}
