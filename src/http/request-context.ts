import type { FastifyRequest } from "fastify";
import type { Database } from "../db/connection.js";
import { type ServiceContext, serviceContext } from "../domain/context.js";

/** The service context of a request: its database, the caller and their scopes. */
export function contextOf(request: FastifyRequest, database: Database): ServiceContext {
  return {
    ...serviceContext(database, request.actor ?? "anonymous"),
    principal: request.principal,
    dataRevision: request.dataRevision,
  };
}

declare module "fastify" {
  interface FastifyRequest {
    /** Username of the caller, set by the authentication hook. */
    actor?: string;
  }
  interface FastifyContextConfig {
    /** The access rule of the route (src/http/policy.ts); every API route must declare one. */
    rule?: import("./policy.js").Rule;
  }
}
