import { userSchemas } from "../../shared/api/org.js";
import { assertOrganisationWide } from "../accounts/scope.js";
import { appendAudit } from "../audit/audit.repository.js";
import { readerOf, type ServiceContext } from "../context.js";
import { newId } from "../ids.js";
import type { ListCriteria, Page } from "../records/list-page.js";
import { assertUnique, assertVersion, deleteById, notFound } from "../records/record-ops.js";
import { assertRefsExist } from "../records/references.js";
import { write } from "../records/transaction.js";
import { insertRecord, updateAtVersion } from "../records/update-at-version.js";
import type { User, UserCreate, UserUpdate } from "./org.js";
import { findUser, listUserRows, toUser } from "./org.repository.js";

const LABEL = "user";
const ENTITY = "user";

/** Login accounts matching the criteria (the route admits admins only). */
export async function listUsers(ctx: ServiceContext, c: ListCriteria): Promise<Page<User>> {
  const filters = { ...c.filters };
  // The wire filter says true/false; the column holds 1/0.
  if (filters.disabled)
    filters.disabled = filters.disabled.map((v) => (v === "true" ? "1" : v === "false" ? "0" : v));
  const { rows, total } = await listUserRows(readerOf(ctx), { ...c, filters }, ctx.database.dialect);
  return { items: rows.map(toUser), total, limit: c.limit, offset: c.offset };
}

/** One account (never its password hash); 404 when unknown. */
export async function getUser(ctx: ServiceContext, id: string): Promise<User> {
  const user = await findUser(readerOf(ctx), id);
  if (!user) throw notFound(LABEL, id);
  return user;
}

/** Creates an account without a password (set one with `setPassword`); usernames are unique. */
export function createUser(ctx: ServiceContext, input: UserCreate, id = newId()): Promise<User> {
  return write(ctx, async (w) => {
    assertOrganisationWide(w);
    const db = w.uow.db;
    const record = userSchemas.complete(input);
    await assertRefsExist(db, [{ path: "personId", table: "persons", id: record.personId }]);
    await assertUnique(db, "users", { username: record.username }, null, LABEL);
    const at = w.now();
    const row = await insertRecord(db, "users", {
      id,
      version: 1,
      createdAt: at,
      updatedAt: at,
      username: record.username,
      displayName: record.displayName,
      personId: record.personId,
      roles: JSON.stringify(record.roles),
      disabled: record.disabled ? 1 : 0,
      passwordHash: null,
    });
    const created = toUser(row);
    await appendAudit(w, { action: "create", entity: ENTITY, entityId: id, before: null, after: created });
    return created;
  });
}

/** Changes an account at its version (roles, person, disabled …). */
export function updateUser(ctx: ServiceContext, id: string, input: UserUpdate): Promise<User> {
  return write(ctx, async (w) => {
    assertOrganisationWide(w);
    const db = w.uow.db;
    const before = await getUser(w, id);
    const { version, roles, disabled, ...changes } = input;
    await assertRefsExist(db, [{ path: "personId", table: "persons", id: changes.personId }]);
    if (changes.username !== undefined)
      await assertUnique(db, "users", { username: changes.username }, id, LABEL);
    const row = await updateAtVersion(
      db,
      "users",
      { id, version, label: LABEL },
      {
        ...changes,
        ...(roles === undefined ? {} : { roles: JSON.stringify(roles) }),
        ...(disabled === undefined ? {} : { disabled: disabled ? 1 : 0 }),
        updatedAt: w.now(),
      },
    );
    const after = toUser(row);
    await appendAudit(w, { action: "update", entity: ENTITY, entityId: id, before, after });
    return after;
  });
}

/** Deletes an account (its sessions and API tokens go with it). */
export function deleteUser(ctx: ServiceContext, id: string, version?: number): Promise<void> {
  return write(ctx, async (w) => {
    assertOrganisationWide(w);
    const before = await getUser(w, id);
    assertVersion(before, version, LABEL);
    await deleteById(w.uow.db, "users", id);
    await appendAudit(w, { action: "delete", entity: ENTITY, entityId: id, before, after: null });
  });
}
