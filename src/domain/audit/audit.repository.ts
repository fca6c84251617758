import type { Executor } from "../context.js";
import { newId } from "../ids.js";

/** One audit entry as written; `before`/`after` are wire records or null. */
export interface AuditWrite {
  readonly at: string;
  readonly actor: string;
  readonly action: "create" | "update" | "delete" | "transition" | "schedule";
  readonly entity: string;
  readonly entityId: string;
  readonly before: unknown;
  readonly after: unknown;
}

/**
 * What one data revision changed, for read models that catch up by re-reading only that:
 * a record (`entity` and `entityId`), every record of an entity in a task force (`entityId` null),
 * or everything (`entity` "*").
 */
export interface DataChange {
  readonly entity: string;
  readonly entityId?: string | null;
  readonly taskForceId?: string | null;
}

/**
 * Appends an audit entry; call inside the transaction of the change it records. Every change is
 * audited, so this is also where the data revision (read by caches) moves on.
 */
export async function appendAudit(
  db: Executor,
  entry: AuditWrite,
  change: DataChange = {
    entity: entry.entity,
    entityId: entry.entityId,
    taskForceId: taskForceOf(entry.after) ?? taskForceOf(entry.before),
  },
): Promise<void> {
  await bumpDataRevision(db, change);
  await db
    .insertInto("audit_entries")
    .values({
      ...entry,
      id: newId(),
      before: entry.before == null ? null : JSON.stringify(entry.before),
      after: entry.after == null ? null : JSON.stringify(entry.after),
    })
    .execute();
}

/** The task force a wire record belongs to, when it names one. */
function taskForceOf(record: unknown): string | null {
  const id = (record as { taskForceId?: unknown } | null)?.taskForceId;
  return typeof id === "string" ? id : null;
}

/** Filters of an audit read. */
export interface AuditFilter {
  readonly entity?: string;
  readonly entityId?: string;
  readonly actor?: string;
  readonly from?: string;
  readonly to?: string;
}

/** Audit entries, newest first, with the total that match. */
export async function listAudit(db: Executor, f: AuditFilter, limit: number, offset: number) {
  let q = db.selectFrom("audit_entries");
  if (f.entity) q = q.where("entity", "=", f.entity);
  if (f.entityId) q = q.where("entityId", "=", f.entityId);
  if (f.actor) q = q.where("actor", "=", f.actor);
  if (f.from) q = q.where("at", ">=", f.from);
  if (f.to) q = q.where("at", "<=", f.to);
  const { n } = await q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  const rows = await q
    .selectAll()
    .orderBy("at", "desc")
    .orderBy("id", "desc")
    .limit(limit)
    .offset(offset)
    .execute();
  const items = rows.map((r) => ({
    ...r,
    before: r.before == null ? null : JSON.parse(r.before),
    after: r.after == null ? null : JSON.parse(r.after),
  }));
  return { items, total: Number(n) };
}

/**
 * Moves the data revision on (inside the caller's transaction) and records what it changed. The
 * counter's row lock orders concurrent writers, so revisions are numbered in commit order.
 */
export async function bumpDataRevision(db: Executor, change: DataChange): Promise<number> {
  const { n } = await db
    .updateTable("revisions")
    .set((eb) => ({ n: eb("n", "+", 1) }))
    .where("scope", "=", "data")
    .returning("n")
    .executeTakeFirstOrThrow();
  const revision = Number(n);
  await db
    .insertInto("data_changes")
    .values({
      revision,
      entity: change.entity,
      entityId: change.entityId ?? null,
      taskForceId: change.taskForceId ?? null,
    })
    .execute();
  // The log only lets a snapshot catch up; one far behind reloads in full anyway. Keep it bounded.
  if (revision % DATA_CHANGES_PRUNE_EVERY === 0)
    await db
      .deleteFrom("data_changes")
      .where("revision", "<=", revision - DATA_CHANGES_KEPT)
      .execute();
  return revision;
}

/** How many of the latest changes `data_changes` keeps, and how often older ones are deleted. */
export const DATA_CHANGES_KEPT = 100_000;
const DATA_CHANGES_PRUNE_EVERY = 1_000;

/** The changes after revision `since`, oldest first. */
export async function changesSince(
  db: Executor,
  since: number,
): Promise<(DataChange & { revision: number })[]> {
  const rows = await db
    .selectFrom("data_changes")
    .select(["revision", "entity", "entityId", "taskForceId"])
    .where("revision", ">", since)
    .orderBy("revision")
    .execute();
  return rows.map((r) => ({
    revision: Number(r.revision),
    entity: r.entity as string,
    entityId: (r.entityId as string | null) ?? null,
    taskForceId: (r.taskForceId as string | null) ?? null,
  }));
}

/** The current data revision: equal numbers mean no audited change happened in between. */
export async function dataRevision(db: Executor): Promise<number> {
  const row = await db.selectFrom("revisions").select("n").where("scope", "=", "data").executeTakeFirst();
  return Number(row?.n ?? 0);
}
