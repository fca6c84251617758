import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { DatabaseHandle } from "../../../db/connection.js";
import { listAuditEntries } from "../../../domain/audit/audit.service.js";
import { assertDatabaseAnswers } from "../../../domain/system/health.service.js";
import { auditEntry, auditQuery } from "../../../shared/api/audit.js";
import { errorBody, page } from "../../../shared/api/common.js";
import { actionRule, publicRule } from "../../policy.js";
import { present } from "../../present.js";
import { contextOf } from "../../request-context.js";

const health = z.object({
  status: z.literal("ok"),
  db: z.enum(["sqlite", "postgres"]),
  version: z.string(),
  /** `warming` while a start renders the first pages ahead (src/http/warm-up.ts); readers are served meanwhile. */
  readModels: z.enum(["warming", "ready"]),
});

/** Health, the audit trail (read-only: no route changes or deletes an entry) and the OpenAPI document. */
export async function systemRoutes(
  app: FastifyInstance,
  opts: { database: DatabaseHandle; version: string },
): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const healthOf = () => ({
    status: "ok" as const,
    db: opts.database.dialect,
    version: opts.version,
    readModels: app.warmUpState.state,
  });
  r.get("/api/v1/health", {
    config: { rule: publicRule },
    schema: { tags: ["system"], summary: "Liveness and database kind", response: { 200: health } },
    handler: async () => healthOf(),
  });
  r.get("/api/v1/health/live", {
    config: { rule: publicRule },
    schema: {
      tags: ["system"],
      summary: "Liveness for a load balancer: the process answers (it does not touch the database)",
      response: { 200: z.object({ status: z.literal("ok") }) },
    },
    handler: async () => ({ status: "ok" as const }),
  });
  r.get("/api/v1/health/ready", {
    config: { rule: publicRule },
    schema: {
      tags: ["system"],
      summary:
        "Readiness: the database answers a query (503 UNAVAILABLE when it does not, or while shutting down)",
      response: { 200: health, 503: errorBody },
    },
    handler: async () => {
      await assertDatabaseAnswers(opts.database);
      return healthOf();
    },
  });
  r.get("/api/v1/audit-entries", {
    config: { rule: actionRule("audit-entries", "read") },
    schema: {
      tags: ["audit"],
      summary: "Audit trail, newest first; filter by entity, record, actor and time range",
      querystring: auditQuery.extend({
        limit: z.coerce.number().int().min(1).max(1000).default(50),
        offset: z.coerce.number().int().min(0).default(0),
      }),
      response: { 200: page(auditEntry), 400: errorBody, 403: errorBody },
    },
    handler: async (req) => {
      const { limit, offset, ...filter } = req.query;
      return present(
        page(auditEntry),
        await listAuditEntries(contextOf(req, opts.database), filter, limit, offset),
      );
    },
  });
  r.get("/api/v1/openapi.json", {
    config: { rule: publicRule },
    schema: { hide: true },
    handler: async () => app.swagger(),
  });
}
