import type { FastifyInstance, FastifyReply } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { z } from "zod";
import type { DatabaseHandle } from "../../../db/connection.js";
import {
  dispatchReportView,
  dispatchSummaryView,
  keptDispatchReport,
} from "../../../domain/closed-loop/dispatch.service.js";
import type { ServiceContext } from "../../../domain/context.js";
import { ReadCache } from "../../../domain/read-cache.js";
import { cachedReadModel } from "../../../domain/read-model.js";
import { getTaskForce } from "../../../domain/task-forces/task-force.service.js";
import { errorBody } from "../../../shared/api/common.js";
import {
  dispatchReportQuery,
  dispatchReportSummary,
  dispatchReportView as dispatchSchema,
  dispatchSummaryQuery,
} from "../../../shared/api/dispatch.js";
import { readRule } from "../../policy.js";
import { contextOf } from "../../request-context.js";
import { sendCached } from "../../send-cached.js";
import { warmOnStart } from "../../warm-up.js";

const errors = { 400: errorBody, 403: errorBody, 404: errorBody };

/** The dispatch report (调度报告) of the current round. */
export async function dispatchRoutes(app: FastifyInstance, opts: { database: DatabaseHandle }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const cache = new ReadCache(100);
  const summaryOf = (
    ctx: ServiceContext,
    { statusDate, limit, offset }: z.infer<typeof dispatchSummaryQuery>,
  ) =>
    cachedReadModel(
      ctx,
      cache,
      { name: "dispatch-summary", params: { limit, offset }, statusDate },
      async (at) =>
        JSON.stringify(
          dispatchReportSummary.parse(await dispatchSummaryView(ctx, { statusDate: at, limit, offset })),
        ),
    );
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
      const { statusDate, taskForceId } = req.query;
      if (taskForceId) await getTaskForce(ctx, taskForceId);
      const json = await cachedReadModel(
        ctx,
        cache,
        { name: "dispatch", params: { taskForceId }, statusDate },
        async (at) =>
          JSON.stringify(
            dispatchSchema.parse(
              taskForceId
                ? await dispatchReportView(ctx, { statusDate: at, taskForceId })
                : await keptDispatchReport(ctx, at),
            ),
          ),
      );
      return sendCached(req, reply as FastifyReply, json);
    },
  });
  r.get("/api/v1/dispatch-report/summary", {
    config: { rule: readRule("dispatch-report") },
    schema: {
      tags: ["closed loop"],
      summary:
        "The dispatch report's first answer at any size: totals, key points and a page of task forces' counts; lists per task force from GET /dispatch-report?taskForceId=",
      querystring: dispatchSummaryQuery,
      response: { 200: dispatchReportSummary, ...errors },
    },
    handler: async (req, reply) =>
      sendCached(req, reply as FastifyReply, await summaryOf(contextOf(req, opts.database), req.query)),
  });
  warmOnStart(app, "dispatch summary", (ctx) => summaryOf(ctx, dispatchSummaryQuery.parse({})));
}
