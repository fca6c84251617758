import { orgUnitSchemas, personSchemas, userSchemas } from "../../shared/api/org.js";
import type { ResourceDef } from "../resource/resource-def.js";
import { rejectSelfParent } from "../resource/tree-rules.js";

/** Org units (单位): a tree. */
export const orgUnitResource: ResourceDef = {
  name: "org_unit",
  label: "org unit",
  path: "org-units",
  table: "org_units",
  schemas: orgUnitSchemas,
  defaults: orgUnitSchemas.spec.defaults,
  refs: [{ field: "parentId", target: "org-units" }],
  uniques: [["code"]],
  filters: ["parentId", "kind"],
  sorts: { code: "text", name: "text", sort: "number", kind: "text" },
  defaultSort: ["sort", "code"],
  search: ["name", "code"],
  hooks: { beforeWrite: rejectSelfParent("org_units", "org unit") },
};

/** People who hold posts and own work. */
export const personResource: ResourceDef = {
  name: "person",
  label: "person",
  path: "persons",
  table: "persons",
  schemas: personSchemas,
  defaults: personSchemas.spec.defaults,
  refs: [{ field: "orgUnitId", target: "org-units" }],
  filters: ["orgUnitId"],
  sorts: { name: "text", post: "text" },
  defaultSort: ["id"],
  search: ["name", "post"],
};

/** Login accounts (passwords are handled by the accounts service, never here). */
export const userResource: ResourceDef = {
  name: "user",
  label: "user",
  path: "users",
  table: "users",
  schemas: userSchemas,
  defaults: userSchemas.spec.defaults,
  jsonFields: ["roles"],
  boolFields: ["disabled"],
  refs: [{ field: "personId", target: "persons" }],
  uniques: [["username"]],
  filters: ["personId", "disabled"],
  sorts: { username: "text", displayName: "text" },
  defaultSort: ["username"],
  search: ["username", "displayName"],
};
