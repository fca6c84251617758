import type { FastifyRequest } from "fastify";
import type { DatabaseHandle } from "../db/connection.js";
import type { ServiceContext } from "../domain/context.js";

/**
 * The service context of a request: its database, the caller and their scopes, the app's clock
 * (injectable: a read at 23:59 and at 00:01 Beijing time sees two status dates) and its metrics.
 */
export function contextOf(request: FastifyRequest, database: DatabaseHandle): ServiceContext {
  const clock = request.server.clock;
  return {
    database,
    actor: request.actor ?? "anonymous",
    now: () => clock().toISOString(),
    principal: request.principal,
    dataRevision: request.dataRevision,
    observer: request.server.metrics?.reads,
  };
}

declare module "fastify" {
  interface FastifyInstance {
    /** The instant services work at (the real clock unless a test injects one). */
    clock: () => Date;
  }
  interface FastifyRequest {
    /** Username of the caller, set by the authentication hook. */
    actor?: string;
  }
  interface FastifyContextConfig {
    /** The access rule of the route (src/http/policy.ts); every API route must declare one. */
    rule?: import("./policy.js").Rule;
  }
}
