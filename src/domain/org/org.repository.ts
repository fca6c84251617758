import type { Selectable } from "kysely";
import { userSchemas } from "../../shared/api/org.js";
import type { Executor } from "../context.js";
import { fromJson } from "../records/json-column.js";
import { textSortsOf } from "../records/list.js";
import { type ListCriteria, listPage } from "../records/list-page.js";
import { ORG_UNIT_LIST, PERSON_LIST, USER_LIST, type User } from "./org.js";
import type { UserTable } from "./org.table.js";

type Dialect = "sqlite" | "postgres";

const ORG_UNIT_COLUMNS = [
  "id",
  "version",
  "createdAt",
  "updatedAt",
  "code",
  "name",
  "kind",
  "parentId",
  "sort",
  "headPersonId",
] as const;
const PERSON_COLUMNS = [
  "id",
  "version",
  "createdAt",
  "updatedAt",
  "name",
  "orgUnitId",
  "post",
  "phone",
  "email",
] as const;
const USER_COLUMNS = [
  "id",
  "version",
  "createdAt",
  "updatedAt",
  "username",
  "displayName",
  "personId",
  "roles",
  "disabled",
] as const;

/** A user row (never with its password hash) → the wire record. */
export function toUser(row: Omit<Selectable<UserTable>, "passwordHash">): User {
  return {
    id: row.id,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    username: row.username,
    displayName: row.displayName,
    personId: row.personId,
    roles: fromJson(userSchemas.entity.shape.roles, row.roles),
    disabled: row.disabled === 1,
  };
}

export const listOrgUnitRows = (db: Executor, c: ListCriteria, dialect: Dialect) =>
  listPage(
    db,
    {
      table: "org_units",
      columns: ORG_UNIT_COLUMNS,
      textSorts: textSortsOf(ORG_UNIT_LIST),
      search: ORG_UNIT_LIST.search,
      dialect,
    },
    c,
  );

export const listPersonRows = (db: Executor, c: ListCriteria, dialect: Dialect) =>
  listPage(
    db,
    {
      table: "persons",
      columns: PERSON_COLUMNS,
      textSorts: textSortsOf(PERSON_LIST),
      search: PERSON_LIST.search,
      dialect,
    },
    c,
  );

export const listUserRows = (db: Executor, c: ListCriteria, dialect: Dialect) =>
  listPage(
    db,
    {
      table: "users",
      columns: USER_COLUMNS,
      textSorts: textSortsOf(USER_LIST),
      search: USER_LIST.search,
      dialect,
    },
    c,
  );

/** The user with this id (without the password hash), or undefined. */
export async function findUser(db: Executor, id: string): Promise<User | undefined> {
  const row = await db.selectFrom("users").select(USER_COLUMNS).where("id", "=", id).executeTakeFirst();
  return row ? toUser(row) : undefined;
}

/** Names of every org unit and person, by id (for read models that name what they list). */
export async function unitAndPersonNames(
  db: Executor,
): Promise<{ units: Map<string, string>; persons: Map<string, string> }> {
  const units = await db.selectFrom("org_units").select(["id", "name"]).execute();
  const persons = await db.selectFrom("persons").select(["id", "name"]).execute();
  return {
    units: new Map(units.map((r) => [r.id, r.name])),
    persons: new Map(persons.map((r) => [r.id, r.name])),
  };
}

/** Names of some org units or persons, by id (those that exist). */
export async function namesByIds(
  db: Executor,
  table: "org_units" | "persons",
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  // Callers pass one id per record that names it (every share of a street's unit): each asked once.
  const unique = [...new Set(ids)];
  const rows = await db.selectFrom(table).select(["id", "name"]).where("id", "in", unique).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
