import { AppError } from "../../shared/errors.js";
import { appendAudit } from "../audit/audit.repository.js";
import type { ServiceContext } from "../context.js";
import { userResource } from "../org/org.resources.js";
import { createRecord, inTransaction } from "../resource/resource.service.js";
import { hashPassword, passwordProblem, verifyPassword } from "./password.js";
import { findUserRow } from "./principal.js";
import { endSessionsOf } from "./session.service.js";

function checkRule(password: string, field: string) {
  const problem = passwordProblem(password);
  if (problem)
    throw new AppError("invalid", `${field} ${problem}`, { details: [{ path: field, message: problem }] });
}

/**
 * Sets a user's password (hashed with scrypt) and ends their sessions but `keepCookie`'s. The
 * audit entry records that the password changed, never the password or its hash.
 */
export async function setPassword(
  ctx: ServiceContext,
  userId: string,
  password: string,
  keepCookie?: string,
): Promise<void> {
  checkRule(password, "password");
  const hash = await hashPassword(password);
  await inTransaction(ctx, async (trx) => {
    const user = await findUserRow(trx, { id: userId });
    if (!user) throw new AppError("not_found", `no user with id "${userId}"`);
    const at = ctx.now();
    await trx
      .updateTable("users")
      .set({ passwordHash: hash, updatedAt: at })
      .where("id", "=", userId)
      .execute();
    await endSessionsOf(trx, userId, keepCookie);
    const mark = { username: user.username, password: "(set)" };
    await appendAudit(trx, {
      at,
      actor: ctx.actor,
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
  const user = await findUserRow(ctx.trx ?? ctx.database.db, { id: input.userId });
  if (!user || !(await verifyPassword(input.current, user.passwordHash))) {
    throw new AppError("forbidden", "the current password is wrong", {
      code: "BAD_PASSWORD",
      details: [{ path: "currentPassword", message: "wrong" }],
    });
  }
  await setPassword(ctx, input.userId, input.next, input.keepCookie);
}

/** Creates a login account with a password (the CLI's `guatu user add`). */
export async function addUser(
  ctx: ServiceContext,
  input: {
    username: string;
    displayName: string;
    roles: string[];
    personId?: string | null;
    password: string;
  },
): Promise<{ id: string }> {
  checkRule(input.password, "password");
  return inTransaction(ctx, async (trx) => {
    const c = { ...ctx, trx };
    const { password, ...fields } = input;
    const user = await createRecord(c, userResource, fields);
    await setPassword(c, user.id as string, password);
    return { id: user.id as string };
  });
}
