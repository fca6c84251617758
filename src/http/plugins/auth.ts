import cookie from "@fastify/cookie";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Secret } from "../../config/load-config.js";
import type { DatabaseHandle } from "../../db/connection.js";
import { resolveApiToken } from "../../domain/accounts/api-token.service.js";
import { type Principal, PrincipalCache } from "../../domain/accounts/principal.js";
import { sameSecret } from "../../domain/accounts/secrets.js";
import { resolveSession, type SessionPolicy } from "../../domain/accounts/session.service.js";
import { ruleDetail } from "../../shared/messages.js";
import { authorize, ruleName, withinTokenScope } from "../policy.js";
import { countError } from "./metrics.js";

/** Name of the session cookie. */
export const SESSION_COOKIE = "guatu_session";
/** Header carrying the CSRF token on cookie-authenticated writes. */
export const CSRF_HEADER = "x-csrf-token";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

declare module "fastify" {
  interface FastifyRequest {
    principal?: Principal;
    /** CSRF token of the cookie session the request came with. */
    sessionCsrf?: string;
    /** The data revision read with the caller's session or token (see `ServiceContext`). */
    dataRevision?: number;
  }
  interface FastifyContextConfig {
    /**
     * A shared secret that passes the route's rule as a Bearer token, for a machine without an
     * account (the Prometheus scraper: GUATU_METRICS_TOKEN); user tokens and sessions work as well.
     */
    machineToken?: Secret | null;
  }
}

function deny(reply: FastifyReply, status: 401 | 403, code: string, message: string, details?: unknown[]) {
  countError(reply, code);
  return reply.status(status).send({ error: { code, message, ...(details ? { details } : {}) } });
}

/** Sets the session cookie: HttpOnly, SameSite=Strict, Secure when the request came over HTTPS. */
export function setSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  value: string,
  policy: SessionPolicy,
) {
  reply.setCookie(SESSION_COOKIE, value, {
    httpOnly: true,
    sameSite: "strict",
    secure: request.protocol === "https",
    path: "/",
    maxAge: policy.absoluteHours * 3600,
  });
}

/**
 * Authentication and the role gate for every `/api/v1` route: a Bearer API token or the session
 * cookie identifies the caller; the route's rule decides (401 without a caller, 403 for a role the
 * rule does not admit); cookie-authenticated writes must echo the session's CSRF token.
 */
export async function registerAuth(
  app: FastifyInstance,
  opts: { database: DatabaseHandle; sessions: SessionPolicy },
) {
  await app.register(cookie);
  const principals = new PrincipalCache();
  app.addHook("onRequest", async (request, reply) => {
    if (!request.url.startsWith("/api/v1") || request.is404) return;
    const config = request.routeOptions.config;
    const rule = config?.rule;
    if (!rule) return deny(reply, 403, "FORBIDDEN", "this route declares no access rule");
    const db = opts.database.db;
    const now = new Date();
    const header = request.headers.authorization;
    if (header !== undefined) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      if (match && config.machineToken && sameSecret(match[1]!, config.machineToken.reveal())) return;
      const resolved = match ? await resolveApiToken(db, match[1]!, now, principals) : undefined;
      if (!resolved)
        return deny(reply, 401, "UNAUTHENTICATED", "the API token is invalid, revoked or malformed");
      request.principal = resolved.principal;
      request.dataRevision = resolved.dataRevision;
    } else {
      const value = request.cookies[SESSION_COOKIE];
      const session = value ? await resolveSession(db, value, now, opts.sessions, principals) : undefined;
      if (value && !session) reply.clearCookie(SESSION_COOKIE, { path: "/" });
      if (session) {
        request.principal = session.principal;
        request.sessionCsrf = session.csrfToken;
        request.dataRevision = session.dataRevision;
      }
    }
    request.actor = request.principal?.username;
    if (rule.kind === "public") return;
    if (!request.principal)
      return deny(reply, 401, "UNAUTHENTICATED", "sign in first (session cookie or Bearer token)");
    if (!authorize(rule, request.principal.roles)) {
      // The detail tells the web app the reason is the role, not the record's task force.
      return deny(reply, 403, "FORBIDDEN", `your role may not do this (${ruleName(rule)})`, [
        ruleDetail("role", "roleMayNot"),
      ]);
    }
    const scope = request.principal.taskForceScope;
    if (scope && !withinTokenScope(rule, request.routeOptions.url ?? "")) {
      return deny(
        reply,
        403,
        "FORBIDDEN",
        `this API token is limited to task force ${scope}; it may not do this (${ruleName(rule)})`,
        [ruleDetail("token", "tokenScope")],
      );
    }
    if (request.sessionCsrf && !SAFE_METHODS.has(request.method)) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== "string" || !sameSecret(sent, request.sessionCsrf)) {
        return deny(
          reply,
          403,
          "CSRF",
          `missing or wrong ${CSRF_HEADER} header for a cookie-authenticated write`,
        );
      }
    }
  });
}
