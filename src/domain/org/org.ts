import type { z } from "zod";
import type { orgUnitSchemas, personSchemas, userSchemas } from "../../shared/api/org.js";
import type { ListFields } from "../records/list.js";

export type OrgUnit = z.output<typeof orgUnitSchemas.entity>;
export type OrgUnitCreate = z.output<typeof orgUnitSchemas.create>;
export type OrgUnitUpdate = z.output<typeof orgUnitSchemas.update>;
export type Person = z.output<typeof personSchemas.entity>;
export type PersonCreate = z.output<typeof personSchemas.create>;
export type PersonUpdate = z.output<typeof personSchemas.update>;
export type User = z.output<typeof userSchemas.entity>;
export type UserCreate = z.output<typeof userSchemas.create>;
export type UserUpdate = z.output<typeof userSchemas.update>;

/** Lists of org units (单位): a tree ordered by `sort`, then code. */
export const ORG_UNIT_LIST: ListFields = {
  filters: ["parentId", "kind"],
  sorts: { code: "text", name: "text", sort: "number", kind: "text" },
  defaultSort: ["sort", "code"],
  search: ["name", "code"],
};

/** Lists of people. */
export const PERSON_LIST: ListFields = {
  filters: ["orgUnitId"],
  sorts: { name: "text", post: "text" },
  defaultSort: ["id"],
  search: ["name", "post"],
};

/** Lists of login accounts. */
export const USER_LIST: ListFields = {
  filters: ["personId", "disabled"],
  sorts: { username: "text", displayName: "text" },
  defaultSort: ["username"],
  search: ["username", "displayName"],
  filterKinds: { disabled: "flag" },
};
