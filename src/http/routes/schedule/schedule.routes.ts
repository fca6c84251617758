import type { FastifyInstance, FastifyReply } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { DatabaseHandle } from "../../../db/connection.js";
import type { ServiceContext } from "../../../domain/context.js";
import { ReadCache } from "../../../domain/read-cache.js";
import { cachedReadModel } from "../../../domain/read-model.js";
import { readBattleMap, readBattleMapOutline } from "../../../domain/schedule/battle-map.service.js";
import { getScheduleRun, scheduleAll, scheduleTaskForce } from "../../../domain/schedule/schedule.service.js";
import { statusDateQuery } from "../../../shared/api/closed-loop.js";
import { errorBody, id } from "../../../shared/api/common.js";
import { battleMap, battleMapOutline, battleMapQuery, scheduleRun } from "../../../shared/api/schedule.js";
import { actionRule, readRule } from "../../policy.js";
import { present } from "../../present.js";
import { contextOf } from "../../request-context.js";
import { sendCached } from "../../send-cached.js";
import { warmOnStart } from "../../warm-up.js";

const params = z.strictObject({ id });
const errors = { 400: errorBody, 403: errorBody, 404: errorBody, 422: errorBody };
const list = (v: string | undefined) => (v ? v.split(",") : undefined);

/** Scheduling (倒排工期): runs and the battle map — all computed at a status date. */
export async function scheduleRoutes(app: FastifyInstance, opts: { database: DatabaseHandle }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const cache = new ReadCache(200);
  const mapOf = (ctx: ServiceContext, q: z.infer<typeof battleMapQuery>) => {
    const filter = {
      taskForceId: list(q.taskForceId),
      responsibleUnitId: list(q.responsibleUnitId),
      responsiblePersonId: list(q.responsiblePersonId),
      criticalOnly: q.critical === "true",
      baselines: q.baselines?.split(",").map(Number),
    };
    const outline = q.outline === "true";
    return cachedReadModel(
      ctx,
      cache,
      { name: outline ? "battle-map-outline" : "battle-map", params: filter, statusDate: q.statusDate },
      async (statusDate) =>
        JSON.stringify(
          outline
            ? battleMapOutline.parse(await readBattleMapOutline(ctx, { ...filter, statusDate }))
            : battleMap.parse(await readBattleMap(ctx, { ...filter, statusDate })),
        ),
    );
  };
  r.post("/api/v1/task-forces/:id/schedule", {
    config: { rule: actionRule("task-forces", "schedule") },
    schema: {
      tags: ["schedule"],
      summary:
        "Schedule a task force now (backward and forward passes at the organisation's status date), recorded in the audit trail",
      params,
      response: { 200: scheduleRun, ...errors },
    },
    handler: async (req) =>
      present(scheduleRun, await scheduleTaskForce(contextOf(req, opts.database), req.params.id)),
  });
  r.post("/api/v1/schedule", {
    config: { rule: actionRule("schedule", "all") },
    schema: {
      tags: ["schedule"],
      summary: "Schedule every task force of the organisation",
      response: { 200: z.array(scheduleRun), ...errors },
    },
    handler: async (req) => present(z.array(scheduleRun), await scheduleAll(contextOf(req, opts.database))),
  });
  r.get("/api/v1/task-forces/:id/schedule", {
    config: { rule: readRule("task-forces") },
    schema: {
      tags: ["schedule"],
      summary: "The schedule run of a task force at statusDate (default: the organisation's status date)",
      params,
      querystring: statusDateQuery,
      response: { 200: scheduleRun, ...errors },
    },
    handler: async (req) =>
      present(
        scheduleRun,
        await getScheduleRun(contextOf(req, opts.database), req.params.id, req.query.statusDate),
      ),
  });
  r.get("/api/v1/battle-map", {
    config: { rule: readRule("battle-map") },
    schema: {
      tags: ["schedule"],
      summary:
        "Tasks of every task force you may read, with schedule dates, float and lights at statusDate (default: the organisation's status date), for the battle map",
      querystring: battleMapQuery,
      response: { 200: z.union([battleMap, battleMapOutline]), ...errors },
    },
    handler: async (req, reply) =>
      sendCached(req, reply as FastifyReply, await mapOf(contextOf(req, opts.database), req.query)),
  });
  // The page asks for the outline first at any size.
  warmOnStart(app, "battle-map outline", (ctx) => mapOf(ctx, battleMapQuery.parse({ outline: "true" })));
}
