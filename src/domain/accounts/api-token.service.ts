import { preparedQuery } from "../../db/prepared.js";
import type { Role } from "../../shared/api/org.js";
import { AppError } from "../../shared/errors.js";
import { appendAudit } from "../audit/audit.repository.js";
import type { Executor } from "../context.js";
import { newId } from "../ids.js";
import { PRINCIPAL_USER_COLUMNS, type Principal, PrincipalCache, type UserRow } from "./principal.js";
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

const COLUMNS = [
  "id",
  "userId",
  "name",
  "role",
  "taskForceId",
  "createdAt",
  "lastUsedAt",
  "revokedAt",
] as const;

/**
 * Creates an API token for the caller, scoped to one of the caller's roles and optionally one
 * task force; the secret is returned here once and stored only as a digest.
 */
export async function createApiToken(
  db: Executor,
  caller: Principal,
  input: { name: string; role: Role; taskForceId?: string | null },
  now: Date,
): Promise<{ token: string; info: ApiTokenInfo }> {
  if (caller.via === "token") throw new AppError("forbidden", "an API token cannot create API tokens");
  if (!caller.roles.includes(input.role) && !caller.roles.includes("admin")) {
    throw new AppError("forbidden", `you do not hold the role ${input.role}`, {
      details: [{ path: "role", message: "not one of your roles" }],
    });
  }
  if (input.taskForceId) {
    const tf = await db
      .selectFrom("task_forces")
      .select("id")
      .where("id", "=", input.taskForceId)
      .executeTakeFirst();
    if (!tf) {
      throw new AppError("unprocessable", `no task force with id "${input.taskForceId}"`, {
        code: "MISSING_REFERENCE",
        details: [{ path: "taskForceId", message: "not found" }],
      });
    }
  }
  const token = newSecret("gt_");
  const row = {
    id: newId(),
    userId: caller.userId,
    name: input.name,
    tokenHash: digest(token),
    role: input.role,
    taskForceId: input.taskForceId ?? null,
    createdAt: now.toISOString(),
  };
  await db.insertInto("api_tokens").values(row).execute();
  const info: ApiTokenInfo = { ...row, lastUsedAt: null, revokedAt: null } as ApiTokenInfo;
  delete (info as { tokenHash?: string }).tokenHash;
  await appendAudit(db, {
    at: row.createdAt,
    actor: caller.username,
    action: "create",
    entity: "api_token",
    entityId: row.id,
    before: null,
    after: info,
  });
  return { token, info };
}

/** The caller's tokens (an admin sees everyone's). */
export async function listApiTokens(db: Executor, caller: Principal): Promise<ApiTokenInfo[]> {
  let q = db
    .selectFrom("api_tokens")
    .select([...COLUMNS])
    .orderBy("createdAt", "desc");
  if (!caller.roles.includes("admin")) q = q.where("userId", "=", caller.userId);
  return (await q.execute()) as ApiTokenInfo[];
}

/** Revokes a token at once (its next use answers 401). Owners and admins only. */
export async function revokeApiToken(
  db: Executor,
  caller: Principal,
  id: string,
  now: Date,
): Promise<ApiTokenInfo> {
  const before = (await db
    .selectFrom("api_tokens")
    .select([...COLUMNS])
    .where("id", "=", id)
    .executeTakeFirst()) as ApiTokenInfo | undefined;
  if (!before || (before.userId !== caller.userId && !caller.roles.includes("admin"))) {
    throw new AppError("not_found", `no API token with id "${id}"`);
  }
  const revokedAt = before.revokedAt ?? now.toISOString();
  await db.updateTable("api_tokens").set({ revokedAt }).where("id", "=", id).execute();
  const after = { ...before, revokedAt };
  await appendAudit(db, {
    at: now.toISOString(),
    actor: caller.username,
    action: "update",
    entity: "api_token",
    entityId: id,
    before,
    after,
  });
  return after;
}

/** Every token-authenticated request's query: the token, its user and the data revision. */
const tokenQuery = preparedQuery((db, param: (name: "hash") => string) =>
  db
    .selectFrom("api_tokens")
    .innerJoin("users", "users.id", "api_tokens.userId")
    .select((eb) => [
      "api_tokens.id as tokenId",
      "api_tokens.role as tokenRole",
      "api_tokens.taskForceId",
      "api_tokens.revokedAt",
      "api_tokens.lastUsedAt",
      ...PRINCIPAL_USER_COLUMNS,
      eb.selectFrom("revisions").select("n").where("scope", "=", "data").as("dataRevision"),
    ])
    .where("api_tokens.tokenHash", "=", param("hash")),
);

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
  const lastUsed = row.lastUsedAt ? Date.parse(row.lastUsedAt as string) : 0;
  if (now.getTime() - lastUsed > 60_000) {
    await db
      .updateTable("api_tokens")
      .set({ lastUsedAt: now.toISOString() })
      .where("id", "=", row.tokenId as string)
      .execute();
  }
  const user = { ...row, passwordHash: null } as unknown as UserRow;
  const dataRevision = Number(row.dataRevision ?? 0);
  const principal = await principals.get(db, user, "token", dataRevision, {
    role: row.tokenRole as Role,
    taskForceId: (row.taskForceId as string | null) ?? null,
  });
  return { principal, dataRevision };
}
