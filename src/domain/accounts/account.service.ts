import { type Role, userSchemas } from "../../shared/api/org.js";
import { AppError } from "../../shared/errors.js";
import { ruleDetail } from "../../shared/messages.js";
import { appendAudit } from "../audit/audit.repository.js";
import { readerOf, type ServiceContext } from "../context.js";
import type { User } from "../org/org.js";
import { findUser } from "../org/org.repository.js";
import { createUser } from "../org/user.service.js";
import { parseOrThrow } from "../records/parse-input.js";
import { write } from "../records/transaction.js";
import { findUserRow, revokeApiTokensOf, setPasswordHash } from "./account.repository.js";
import { hashPassword, passwordProblem, verifyPassword } from "./password.js";
import { assertOrganisationWide } from "./scope.js";
import { endSessionsOf } from "./session.service.js";

/** Refuses a password the rule does not admit, naming `field` (the body's field that carried it). */
function checkRule(password: string, field: string) {
  const problem = passwordProblem(password);
  if (!problem) return;
  const detail = ruleDetail(field, problem);
  throw new AppError("VALIDATION", `${field} ${detail.message}`, [detail]);
}

/**
 * Sets a user's password (hashed with scrypt) and ends their sessions but `keepCookie`'s. The
 * audit entry records that the password changed, never the password or its hash. An API token
 * limited to a task force may not (it acts only within it).
 */
export async function setPassword(
  ctx: ServiceContext,
  userId: string,
  password: string,
  keepCookie?: string,
): Promise<void> {
  // The routes (`POST /auth/password`, `POST /users/:id/password`) carry it as `newPassword`.
  checkRule(password, "newPassword");
  const hash = await hashPassword(password);
  await write(ctx, async (w) => {
    const db = w.uow.db;
    const user = await findUserRow(db, { id: userId });
    if (!user) throw new AppError("NOT_FOUND", `no user with id "${userId}"`);
    // A token limited to a task force must not reach a whole account (an unscoped session).
    assertOrganisationWide(w);
    await setPasswordHash(db, userId, hash, w.now());
    await endSessionsOf(db, userId, keepCookie);
    // A token made under the old password would outlive it: a changed password ends them all.
    const tokensRevoked = await revokeApiTokensOf(db, userId, w.now());
    const mark = { username: user.username, password: "(set)", tokensRevoked };
    await appendAudit(w, {
      action: "update",
      entity: "user",
      entityId: userId,
      before: null,
      after: mark,
    });
  });
}

/** Changes the caller's own password after checking the current one (other sessions end). */
export async function changeOwnPassword(
  ctx: ServiceContext,
  input: { userId: string; current: string; next: string; keepCookie?: string },
): Promise<void> {
  const user = await findUserRow(readerOf(ctx), { id: input.userId });
  if (!user || !(await verifyPassword(input.current, user.passwordHash)))
    throw new AppError("BAD_PASSWORD", "the current password is wrong", [
      ruleDetail("currentPassword", "wrongPassword"),
    ]);
  await setPassword(ctx, input.userId, input.next, input.keepCookie);
}

/**
 * Creates a login account and, when given, its first password in one transaction (the CLI's
 * `guatu user add`, `POST /users`): a password the rule refuses creates nothing.
 */
export async function addUser(
  ctx: ServiceContext,
  input: {
    username: string;
    displayName: string;
    roles?: Role[];
    personId?: string | null;
    disabled?: boolean;
    password?: string | undefined;
  },
): Promise<User> {
  if (input.password !== undefined) checkRule(input.password, "password");
  return write(ctx, async (w) => {
    const { password, ...fields } = input;
    const user = await createUser(w, parseOrThrow(userSchemas.create, fields, "user"));
    if (password === undefined) return user;
    await setPassword(w, user.id, password);
    return (await findUser(w.uow.db, user.id)) ?? user;
  });
}

/** The caller's own account (without its password hash). */
export async function ownAccount(ctx: ServiceContext, userId: string): Promise<User> {
  const user = await findUser(readerOf(ctx), userId);
  if (!user) throw new AppError("UNAUTHENTICATED", "the account no longer exists");
  return user;
}

/** Sets the password of the account named `username` (the CLI's `guatu user passwd`); 422 when there is none. */
export async function setPasswordOf(ctx: ServiceContext, username: string, password: string): Promise<void> {
  const row = await findUserRow(readerOf(ctx), { username });
  if (!row) throw new AppError("VALIDATION", `user ${username}: no such account`);
  await setPassword(ctx, row.id, password);
}
