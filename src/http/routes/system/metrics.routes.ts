import type { FastifyInstance } from "fastify";
import type { Secret } from "../../../config/load-config.js";
import { errorBody } from "../../../shared/api/common.js";
import { readRule } from "../../policy.js";

/**
 * `GET /api/v1/metrics`: the app's Prometheus metrics (plugins/metrics.ts). Admins read them (session
 * or API token), and a scraper without an account that sends `machineToken` (GUATU_METRICS_TOKEN)
 * as its Bearer token; an API token limited to a task force may not.
 */
export async function metricsRoutes(app: FastifyInstance, opts: { machineToken: Secret | null }) {
  app.get("/api/v1/metrics", {
    config: { rule: readRule("metrics"), machineToken: opts.machineToken },
    schema: {
      tags: ["system"],
      summary:
        "Prometheus metrics (text format): requests, latency and errors by route, database connections, cache hits (admins, or Bearer GUATU_METRICS_TOKEN)",
      response: { 401: errorBody, 403: errorBody },
    },
    handler: async (_req, reply) =>
      reply
        .type(app.metrics.contentType)
        .header("cache-control", "no-store")
        .send(await app.metrics.scrape()),
  });
}
