import { z } from "zod";
import { ORG_UNIT_KINDS, type OrgUnitKind } from "../../vocabulary/index.js";
import { keyed } from "../messages.js";
import { id, requiredText, text } from "./common.js";
import { defineEntity } from "./define.js";

export const orgUnitKinds = ORG_UNIT_KINDS;
export type { OrgUnitKind };

/** An organisational unit (单位): the tree province → city → district → department/street. */
export const orgUnitSchemas = defineEntity({
  name: "OrgUnit",
  fields: {
    code: requiredText(40),
    name: requiredText(100),
    kind: z.enum(orgUnitKinds),
    parentId: id.nullable(),
    sort: z.number().int().min(0).max(1_000_000),
    /** The unit's head (负责人): told when an owner of the unit misses a deadline past their grace. */
    headPersonId: id.nullable(),
  },
  readOnly: {},
  required: ["code", "name", "kind"],
  defaults: { parentId: null, sort: 0, headPersonId: null },
});
export type OrgUnit = z.output<typeof orgUnitSchemas.entity>;

/** A person who can hold a post, own tasks and answer supervision items. */
export const personSchemas = defineEntity({
  name: "Person",
  fields: {
    name: requiredText(60),
    orgUnitId: id.nullable(),
    post: text(100).nullable(),
    phone: text(40).nullable(),
    email: text(120).nullable(),
  },
  readOnly: {},
  required: ["name"],
  defaults: { orgUnitId: null, post: null, phone: null, email: null },
});
export type Person = z.output<typeof personSchemas.entity>;

/** Roles of the access policy (see src/http/policy.ts). */
export const roles = ["admin", "supervisor", "leader", "lead", "member", "viewer"] as const;
export type Role = (typeof roles)[number];

/** A login account, optionally linked to a Person. Passwords never appear on the wire. */
export const userSchemas = defineEntity({
  name: "User",
  fields: {
    username: z.string().regex(/^[a-z0-9][a-z0-9._-]{1,39}$/, keyed("username")),
    displayName: requiredText(60),
    personId: id.nullable(),
    roles: z.array(z.enum(roles)).max(6),
    disabled: z.boolean(),
  },
  readOnly: {},
  required: ["username", "displayName"],
  defaults: { personId: null, roles: ["viewer"], disabled: false },
});
export type User = z.output<typeof userSchemas.entity>;

/**
 * Body of `POST /users`: the account and, optionally, its first password, set in the same
 * transaction (refused by the password rule → nothing is created).
 */
export const userCreateBody = userSchemas.create.extend({ password: z.string().max(200).optional() });
