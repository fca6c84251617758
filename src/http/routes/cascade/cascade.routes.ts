import type { FastifyInstance, FastifyReply } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { DatabaseHandle } from "../../../db/connection.js";
import {
  cascadesReadParams,
  readCascades,
  splitIndicator,
  splitIndicatorMonths,
} from "../../../domain/cascade/cascade.service.js";
import { ReadCache } from "../../../domain/read-cache.js";
import { cachedReadModel } from "../../../domain/read-model.js";
import {
  cascadeQuery,
  cascadesQuery,
  cascadeView,
  monthlySplitRequest,
  monthlySplitResult,
  splitRequest,
  splitResult,
} from "../../../shared/api/cascade.js";
import { errorBody, id } from "../../../shared/api/common.js";
import { actionRule, readRule } from "../../policy.js";
import { present } from "../../present.js";
import { contextOf } from "../../request-context.js";
import { sendCached } from "../../send-cached.js";

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody };
const writeErrors = { ...errors, 409: errorBody, 422: errorBody };

/** The indicator cascade (层层衔接): trees with rolled-up actuals, and the splitting tools. */
export async function cascadeRoutes(app: FastifyInstance, opts: { database: DatabaseHandle }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const cache = new ReadCache(100);
  r.get("/api/v1/indicator-cascades", {
    config: { rule: readRule("indicators") },
    schema: {
      tags: ["indicators"],
      summary:
        "Indicator cascades (层层衔接) in pre-order: each indicator's rolled-up actual against plan, light, trend stage and findings; optionally those of one goal or reaching one task force",
      querystring: cascadesQuery,
      response: { 200: cascadeView, ...errors },
    },
    handler: async (req, reply) => {
      const ctx = contextOf(req, opts.database);
      const { statusDate, goalId, taskForceId } = req.query;
      // 12 MB at a province's size: kept per data revision and sent gzipped, like the overview.
      const json = await cachedReadModel(
        ctx,
        cache,
        {
          name: "indicator-cascades",
          params: cascadesReadParams(ctx, { goalId, taskForceId }),
          statusDate,
        },
        async (at) =>
          JSON.stringify(cascadeView.parse(await readCascades(ctx, { statusDate: at, goalId, taskForceId }))),
      );
      return sendCached(req, reply as FastifyReply, json);
    },
  });
  r.get("/api/v1/indicators/:id/cascade", {
    config: { rule: readRule("indicators") },
    schema: {
      tags: ["indicators"],
      summary: "The whole cascade an indicator belongs to, from its top indicator down, in pre-order",
      params: z.strictObject({ id }),
      querystring: cascadeQuery,
      response: { 200: cascadeView, ...errors },
    },
    handler: async (req) =>
      present(
        cascadeView,
        await readCascades(contextOf(req, opts.database), { ...req.query, indicatorId: req.params.id }),
      ),
  });
  r.post("/api/v1/indicators/:id/split", {
    config: { rule: actionRule("indicators", "split") },
    schema: {
      tags: ["indicators"],
      summary:
        "Split an indicator's target among its shares (分解): evenly, by last year's actuals (their baselines) or by typed shares; `dryRun` previews, else every share is saved at its version in one transaction",
      params: z.strictObject({ id }),
      body: splitRequest,
      response: { 200: splitResult, ...writeErrors },
    },
    handler: async (req) =>
      present(splitResult, await splitIndicator(contextOf(req, opts.database), req.params.id, req.body)),
  });
  r.post("/api/v1/indicators/:id/monthly-split", {
    config: { rule: actionRule("indicators", "split-months") },
    schema: {
      tags: ["indicators"],
      summary:
        "Spread a cumulative indicator's target over the months (月度计划): by working days, last year's monthly profile or typed monthly amounts; `dryRun` previews",
      params: z.strictObject({ id }),
      body: monthlySplitRequest,
      response: { 200: monthlySplitResult, ...writeErrors },
    },
    handler: async (req) =>
      present(
        monthlySplitResult,
        await splitIndicatorMonths(contextOf(req, opts.database), req.params.id, req.body),
      ),
  });
}
