import { preparedQuery } from "../../db/prepared.js";
import { AppError } from "../../shared/errors.js";
import type { Executor } from "../context.js";
import { clearFailures, recordFailure, throttledFor } from "./login-throttle.js";
import { verifyPassword } from "./password.js";
import {
  findUserRow,
  PRINCIPAL_USER_COLUMNS,
  type Principal,
  PrincipalCache,
  principalFor,
  type UserRow,
} from "./principal.js";
import { digest, newSecret } from "./secrets.js";

/** Session lifetimes: idle expiry and absolute expiry. */
export interface SessionPolicy {
  readonly idleMinutes: number;
  readonly absoluteHours: number;
}
export const DEFAULT_SESSION_POLICY: SessionPolicy = { idleMinutes: 120, absoluteHours: 12 };

/** A started session: the cookie value and CSRF token go to the client once. */
export interface StartedSession {
  readonly cookie: string;
  readonly csrfToken: string;
  readonly principal: Principal;
}

const BAD_LOGIN = "wrong username or password, or the account is disabled";

/**
 * Checks a login and starts a new session (a fresh id every time: rotation at login). Failed
 * attempts count against the account and the address; once either has used up its allowance the
 * attempt is refused with 429 before the password is even checked.
 */
export async function login(
  db: Executor,
  input: { username: string; password: string; address: string; previousCookie?: string },
  now: Date,
): Promise<StartedSession> {
  const wait = await throttledFor(db, input.username, input.address, now);
  if (wait !== undefined) {
    throw new AppError(
      "rate_limited",
      `too many failed logins for this account or address; try again in ${wait} minutes`,
    );
  }
  const user = await findUserRow(db, { username: input.username });
  const ok = await verifyPassword(input.password, user?.passwordHash);
  if (!user || !ok || user.disabled) {
    await recordFailure(db, input.username, input.address, now);
    throw new AppError("unauthenticated", BAD_LOGIN, { code: "BAD_LOGIN" });
  }
  await clearFailures(db, input.username);
  if (input.previousCookie)
    await db.deleteFrom("sessions").where("id", "=", digest(input.previousCookie)).execute();
  const cookie = newSecret();
  const csrfToken = newSecret();
  const iso = now.toISOString();
  await db
    .insertInto("sessions")
    .values({
      id: digest(cookie),
      userId: user.id,
      csrfToken,
      createdAt: iso,
      lastSeenAt: iso,
      expiresAt: iso,
    })
    .execute();
  return { cookie, csrfToken, principal: await principalFor(db, user, "session") };
}

/** Ends a session (unknown cookies are ignored). */
export async function logout(db: Executor, cookie: string): Promise<void> {
  await db.deleteFrom("sessions").where("id", "=", digest(cookie)).execute();
}

/** Ends every session of a user (password change, disabling). */
export async function endSessionsOf(db: Executor, userId: string, exceptCookie?: string): Promise<void> {
  let q = db.deleteFrom("sessions").where("userId", "=", userId);
  if (exceptCookie) q = q.where("id", "!=", digest(exceptCookie));
  await q.execute();
}

/** Every request's query: the session, its user and the data revision (see {@link preparedQuery}). */
const sessionQuery = preparedQuery((db, param: (name: "id") => string) =>
  db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.userId")
    .select((eb) => [
      "sessions.csrfToken",
      "sessions.createdAt",
      "sessions.lastSeenAt",
      ...PRINCIPAL_USER_COLUMNS,
      eb.selectFrom("revisions").select("n").where("scope", "=", "data").as("dataRevision"),
    ])
    .where("sessions.id", "=", param("id")),
);

/** A live session as the request sees it. */
export interface ResolvedSession {
  readonly principal: Principal;
  readonly csrfToken: string;
  /** The data revision read in the same query: reads of this request may rely on it. */
  readonly dataRevision: number;
}

/**
 * The principal and CSRF token of a live session, or undefined when the cookie is unknown, idle
 * too long, past its absolute lifetime, or its user is disabled (the session is then deleted).
 * One query reads the session, its user and the data revision; the principal comes from
 * `principals` while the revision stands.
 */
export async function resolveSession(
  db: Executor,
  cookie: string,
  now: Date,
  policy: SessionPolicy = DEFAULT_SESSION_POLICY,
  principals: PrincipalCache = new PrincipalCache(0),
): Promise<ResolvedSession | undefined> {
  const id = digest(cookie);
  const [session] = await sessionQuery(db, { id });
  if (!session) return undefined;
  const user = { ...session, passwordHash: null } as unknown as UserRow;
  const idle = now.getTime() - Date.parse(session.lastSeenAt as string) > policy.idleMinutes * 60_000;
  const old = now.getTime() - Date.parse(session.createdAt as string) > policy.absoluteHours * 3_600_000;
  if (idle || old || user.disabled) {
    await db.deleteFrom("sessions").where("id", "=", id).execute();
    return undefined;
  }
  // Touch at most once a minute: reads should not each cost a write.
  if (now.getTime() - Date.parse(session.lastSeenAt as string) > 60_000) {
    await db.updateTable("sessions").set({ lastSeenAt: now.toISOString() }).where("id", "=", id).execute();
  }
  const dataRevision = Number(session.dataRevision ?? 0);
  return {
    principal: await principals.get(db, user, "session", dataRevision),
    csrfToken: session.csrfToken as string,
    dataRevision,
  };
}
