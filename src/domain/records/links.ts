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

/**
 * The linked ids of each owner in each of `links` (tables keyed by the same owner), read in one
 * statement: on PostgreSQL every statement is a round trip.
 */
export async function readLinksOf(
  db: Executor,
  links: readonly LinkTable[],
  ownerIds: readonly string[],
): Promise<Map<string, string[]>[]> {
  const out = links.map(() => new Map<string, string[]>(ownerIds.map((id) => [id, []])));
  // Each owner id is bound once per table: slices keep under SQLite's 32,766 parameters.
  const size = Math.floor(5000 / Math.max(1, links.length));
  for (let k = 0; k < ownerIds.length; k += size) {
    const chunk = ownerIds.slice(k, k + size);
    const parts = links.map(
      (
        link,
        i,
      ) => sql`select ${sql.lit(i)} as k, ${sql.ref(link.owner)} as owner, ${sql.ref(link.target)} as target,
        sort from ${sql.table(link.table)} where ${sql.ref(link.owner)} in (${sql.join(chunk)})`,
    );
    const { rows } = await sql<{
      k: number;
      owner: string;
      target: string;
    }>`${sql.join(parts, sql` union all `)}
      order by k, sort`.execute(db);
    for (const r of rows) out[Number(r.k)]?.get(r.owner)?.push(r.target);
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
