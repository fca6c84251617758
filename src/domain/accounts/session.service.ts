import { AppError } from "../../shared/errors.js";
import type { Executor } from "../context.js";
import {
  deleteSession,
  deleteSessionsOf,
  findUserRow,
  insertSession,
  sessionQuery,
  touchSession,
  type UserRow,
} from "./account.repository.js";
import { clearFailures, takeAttempt } from "./login-throttle.js";
import { verifyPassword } from "./password.js";
import { type Principal, PrincipalCache, principalFor } from "./principal.js";
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
 * Checks a login and starts a new session (a fresh id every time: rotation at login). Every
 * attempt is counted against the account and the address before the password is checked (a
 * success takes it back); once either has used up its allowance the attempt is refused with 429.
 */
export async function login(
  db: Executor,
  input: { username: string; password: string; address: string; previousCookie?: string },
  now: Date,
): Promise<StartedSession> {
  const wait = await takeAttempt(db, input.username, input.address, now);
  if (wait !== undefined) {
    throw new AppError(
      "RATE_LIMITED",
      `too many failed logins for this account or address; try again in ${wait} minutes`,
    );
  }
  const user = await findUserRow(db, { username: input.username });
  const ok = await verifyPassword(input.password, user?.passwordHash);
  // The attempt was counted before the check: a failure has nothing more to record.
  if (!user || !ok || user.disabled) throw new AppError("BAD_LOGIN", BAD_LOGIN);
  await clearFailures(db, input.username, input.address);
  if (input.previousCookie) await deleteSession(db, digest(input.previousCookie));
  const cookie = newSecret();
  const csrfToken = newSecret();
  const iso = now.toISOString();
  await insertSession(db, {
    id: digest(cookie),
    userId: user.id,
    csrfToken,
    createdAt: iso,
    lastSeenAt: iso,
    expiresAt: iso,
  });
  return { cookie, csrfToken, principal: await principalFor(db, user, "session") };
}

/** Ends a session (unknown cookies are ignored). */
export async function logout(db: Executor, cookie: string): Promise<void> {
  await deleteSession(db, digest(cookie));
}

/** Ends every session of a user (password change, disabling). */
export async function endSessionsOf(db: Executor, userId: string, exceptCookie?: string): Promise<void> {
  await deleteSessionsOf(db, userId, exceptCookie ? digest(exceptCookie) : undefined);
}

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
  const user: UserRow = { ...session, passwordHash: null };
  const idle = now.getTime() - Date.parse(session.lastSeenAt) > policy.idleMinutes * 60_000;
  const old = now.getTime() - Date.parse(session.createdAt) > policy.absoluteHours * 3_600_000;
  if (idle || old || user.disabled) {
    await deleteSession(db, id);
    return undefined;
  }
  // Touch at most once a minute: reads should not each cost a write.
  if (now.getTime() - Date.parse(session.lastSeenAt) > 60_000) await touchSession(db, id, now.toISOString());
  const dataRevision = Number(session.dataRevision ?? 0);
  return {
    principal: await principals.get(db, user, "session", dataRevision),
    csrfToken: session.csrfToken,
    dataRevision,
  };
}
