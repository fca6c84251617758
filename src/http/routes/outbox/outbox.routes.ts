import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { DatabaseHandle } from "../../../db/connection.js";
import { listOutbox, retryOutbox } from "../../../domain/delivery/outbox.service.js";
import { errorBody, id } from "../../../shared/api/common.js";
import { outboxEntry, outboxPage, outboxQuery } from "../../../shared/api/outbox.js";
import { actionRule, readRule } from "../../policy.js";
import { present } from "../../present.js";
import { contextOf } from "../../request-context.js";

const params = z.strictObject({ id });

/** The outbox (投递记录): deliveries by state for admins and the supervision office; a dead one retried by an admin. */
export async function outboxRoutes(app: FastifyInstance, opts: { database: DatabaseHandle }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get("/api/v1/outbox", {
    config: { rule: readRule("outbox") },
    schema: {
      tags: ["notifications"],
      summary:
        "Outbound deliveries (webhook, e-mail) newest first, of one state: pending (waiting or retrying), sent, or dead (every attempt failed), with the last error; organisation-wide callers only",
      querystring: outboxQuery,
      response: { 200: outboxPage, 400: errorBody, 403: errorBody },
    },
    handler: async (req) => present(outboxPage, await listOutbox(contextOf(req, opts.database), req.query)),
  });
  r.post("/api/v1/outbox/:id/retry", {
    config: { rule: actionRule("outbox", "retry") },
    schema: {
      tags: ["notifications"],
      summary: "Send a dead delivery again: back to pending, due now, attempts counted afresh (audited)",
      params,
      response: { 200: outboxEntry, 400: errorBody, 403: errorBody, 404: errorBody, 409: errorBody },
    },
    handler: async (req) =>
      present(outboxEntry, await retryOutbox(contextOf(req, opts.database), req.params.id)),
  });
}
