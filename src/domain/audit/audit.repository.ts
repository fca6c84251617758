import type { AuditAction } from "../../shared/api/audit.js";
import type { Executor, WriteContext } from "../context.js";
import { newId } from "../ids.js";
import { insertMany } from "../records/update-at-version.js";
import type { DataChange, RecordedChange } from "./data-change.js";

export type { DataChange, RecordedChange };

/** One audit entry as a service records it; `before`/`after` are wire records or null. */
export interface AuditWrite {
  readonly action: AuditAction;
  readonly entity: string;
  readonly entityId: string;
  readonly before: unknown;
  readonly after: unknown;
  /** Why (a correction's or withdrawal's reason). */
  readonly reason?: string | null;
}

/** The task force a wire record belongs to, when it names one. */
function taskForceOf(record: unknown): string | null {
  if (typeof record !== "object" || record === null || !("taskForceId" in record)) return null;
  return typeof record.taskForceId === "string" ? record.taskForceId : null;
}

/** Appends one audit entry inside the write it records (see {@link appendAudits}). */
export function appendAudit(w: WriteContext, entry: AuditWrite, change?: DataChange): Promise<void> {
  return appendAudits(w, [entry], change);
}

/**
 * Appends audit entries inside the write they record (in as few statements as the parameter limits allow), by the write's
 * actor at its clock, and notes what each changed: the write records the changes as data revisions
 * when it commits. `change`, when given, stands for what all the entries changed together (e.g.
 * every task of a task force).
 */
export async function appendAudits(
  w: WriteContext,
  entries: readonly AuditWrite[],
  change?: DataChange,
): Promise<void> {
  if (entries.length === 0) return;
  const at = w.now();
  await insertMany(
    w.uow.db,
    "audit_entries",
    entries.map((e) => ({
      id: newId(),
      at,
      actor: w.actor,
      action: e.action,
      entity: e.entity,
      entityId: e.entityId,
      before: e.before == null ? null : JSON.stringify(e.before),
      after: e.after == null ? null : JSON.stringify(e.after),
      reason: e.reason ?? null,
    })),
  );
  if (change) w.uow.changes.push(change);
  else
    for (const e of entries)
      w.uow.changes.push({
        entity: e.entity,
        entityId: e.entityId,
        taskForceId: taskForceOf(e.after) ?? taskForceOf(e.before),
      });
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
 * Moves the data revision on by one per change (inside the committing write's transaction) and
 * records what each revision changed. Taken last in every write, the counter's row lock orders
 * concurrent writers, so revisions are numbered in commit order and no write waits for another
 * while holding it.
 */
export async function recordChanges(db: Executor, changes: readonly DataChange[]): Promise<number> {
  if (changes.length === 0) return dataRevision(db);
  const { n } = await db
    .updateTable("revisions")
    .set((eb) => ({ n: eb("n", "+", changes.length) }))
    .where("scope", "=", "data")
    .returning("n")
    .executeTakeFirstOrThrow();
  const last = Number(n);
  const first = last - changes.length + 1;
  for (let k = 0; k < changes.length; k += 1000) {
    await db
      .insertInto("data_changes")
      .values(
        changes.slice(k, k + 1000).map((c, i) => ({
          revision: first + k + i,
          entity: c.entity,
          entityId: c.entityId ?? null,
          taskForceId: c.taskForceId ?? null,
        })),
      )
      .execute();
  }
  // The log only lets a snapshot catch up; one far behind reloads in full anyway. Keep it bounded.
  if (Math.floor(last / DATA_CHANGES_PRUNE_EVERY) !== Math.floor((first - 1) / DATA_CHANGES_PRUNE_EVERY))
    await db
      .deleteFrom("data_changes")
      .where("revision", "<=", last - DATA_CHANGES_KEPT)
      .execute();
  return last;
}

/** How many of the latest changes `data_changes` keeps, and how often older ones are deleted. */
export const DATA_CHANGES_KEPT = 100_000;
const DATA_CHANGES_PRUNE_EVERY = 1_000;

/** The changes after revision `since`, oldest first. */
export async function changesSince(db: Executor, since: number): Promise<RecordedChange[]> {
  const rows = await db
    .selectFrom("data_changes")
    .select(["revision", "entity", "entityId", "taskForceId"])
    .where("revision", ">", since)
    .orderBy("revision")
    .execute();
  return rows.map((r) => ({ ...r, revision: Number(r.revision) }));
}

/** The current data revision: equal numbers mean no audited change happened in between. */
export async function dataRevision(db: Executor): Promise<number> {
  const row = await db.selectFrom("revisions").select("n").where("scope", "=", "data").executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** The audit entries of records of `entity` among `ids`, oldest first (before/after parsed). */
export async function auditOfRecords(db: Executor, entity: string, ids: readonly string[]) {
  const out = [];
  // In slices: SQLite takes at most 32,766 parameters per statement.
  for (let k = 0; k < ids.length; k += 5000) {
    const rows = await db
      .selectFrom("audit_entries")
      .select(["entityId", "at", "actor", "action", "before", "after"])
      .where("entity", "=", entity)
      .where("entityId", "in", ids.slice(k, k + 5000))
      .orderBy("at")
      .orderBy("id")
      .execute();
    for (const r of rows)
      out.push({
        ...r,
        before: r.before == null ? null : JSON.parse(r.before),
        after: r.after == null ? null : JSON.parse(r.after),
      });
  }
  return out;
}
