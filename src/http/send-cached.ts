import type { FastifyReply, FastifyRequest } from "fastify";
import type { CachedBody } from "../domain/read-cache.js";

/**
 * Sends a cached JSON body as it is (gzipped once per version for clients that accept it), with
 * its ETag; answers 304 without a body when the client already holds this version (the big
 * screen and the battle map poll).
 */
export function sendCached(request: FastifyRequest, reply: FastifyReply, cached: CachedBody) {
  reply.header("etag", cached.etag).header("cache-control", "private, no-cache");
  if (request.headers["if-none-match"] === cached.etag) return reply.status(304).send();
  reply.header("vary", "accept-encoding").type("application/json; charset=utf-8");
  const accepts = String(request.headers["accept-encoding"] ?? "");
  if (cached.body.length > 8192 && /\bgzip\b/.test(accepts)) {
    return reply.header("content-encoding", "gzip").send(cached.gzipped());
  }
  return reply.send(cached.body);
}
