import type { FastifyReply, FastifyRequest } from "fastify";
import type { CachedBody } from "../domain/read-cache.js";

/**
 * Sends a cached JSON body as it is, with its ETag; answers 304 without a body when the client
 * already holds this version (the big screen and the battle map poll).
 */
export function sendCached(request: FastifyRequest, reply: FastifyReply, cached: CachedBody) {
  reply.header("etag", cached.etag).header("cache-control", "private, no-cache");
  if (request.headers["if-none-match"] === cached.etag) return reply.status(304).send();
  return reply.type("application/json; charset=utf-8").send(cached.body);
}
