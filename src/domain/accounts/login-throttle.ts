import { sql } from "kysely";
import type { Executor } from "../context.js";
import { clearFailureCount } from "./account.repository.js";

/**
 * Failed logins allowed per account within one window; past `perAddress` failures from one client
 * address (password spraying), each account gets only `perAccountFromBusyAddress` from it.
 */
export const THROTTLE = {
  perAccount: 10,
  perAddress: 50,
  perAccountFromBusyAddress: 3,
  windowMinutes: 15,
} as const;

const keyFor = (kind: "user" | "addr", value: string) => `${kind}:${value}`;

/**
 * Counts one attempt against `key` in one statement and answers the count in the window, the
 * attempt included: a window older than {@link THROTTLE}'s starts again at 1. Atomic on both
 * databases (an upsert), so concurrent attempts each get their own number and none is lost.
 */
async function claim(db: Executor, key: string, now: Date): Promise<number> {
  const at = now.toISOString();
  const cutoff = new Date(now.getTime() - THROTTLE.windowMinutes * 60_000).toISOString();
  const { rows } = await sql<{ count: number | string }>`
    insert into auth_failures (key, count, window_start) values (${key}, 1, ${at})
    on conflict (key) do update set
      count = case when auth_failures.window_start < ${cutoff} then 1 else auth_failures.count + 1 end,
      window_start = case when auth_failures.window_start < ${cutoff} then ${at}
        else auth_failures.window_start end
    returning count`.execute(db);
  return Number(rows[0]?.count ?? 1);
}

/**
 * Takes one attempt of a login before its password is checked: counted against the account and
 * the address at once, so however many attempts race, at most {@link THROTTLE}.perAccount
 * passwords per account are checked in a window, and fewer from an address that failed often. Answers the
 * minutes to wait when this attempt is over either allowance, else undefined (go on). Stored in
 * the database so several app instances share the count.
 */
export async function takeAttempt(
  db: Executor,
  username: string,
  address: string,
  now: Date,
): Promise<number | undefined> {
  const user = await claim(db, keyFor("user", username), now);
  const addr = await claim(db, keyFor("addr", address), now);
  // A busy address does not lock out everyone behind it (an office behind one NAT address): an
  // account with few failures of its own still gets its attempt.
  const allowance = addr > THROTTLE.perAddress ? THROTTLE.perAccountFromBusyAddress : THROTTLE.perAccount;
  return user <= allowance ? undefined : THROTTLE.windowMinutes;
}

/**
 * After a successful login: the account's failures are forgotten, and the attempt no longer
 * counts against the address (an office's good logins never lock it out).
 */
export async function clearFailures(db: Executor, username: string, address: string): Promise<void> {
  await clearFailureCount(db, keyFor("user", username));
  await sql`update auth_failures set count = count - 1 where key = ${keyFor("addr", address)} and count > 0`.execute(
    db,
  );
}
