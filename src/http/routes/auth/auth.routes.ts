import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { DatabaseHandle } from "../../../db/connection.js";
import { changeOwnPassword, ownAccount, setPassword } from "../../../domain/accounts/account.service.js";
import { createApiToken, listApiTokens, revokeApiToken } from "../../../domain/accounts/api-token.service.js";
import type { Principal } from "../../../domain/accounts/principal.js";
import { login, logout, type SessionPolicy } from "../../../domain/accounts/session.service.js";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, isDemoDatabase } from "../../../domain/demo/demo-accounts.js";
import {
  apiTokenCreate,
  apiTokenInfo,
  demoInfo,
  loginBody,
  passwordChange,
  passwordSet,
  sessionInfo,
} from "../../../shared/api/auth.js";
import { errorBody, id } from "../../../shared/api/common.js";
import { AppError } from "../../../shared/errors.js";
import { SESSION_COOKIE, setSessionCookie } from "../../plugins/auth.js";
import { actionRule, authenticatedRule, permissionsOf, publicRule } from "../../policy.js";
import { present } from "../../present.js";
import { contextOf } from "../../request-context.js";

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 429: errorBody };

/** Login, logout, who-am-I, passwords and API tokens. */
export async function authRoutes(
  app: FastifyInstance,
  opts: { database: DatabaseHandle; sessions: SessionPolicy },
) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = opts.database.db;
  const me = (request: FastifyRequest): Principal => {
    if (!request.principal) throw new AppError("UNAUTHENTICATED", "sign in first");
    return request.principal;
  };
  const info = async (request: FastifyRequest, p: Principal, csrfToken: string | null) =>
    present(sessionInfo, {
      user: await ownAccount(contextOf(request, opts.database), p.userId),
      roles: p.roles,
      personId: p.personId,
      leadTaskForceIds: [...p.leadTaskForceIds],
      ownTaskForceIds: [...p.ownTaskForceIds],
      csrfToken,
      permissions: permissionsOf(
        p.roles,
        app.routeTable.map((r) => r.rule),
      ),
    });

  r.post("/api/v1/auth/login", {
    config: { rule: publicRule },
    schema: {
      tags: ["auth"],
      summary: "Sign in: sets the session cookie, answers the CSRF token",
      body: loginBody,
      response: { 200: sessionInfo, ...errors },
    },
    handler: async (req, reply) => {
      const started = await login(
        db,
        { ...req.body, address: req.ip, previousCookie: req.cookies[SESSION_COOKIE] },
        new Date(),
      );
      setSessionCookie(req, reply, started.cookie, opts.sessions);
      return info(req, started.principal, started.csrfToken);
    },
  });
  r.post("/api/v1/auth/logout", {
    config: { rule: authenticatedRule },
    schema: { tags: ["auth"], summary: "Sign out: ends the session", response: { 204: z.null(), ...errors } },
    handler: async (req, reply) => {
      const cookie = req.cookies[SESSION_COOKIE];
      if (cookie) await logout(db, cookie);
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      return reply.status(204).send(null);
    },
  });
  r.get("/api/v1/auth/me", {
    config: { rule: authenticatedRule },
    schema: {
      tags: ["auth"],
      summary: "Who is signed in, with roles, scopes and the CSRF token",
      response: { 200: sessionInfo, ...errors },
    },
    handler: async (req) => info(req, me(req), req.sessionCsrf ?? null),
  });
  r.post("/api/v1/auth/password", {
    config: { rule: authenticatedRule },
    schema: {
      tags: ["auth"],
      summary: "Change your own password (your other sessions end)",
      body: passwordChange,
      response: { 204: z.null(), ...errors },
    },
    handler: async (req, reply) => {
      const p = me(req);
      await changeOwnPassword(contextOf(req, opts.database), {
        userId: p.userId,
        current: req.body.currentPassword,
        next: req.body.newPassword,
        keepCookie: req.cookies[SESSION_COOKIE],
      });
      return reply.status(204).send(null);
    },
  });
  r.post("/api/v1/users/:id/password", {
    config: { rule: actionRule("users", "set-password") },
    schema: {
      tags: ["user"],
      summary: "Set a user's password (admin); their sessions end",
      params: z.strictObject({ id }),
      body: passwordSet,
      response: { 204: z.null(), ...errors },
    },
    handler: async (req, reply) => {
      await setPassword(contextOf(req, opts.database), req.params.id, req.body.newPassword);
      return reply.status(204).send(null);
    },
  });
  r.get("/api/v1/auth/demo", {
    config: { rule: publicRule },
    schema: {
      tags: ["auth"],
      summary: "Demo accounts, shown on the login page of a demo database only",
      response: { 200: demoInfo },
    },
    handler: async () => {
      const demo = await isDemoDatabase(db);
      return { demo, accounts: demo ? [...DEMO_ACCOUNTS] : [], password: demo ? DEMO_PASSWORD : null };
    },
  });
  r.get("/api/v1/api-tokens", {
    config: { rule: authenticatedRule },
    schema: {
      tags: ["auth"],
      summary: "Your API tokens (an admin sees all)",
      response: { 200: z.array(apiTokenInfo), ...errors },
    },
    handler: async (req) =>
      present(z.array(apiTokenInfo), await listApiTokens(contextOf(req, opts.database), me(req))),
  });
  r.post("/api/v1/api-tokens", {
    config: { rule: authenticatedRule },
    schema: {
      tags: ["auth"],
      summary: "Create an API token scoped to one of your roles (the token is shown once)",
      body: apiTokenCreate,
      response: { 201: apiTokenInfo, ...errors, 422: errorBody },
    },
    handler: async (req, reply) => {
      const { token, info: created } = await createApiToken(contextOf(req, opts.database), me(req), req.body);
      return reply.status(201).send({ ...created, token });
    },
  });
  r.delete("/api/v1/api-tokens/:id", {
    config: { rule: authenticatedRule },
    schema: {
      tags: ["auth"],
      summary: "Revoke an API token (effective at once)",
      params: z.strictObject({ id }),
      response: { 200: apiTokenInfo, ...errors },
    },
    handler: async (req) =>
      present(apiTokenInfo, await revokeApiToken(contextOf(req, opts.database), me(req), req.params.id)),
  });
}
