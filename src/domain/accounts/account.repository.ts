import { type Insertable, sql } from "kysely";
import { preparedQuery } from "../../db/prepared.js";
import type { Db as Executor } from "../database.js";
import type { ApiTokenTable, SessionTable } from "./account.table.js";

/** A user row as the accounts code reads it (`roles` JSON text, `disabled` 0/1). */
export interface UserRow {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly personId: string | null;
  readonly roles: string;
  readonly disabled: number;
  readonly passwordHash: string | null;
}

/** The user columns a request's principal is built from, read with its session or API token. */
export const PRINCIPAL_USER_COLUMNS = [
  "users.id",
  "users.username",
  "users.displayName",
  "users.personId",
  "users.roles",
  "users.disabled",
] as const;

/** Reads a user by id or username (including the password hash: never hand this row out). */
export async function findUserRow(
  db: Executor,
  by: { id?: string; username?: string },
): Promise<UserRow | undefined> {
  let q = db
    .selectFrom("users")
    .select(["id", "username", "displayName", "personId", "roles", "disabled", "passwordHash"]);
  q = by.id ? q.where("id", "=", by.id) : q.where("username", "=", by.username ?? "");
  return q.executeTakeFirst();
}

/** Stores a user's password hash. */
export async function setPasswordHash(db: Executor, userId: string, hash: string, at: string): Promise<void> {
  await db.updateTable("users").set({ passwordHash: hash, updatedAt: at }).where("id", "=", userId).execute();
}

/**
 * The task forces a person belongs to (with the membership's role), or owns tasks or indicators in
 * (role null): one round trip.
 */
export async function taskForcesOfPerson(
  db: Executor,
  personId: string,
): Promise<{ taskForceId: string; role: string | null }[]> {
  const { rows } = await sql<{ taskForceId: string; role: string | null }>`
    select task_force_id as "taskForceId", role from task_force_members where person_id = ${personId}
    union all select distinct task_force_id, null from tasks where responsible_person_id = ${personId}
    union all select distinct task_force_id, null from indicators where owner_person_id = ${personId}`.execute(
    db,
  );
  return rows;
}

/** Stores a new session. */
export async function insertSession(db: Executor, row: Insertable<SessionTable>): Promise<void> {
  await db.insertInto("sessions").values(row).execute();
}

/** Deletes a session by its id (the cookie's digest). */
export async function deleteSession(db: Executor, id: string): Promise<void> {
  await db.deleteFrom("sessions").where("id", "=", id).execute();
}

/** Deletes every session of a user but the one with id `exceptId`. */
export async function deleteSessionsOf(db: Executor, userId: string, exceptId?: string): Promise<void> {
  let q = db.deleteFrom("sessions").where("userId", "=", userId);
  if (exceptId) q = q.where("id", "!=", exceptId);
  await q.execute();
}

/** Marks a session as seen now. */
export async function touchSession(db: Executor, id: string, at: string): Promise<void> {
  await db.updateTable("sessions").set({ lastSeenAt: at }).where("id", "=", id).execute();
}

/** Every request's query: the session, its user and the data revision (see {@link preparedQuery}). */
export const sessionQuery = preparedQuery((db, param: (name: "id") => never) =>
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

/** Every token-authenticated request's query: the token, its user and the data revision. */
export const tokenQuery = preparedQuery((db, param: (name: "hash") => never) =>
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

const TOKEN_COLUMNS = [
  "id",
  "userId",
  "name",
  "role",
  "taskForceId",
  "createdAt",
  "lastUsedAt",
  "revokedAt",
] as const;

/** Stores a new API token (its digest, never the secret). */
export async function insertApiToken(db: Executor, row: Insertable<ApiTokenTable>): Promise<void> {
  await db.insertInto("api_tokens").values(row).execute();
}

/** API tokens, newest first: a user's, or everyone's (null). */
export function apiTokensOf(db: Executor, userId: string | null) {
  let q = db.selectFrom("api_tokens").select(TOKEN_COLUMNS).orderBy("createdAt", "desc");
  if (userId) q = q.where("userId", "=", userId);
  return q.execute();
}

/** Revokes every live API token of a user at `at` (a password change ends them); how many it revoked. */
export async function revokeApiTokensOf(db: Executor, userId: string, at: string): Promise<number> {
  const r = await db
    .updateTable("api_tokens")
    .set({ revokedAt: at })
    .where("userId", "=", userId)
    .where("revokedAt", "is", null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** One API token (without its digest), or undefined. */
export function findApiToken(db: Executor, id: string) {
  return db.selectFrom("api_tokens").select(TOKEN_COLUMNS).where("id", "=", id).executeTakeFirst();
}

/** Sets a token's revocation or last use. */
export async function updateApiToken(
  db: Executor,
  id: string,
  changes: { revokedAt?: string; lastUsedAt?: string },
): Promise<void> {
  await db.updateTable("api_tokens").set(changes).where("id", "=", id).execute();
}

/** Forgets a failure counter. */
export async function clearFailureCount(db: Executor, key: string): Promise<void> {
  await db.deleteFrom("auth_failures").where("key", "=", key).execute();
}
