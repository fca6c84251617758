import type { FastifyInstance, FastifyReply } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { DatabaseHandle } from "../../../db/connection.js";
import {
  getAssessment,
  listAssessments,
  takeAssessment,
} from "../../../domain/closed-loop/assessment.service.js";
import { computeOverview, runFiveIzationCheck } from "../../../domain/closed-loop/closed-loop.service.js";
import {
  keptOverview,
  overviewIndicatorPage,
  overviewSummaryView,
  overviewTaskForcePage,
} from "../../../domain/closed-loop/overview-view.js";
import type { ServiceContext } from "../../../domain/context.js";
import { ReadCache } from "../../../domain/read-cache.js";
import { cachedReadModel } from "../../../domain/read-model.js";
import { getTaskForce } from "../../../domain/task-forces/task-force.service.js";
import {
  assessmentSnapshot,
  checkView,
  overviewIndicator,
  overviewIndicatorsQuery,
  overviewView as overviewSchema,
  overviewSummary,
  overviewSummaryQuery,
  overviewTaskForce,
  overviewTaskForcesQuery,
  statusDateQuery,
  taskForceLights,
} from "../../../shared/api/closed-loop.js";
import { errorBody, id, isoDate, page } from "../../../shared/api/common.js";
import { actionRule, readRule } from "../../policy.js";
import { present } from "../../present.js";
import { contextOf } from "../../request-context.js";
import { sendCached } from "../../send-cached.js";
import { warmOnStart } from "../../warm-up.js";

const errors = { 400: errorBody, 403: errorBody, 404: errorBody };
const taskForcePage = page(overviewTaskForce).extend({ statusDate: isoDate });
const indicatorPage = page(overviewIndicator).extend({ statusDate: isoDate });

/** Overview, lights, the five-ization check and assessment snapshots. */
export async function closedLoopRoutes(app: FastifyInstance, opts: { database: DatabaseHandle }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const cache = new ReadCache(100);
  const summaryOf = (ctx: ServiceContext, { statusDate, top }: z.infer<typeof overviewSummaryQuery>) =>
    cachedReadModel(ctx, cache, { name: "overview-summary", params: { top }, statusDate }, async (at) =>
      JSON.stringify(overviewSummary.parse(await overviewSummaryView(ctx, { statusDate: at, top }))),
    );
  // Kept per data revision like the overview: at province size one check takes most of a second.
  const checkOf = (ctx: ServiceContext) =>
    cachedReadModel(ctx, cache, { name: "check" }, async () =>
      JSON.stringify(checkView.parse(await runFiveIzationCheck(ctx))),
    );
  r.get("/api/v1/overview", {
    config: { rule: readRule("overview") },
    schema: {
      tags: ["closed loop"],
      summary:
        "Every task force with light, reasons, counts, score and rank; indicators with progress, trend stage and forecast",
      querystring: statusDateQuery,
      response: { 200: overviewSchema, ...errors },
    },
    handler: async (req, reply) => {
      const ctx = contextOf(req, opts.database);
      const json = await cachedReadModel(
        ctx,
        cache,
        { name: "overview", statusDate: req.query.statusDate },
        async (statusDate) => JSON.stringify(overviewSchema.parse(await keptOverview(ctx, statusDate))),
      );
      return sendCached(req, reply as FastifyReply, json);
    },
  });
  r.get("/api/v1/overview/summary", {
    config: { rule: readRule("overview") },
    schema: {
      tags: ["closed loop"],
      summary:
        "The overview's first answer at any size: counts, goals, district indicators, the top and the red task forces, the top of each ranking",
      querystring: overviewSummaryQuery,
      response: { 200: overviewSummary, ...errors },
    },
    handler: async (req, reply) =>
      sendCached(req, reply as FastifyReply, await summaryOf(contextOf(req, opts.database), req.query)),
  });
  warmOnStart(app, "overview summary", (ctx) => summaryOf(ctx, overviewSummaryQuery.parse({})));
  r.get("/api/v1/overview/task-forces", {
    config: { rule: readRule("overview") },
    schema: {
      tags: ["closed loop"],
      summary: "A page of the overview's task forces by rank, optionally of one light",
      querystring: overviewTaskForcesQuery,
      response: { 200: taskForcePage, ...errors },
    },
    handler: async (req) =>
      present(taskForcePage, await overviewTaskForcePage(contextOf(req, opts.database), req.query)),
  });
  r.get("/api/v1/overview/indicators", {
    config: { rule: readRule("overview") },
    schema: {
      tags: ["closed loop"],
      summary: "A page of the overview's indicators: one task force's, one indicator's shares, or all",
      querystring: overviewIndicatorsQuery,
      response: { 200: indicatorPage, ...errors },
    },
    handler: async (req) =>
      present(indicatorPage, await overviewIndicatorPage(contextOf(req, opts.database), req.query)),
  });
  r.get("/api/v1/task-forces/:id/lights", {
    config: { rule: readRule("task-forces") },
    schema: {
      tags: ["closed loop"],
      summary: "Lights of a task force, its tasks and indicators, each with its reasons",
      params: z.strictObject({ id }),
      querystring: statusDateQuery,
      response: { 200: taskForceLights, ...errors },
    },
    handler: async (req) => {
      const ctx = contextOf(req, opts.database);
      await getTaskForce(ctx, req.params.id);
      const { statusDate, result } = await computeOverview(ctx, {
        statusDate: req.query.statusDate,
        taskForceIds: [req.params.id],
      });
      return present(taskForceLights, {
        statusDate,
        taskForce: result.lights.taskForces[0],
        tasks: result.lights.tasks,
        indicators: result.lights.indicators,
      });
    },
  });
  r.get("/api/v1/check", {
    config: { rule: readRule("check") },
    schema: {
      tags: ["closed loop"],
      summary: "Five-ization check (五化检查): what each task book still lacks, task by task",
      response: { 200: checkView, ...errors },
    },
    handler: async (req, reply) =>
      sendCached(req, reply as FastifyReply, await checkOf(contextOf(req, opts.database))),
  });
  warmOnStart(app, "check", checkOf);
  r.post("/api/v1/assessments", {
    config: { rule: actionRule("assessments", "take") },
    schema: {
      tags: ["closed loop"],
      summary: "Take a dated assessment snapshot (考核): scores and ranks of task forces, units, persons",
      querystring: statusDateQuery,
      response: { 201: assessmentSnapshot, ...errors },
    },
    handler: async (req, reply) =>
      reply
        .status(201)
        .send(present(assessmentSnapshot, await takeAssessment(contextOf(req, opts.database), req.query))),
  });
  r.get("/api/v1/assessments", {
    config: { rule: readRule("assessments") },
    schema: {
      tags: ["closed loop"],
      summary: "Assessment snapshots, newest first",
      querystring: z.strictObject({
        limit: z.coerce.number().int().min(1).max(100).default(12),
        offset: z.coerce.number().int().min(0).default(0),
      }),
      response: { 200: page(assessmentSnapshot), ...errors },
    },
    handler: async (req) =>
      present(
        page(assessmentSnapshot),
        await listAssessments(contextOf(req, opts.database), req.query.limit, req.query.offset),
      ),
  });
  r.get("/api/v1/assessments/:id", {
    config: { rule: readRule("assessments") },
    schema: {
      tags: ["closed loop"],
      summary: "One assessment snapshot",
      params: z.strictObject({ id }),
      response: { 200: assessmentSnapshot, ...errors },
    },
    handler: async (req) =>
      present(assessmentSnapshot, await getAssessment(contextOf(req, opts.database), req.params.id)),
  });
}
