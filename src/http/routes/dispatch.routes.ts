import type { FastifyInstance, FastifyReply } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { Database } from "../../db/connection.js";
import { dispatchReportView } from "../../domain/closed-loop/dispatch.service.js";
import { ReadCache } from "../../domain/read-cache.js";
import { getRecord } from "../../domain/resource/resource.service.js";
import { taskForceResource } from "../../domain/task-forces/task-force.resources.js";
import { errorBody } from "../../shared/api/common.js";
import { dispatchReportQuery, dispatchReportView as dispatchSchema } from "../../shared/api/dispatch.js";
import { readRule } from "../policy.js";
import { contextOf } from "../request-context.js";
import { sendCached } from "../send-cached.js";

const errors = { 400: errorBody, 403: errorBody, 404: errorBody };

/** The dispatch report (调度报告) of the current round. */
export async function dispatchRoutes(app: FastifyInstance, opts: { database: Database }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const cache = new ReadCache(100);
  r.get("/api/v1/dispatch-report", {
    config: { rule: readRule("dispatch-report") },
    schema: {
      tags: ["closed loop"],
      summary:
        "Dispatch report (调度报告) of the round: lights, completed, overdue, due, no report, red/yellow with reasons, supervision, indicators, key points — per task force and in total",
      querystring: dispatchReportQuery,
      response: { 200: dispatchSchema, ...errors },
    },
    handler: async (req, reply) => {
      const ctx = contextOf(req, opts.database);
      // An unknown or unreadable task force is a 404 / 403, not an empty report.
      if (req.query.taskForceId) await getRecord(ctx, taskForceResource, req.query.taskForceId);
      const p = ctx.principal;
      const scope = p ? [...p.roles, p.taskForceScope, ...p.ownTaskForceIds].join(",") : "";
      const today = new Date(ctx.now()).toISOString().slice(0, 10);
      const key = `dispatch:${scope}:${req.query.statusDate ?? ""}:${req.query.taskForceId ?? ""}:${today}`;
      const json = await cache.get(opts.database.db, key, async () =>
        JSON.stringify(dispatchSchema.parse(await dispatchReportView(ctx, req.query))),
      );
      return sendCached(req, reply as FastifyReply, json);
    },
  });
}
