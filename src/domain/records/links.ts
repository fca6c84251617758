import { sql } from "kysely";
import type { Executor } from "../context.js";

/** A many-to-many field kept in a link table, ordered by `sort`. */
export interface LinkTable {
  readonly table: "task_force_goals" | "task_force_co_units" | "task_co_units" | "task_indicators";
  /** Column holding the owner's id. */
  readonly owner: "taskForceId" | "taskId";
  /** Column holding the linked record's id. */
  readonly target: "goalId" | "orgUnitId" | "indicatorId";
}

/** The linked ids of each owner, in stored order (owners without links get an empty list). */
export async function readLinks(
  db: Executor,
  link: LinkTable,
  ownerIds: readonly string[],
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>(ownerIds.map((id) => [id, []]));
  for (let k = 0; k < ownerIds.length; k += 5000) {
    const chunk = ownerIds.slice(k, k + 5000);
    const { rows } = await sql<{ owner: string; target: string }>`select ${sql.ref(link.owner)} as owner,
      ${sql.ref(link.target)} as target from ${sql.table(link.table)}
      where ${sql.ref(link.owner)} in (${sql.join(chunk)}) order by sort`.execute(db);
    for (const r of rows) out.get(r.owner)?.push(r.target);
  }
  return out;
}

/** Replaces an owner's links by `ids`, in that order. */
export async function writeLinks(
  db: Executor,
  link: LinkTable,
  ownerId: string,
  ids: readonly string[],
): Promise<void> {
  await sql`delete from ${sql.table(link.table)} where ${sql.ref(link.owner)} = ${ownerId}`.execute(db);
  if (ids.length === 0) return;
  const rows = ids.map((id, sort) => sql`(${ownerId}, ${id}, ${sort})`);
  await sql`insert into ${sql.table(link.table)} (${sql.ref(link.owner)}, ${sql.ref(link.target)}, sort)
    values ${sql.join(rows)}`.execute(db);
}
