import { setTimeout as sleep } from "node:timers/promises";
import { AppError } from "../../shared/errors.js";
import { recordChanges } from "../audit/audit.repository.js";
import type { ServiceContext, WriteContext } from "../context.js";

/** Attempts of a write that collides with concurrent writes (deadlock, serialization, busy). */
const ATTEMPTS = 4;

/** Whether a database error means "collided with another transaction; the same write may succeed". */
function isTransient(e: unknown): boolean {
  if (typeof e !== "object" || e === null || !("code" in e)) return false;
  const code = String(e.code);
  // PostgreSQL: deadlock_detected, serialization_failure; SQLite: busy past its timeout.
  return code === "40P01" || code === "40001" || code === "SQLITE_BUSY" || code === "SQLITE_BUSY_SNAPSHOT";
}

/**
 * Runs `fn` as one all-or-nothing write: inside the caller's write when there is one, else in a
 * new transaction that, before committing, records what changed as data revisions (the last lock
 * it takes). A collision with concurrent writes (PostgreSQL deadlock or serialization failure)
 * rolls back and runs `fn` again, up to four times, then answers 503 `UNAVAILABLE`: `fn` must not
 * have effects outside the database.
 */
export async function write<T>(ctx: ServiceContext, fn: (w: WriteContext) => Promise<T>): Promise<T> {
  const open = ctx.uow;
  if (open) return fn({ ...ctx, uow: open });
  for (let attempt = 1; ; attempt++) {
    try {
      return await ctx.database.db.transaction().execute(async (trx) => {
        const w: WriteContext = { ...ctx, uow: { db: trx, changes: [] } };
        const result = await fn(w);
        await recordChanges(trx, w.uow.changes);
        return result;
      });
    } catch (e) {
      if (!isTransient(e)) throw e;
      if (attempt === ATTEMPTS)
        throw new AppError("UNAVAILABLE", "the change kept colliding with other changes; try again");
      await sleep(5 + Math.random() * 20 * attempt);
    }
  }
}
