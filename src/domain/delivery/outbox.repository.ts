import type { Selectable } from "kysely";
import type { OutboxState, OutboxTable } from "../chasing/chasing.table.js";
import type { Executor } from "../context.js";

export type OutboxRow = Selectable<OutboxTable>;

/** A claimed row's fence: its id and the attempt number its claim gave it. */
export interface Claimed {
  readonly id: string;
  readonly attempts: number;
}

/**
 * Claims up to `limit` due rows (pending, due by `now`, lease free or run out) in one statement:
 * sets their lease to `until` and counts the attempt. On PostgreSQL the rows are picked
 * `FOR UPDATE SKIP LOCKED`, so concurrent claims (other app instances) take disjoint rows and never
 * wait for each other; a row another claim just leased fails the re-checked condition. SQLite runs
 * one writer at a time, so the same statement without the lock clause is as safe. Times are ISO
 * 8601 UTC strings, which order as text.
 */
export function claimDue(
  db: Executor,
  dialect: "sqlite" | "postgres",
  c: { readonly now: string; readonly until: string; readonly limit: number },
): Promise<OutboxRow[]> {
  return db
    .updateTable("outbox")
    .set((eb) => ({ attempts: eb("attempts", "+", 1), lockedUntil: c.until }))
    .where("id", "in", (eb) => {
      const due = eb
        .selectFrom("outbox")
        .select("id")
        .where("state", "=", "pending")
        .where("nextAttemptAt", "<=", c.now)
        .where((w) => w.or([w("lockedUntil", "is", null), w("lockedUntil", "<=", c.now)]))
        .orderBy("nextAttemptAt")
        .limit(c.limit);
      return dialect === "postgres" ? due.forUpdate().skipLocked() : due;
    })
    .returningAll()
    .execute();
}

/**
 * Marks claimed rows sent, each only while its claim still holds (still pending at the attempt the
 * claim gave it: a worker whose lease ran out and whose row was claimed again changes nothing).
 * Returns how many rows changed.
 */
export async function markSent(db: Executor, rows: readonly Claimed[], at: string): Promise<number> {
  const byAttempt = new Map<number, string[]>();
  for (const r of rows) byAttempt.set(r.attempts, [...(byAttempt.get(r.attempts) ?? []), r.id]);
  let changed = 0;
  for (const [attempts, ids] of byAttempt)
    for (let i = 0; i < ids.length; i += 500) {
      const res = await db
        .updateTable("outbox")
        .set({ state: "sent", sentAt: at, lockedUntil: null, lastError: null })
        .where("state", "=", "pending")
        .where("attempts", "=", attempts)
        .where("id", "in", ids.slice(i, i + 500))
        .executeTakeFirst();
      changed += Number(res.numUpdatedRows);
    }
  return changed;
}

/** Records a failed attempt (retry later, or dead), while the claim still holds; whether the row changed. */
export async function markFailed(
  db: Executor,
  row: Claimed,
  next: { readonly state: "pending" | "dead"; readonly nextAttemptAt: string; readonly lastError: string },
): Promise<boolean> {
  const res = await db
    .updateTable("outbox")
    .set({ ...next, lockedUntil: null })
    .where("id", "=", row.id)
    .where("state", "=", "pending")
    .where("attempts", "=", row.attempts)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** A page of outbox rows, newest first, optionally of one state. */
export async function listOutboxRows(
  db: Executor,
  c: { readonly state?: OutboxState; readonly limit: number; readonly offset: number },
): Promise<{ rows: OutboxRow[]; total: number }> {
  let q = db.selectFrom("outbox");
  if (c.state) q = q.where("state", "=", c.state);
  const counted = await q.select((eb) => eb.fn.countAll().as("n")).executeTakeFirst();
  const rows = await q
    .selectAll()
    .orderBy("createdAt", "desc")
    .orderBy("id")
    .limit(c.limit)
    .offset(c.offset)
    .execute();
  return { rows, total: Number(counted?.n ?? 0) };
}

/** One outbox row, or undefined. */
export const getOutboxRow = (db: Executor, id: string): Promise<OutboxRow | undefined> =>
  db.selectFrom("outbox").selectAll().where("id", "=", id).executeTakeFirst();

/** A dead row back to pending, due at `now`, its attempts counted afresh; whether it was dead. */
export async function reviveDead(db: Executor, id: string, now: string): Promise<boolean> {
  const res = await db
    .updateTable("outbox")
    .set({ state: "pending", attempts: 0, nextAttemptAt: now, lockedUntil: null })
    .where("id", "=", id)
    .where("state", "=", "dead")
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}
