import { z } from "zod";
import { id, requiredText, text, timestamp } from "./common.js";
import { roles, userSchemas } from "./org.js";

/** Body of `POST /auth/login`. */
export const loginBody = z.strictObject({ username: text(40), password: z.string().max(200) });

/** Answer of login and `GET /auth/me`: who is signed in, and the CSRF token for writes. */
export const sessionInfo = z.object({
  user: userSchemas.entity,
  roles: z.array(z.enum(roles)),
  personId: id.nullable(),
  leadTaskForceIds: z.array(id),
  ownTaskForceIds: z.array(id),
  csrfToken: z.string().nullable(),
  /**
   * Access rules the caller's roles pass (`write:tasks`, `supervision-items:verify`, …): the UI
   * shows only the controls these allow; scopes (own task force, own task) narrow them further.
   */
  permissions: z.array(z.string()),
});
z.globalRegistry.add(sessionInfo, { id: "SessionInfo" });

/** Body of `POST /auth/password`. */
export const passwordChange = z.strictObject({
  currentPassword: z.string().max(200),
  newPassword: z.string().max(200),
});
/** Body of `POST /users/:id/password` (an admin sets a password). */
export const passwordSet = z.strictObject({ newPassword: z.string().max(200) });

/** Body of `POST /api-tokens`. */
export const apiTokenCreate = z.strictObject({
  name: requiredText(100),
  role: z.enum(roles),
  taskForceId: id.nullable().optional(),
});
/** An API token as listed; `token` is present only in the answer that created it. */
export const apiTokenInfo = z.object({
  id,
  userId: id,
  name: z.string(),
  role: z.enum(roles),
  taskForceId: id.nullable(),
  createdAt: timestamp,
  lastUsedAt: timestamp.nullable(),
  revokedAt: timestamp.nullable(),
  token: z.string().optional(),
});
z.globalRegistry.add(apiTokenInfo, { id: "ApiToken" });

/** `GET /auth/demo`: whether this is a demo database, and then its accounts and password. */
export const demoInfo = z.object({
  demo: z.boolean(),
  accounts: z.array(z.string()),
  password: z.string().nullable(),
});
