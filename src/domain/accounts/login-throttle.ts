import type { Executor } from "../context.js";
import { clearFailureCount, findFailures, restartFailures, setFailures } from "./account.repository.js";

/** Failed logins allowed per account, and per client address, within one window. */
export const THROTTLE = { perAccount: 10, perAddress: 50, windowMinutes: 15 } as const;

const keyFor = (kind: "user" | "addr", value: string) => `${kind}:${value}`;

async function count(db: Executor, key: string, now: Date): Promise<number> {
  const row = await findFailures(db, key);
  if (!row) return 0;
  const age = now.getTime() - Date.parse(row.windowStart);
  return age > THROTTLE.windowMinutes * 60_000 ? 0 : row.count;
}

/**
 * Minutes until the next attempt is allowed when the account or the address has used up its
 * failures in the current window; undefined when the attempt may proceed. Stored in the database
 * so several app instances share the count.
 */
export async function throttledFor(
  db: Executor,
  username: string,
  address: string,
  now: Date,
): Promise<number | undefined> {
  const user = await count(db, keyFor("user", username), now);
  const addr = await count(db, keyFor("addr", address), now);
  if (user < THROTTLE.perAccount && addr < THROTTLE.perAddress) return undefined;
  return THROTTLE.windowMinutes;
}

/** Counts one failed login against the account and the address. */
export async function recordFailure(
  db: Executor,
  username: string,
  address: string,
  now: Date,
): Promise<void> {
  for (const key of [keyFor("user", username), keyFor("addr", address)]) {
    const current = await count(db, key, now);
    const iso = now.toISOString();
    if (current === 0) await restartFailures(db, key, iso);
    else await setFailures(db, key, current + 1);
  }
}

/** Clears an account's failures after a successful login. */
export async function clearFailures(db: Executor, username: string): Promise<void> {
  await clearFailureCount(db, keyFor("user", username));
}
