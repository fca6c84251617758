import type { Role } from "../../shared/api/org.js";
import { AppError } from "../../shared/errors.js";
import { ruleDetail } from "../../shared/messages.js";
import { appendAudit } from "../audit/audit.repository.js";
import { type Executor, readerOf, type ServiceContext } from "../context.js";
import { newId } from "../ids.js";
import { assertRefsExist } from "../records/references.js";
import { write } from "../records/transaction.js";
import {
  apiTokensOf,
  findApiToken,
  insertApiToken,
  tokenQuery,
  type UserRow,
  updateApiToken,
} from "./account.repository.js";
import { type Principal, PrincipalCache } from "./principal.js";
import { digest, newSecret } from "./secrets.js";

/** An API token as listed (never with its secret). */
export interface ApiTokenInfo {
  readonly id: string;
  readonly userId: string;
  readonly name: string;
  readonly role: Role;
  readonly taskForceId: string | null;
  readonly createdAt: string;
  readonly lastUsedAt: string | null;
  readonly revokedAt: string | null;
}

/**
 * Creates an API token for the caller, scoped to one of the caller's roles and optionally one
 * task force; the secret is returned here once and stored only as a digest.
 */
export function createApiToken(
  ctx: ServiceContext,
  caller: Principal,
  input: { name: string; role: Role; taskForceId?: string | null | undefined },
): Promise<{ token: string; info: ApiTokenInfo }> {
  return write(ctx, async (w) => {
    if (caller.via === "token") throw new AppError("FORBIDDEN", "an API token cannot create API tokens");
    if (!caller.roles.includes(input.role) && !caller.roles.includes("admin"))
      throw new AppError("FORBIDDEN", `you do not hold the role ${input.role}`, [
        ruleDetail("role", "notYourRole"),
      ]);
    await assertRefsExist(w.uow.db, [{ path: "taskForceId", table: "task_forces", id: input.taskForceId }]);
    const token = newSecret("gt_");
    const info: ApiTokenInfo = {
      id: newId(),
      userId: caller.userId,
      name: input.name,
      role: input.role,
      taskForceId: input.taskForceId ?? null,
      createdAt: w.now(),
      lastUsedAt: null,
      revokedAt: null,
    };
    await insertApiToken(w.uow.db, { ...info, tokenHash: digest(token) });
    await appendAudit(w, {
      action: "create",
      entity: "api_token",
      entityId: info.id,
      before: null,
      after: info,
    });
    return { token, info };
  });
}

/** The caller's tokens (an admin sees everyone's). */
export async function listApiTokens(ctx: ServiceContext, caller: Principal): Promise<ApiTokenInfo[]> {
  return apiTokensOf(readerOf(ctx), caller.roles.includes("admin") ? null : caller.userId);
}

/** Revokes a token at once (its next use answers 401). Owners and admins only. */
export function revokeApiToken(ctx: ServiceContext, caller: Principal, id: string): Promise<ApiTokenInfo> {
  return write(ctx, async (w) => {
    const db = w.uow.db;
    const before = await findApiToken(db, id);
    if (!before || (before.userId !== caller.userId && !caller.roles.includes("admin")))
      throw new AppError("NOT_FOUND", `no API token with id "${id}"`);
    const revokedAt = before.revokedAt ?? w.now();
    await updateApiToken(db, id, { revokedAt });
    const after = { ...before, revokedAt };
    await appendAudit(w, { action: "update", entity: "api_token", entityId: id, before, after });
    return after;
  });
}

/**
 * The principal of a live, unrevoked token of an enabled user, with the data revision read in the
 * same query, or undefined. Stamps the token's last use, at most once a minute (as sessions do).
 */
export async function resolveApiToken(
  db: Executor,
  token: string,
  now: Date,
  principals: PrincipalCache = new PrincipalCache(0),
): Promise<{ principal: Principal; dataRevision: number } | undefined> {
  const [row] = await tokenQuery(db, { hash: digest(token) });
  if (!row || row.revokedAt || row.disabled) return undefined;
  const lastUsed = row.lastUsedAt ? Date.parse(row.lastUsedAt) : 0;
  if (now.getTime() - lastUsed > 60_000)
    await updateApiToken(db, row.tokenId, { lastUsedAt: now.toISOString() });
  const user: UserRow = { ...row, passwordHash: null };
  const dataRevision = Number(row.dataRevision ?? 0);
  const principal = await principals.get(db, user, "token", dataRevision, {
    role: row.tokenRole,
    taskForceId: row.taskForceId,
  });
  return { principal, dataRevision };
}
