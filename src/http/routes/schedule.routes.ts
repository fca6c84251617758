import type { FastifyInstance, FastifyReply } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Database } from "../../db/connection.js";
import { ReadCache } from "../../domain/read-cache.js";
import { readBattleMap } from "../../domain/schedule/battle-map.service.js";
import {
  approvePlan,
  readScheduleRun,
  recomputeAll,
  scheduleTaskForce,
} from "../../domain/schedule/schedule.service.js";
import { errorBody, id } from "../../shared/api/common.js";
import { battleMap, battleMapQuery, scheduleRun } from "../../shared/api/schedule.js";
import { AppError } from "../../shared/errors.js";
import { actionRule, readRule } from "../policy.js";
import { present } from "../present.js";
import { contextOf } from "../request-context.js";
import { sendCached } from "../send-cached.js";

const params = z.strictObject({ id });
const errors = { 400: errorBody, 403: errorBody, 404: errorBody, 422: errorBody };
const list = (v: string | undefined) => (v ? v.split(",") : undefined);
const approval = z.object({ run: scheduleRun, approved: z.number().int() });

/** Scheduling (倒排工期) runs, plan approval and the battle map. */
export async function scheduleRoutes(app: FastifyInstance, opts: { database: Database }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const cache = new ReadCache(200);
  r.post("/api/v1/task-forces/:id/schedule", {
    config: { rule: actionRule("task-forces", "schedule") },
    schema: {
      tags: ["schedule"],
      summary: "Schedule a task force now (backward and forward passes); stores dates, float, critical flags",
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
    handler: async (req) =>
      present(z.array(scheduleRun), await recomputeAll(contextOf(req, opts.database), { audit: true })),
  });
  r.get("/api/v1/task-forces/:id/schedule", {
    config: { rule: readRule("task-forces") },
    schema: {
      tags: ["schedule"],
      summary: "The last schedule run of a task force",
      params,
      response: { 200: scheduleRun, ...errors },
    },
    handler: async (req) => {
      const run = await readScheduleRun(opts.database.db, req.params.id);
      if (!run) throw new AppError("not_found", `task force ${req.params.id} has not been scheduled`);
      return present(scheduleRun, run);
    },
  });
  r.post("/api/v1/task-forces/:id/approve-plan", {
    config: { rule: actionRule("task-forces", "approve-plan") },
    schema: {
      tags: ["schedule"],
      summary: "Approve the plan: current early dates become the baseline; slippage counts from it",
      params,
      response: { 200: approval, ...errors },
    },
    handler: async (req) =>
      present(approval, await approvePlan(contextOf(req, opts.database), req.params.id)),
  });
  r.get("/api/v1/battle-map", {
    config: { rule: readRule("battle-map") },
    schema: {
      tags: ["schedule"],
      summary: "Tasks of every task force you may read, with schedule dates, for the battle map",
      querystring: battleMapQuery,
      response: { 200: battleMap, ...errors },
    },
    handler: async (req, reply) => {
      const ctx = contextOf(req, opts.database);
      const q = req.query;
      const filter = {
        taskForceId: list(q.taskForceId),
        responsibleUnitId: list(q.responsibleUnitId),
        responsiblePersonId: list(q.responsiblePersonId),
        criticalOnly: q.critical === "true",
      };
      const scope = ctx.principal
        ? [...ctx.principal.roles, ctx.principal.taskForceScope, ...ctx.principal.ownTaskForceIds].join(",")
        : "";
      // Lights move with the calendar day even when no data changed.
      const key = `battle-map:${scope}:${JSON.stringify(filter)}:${new Date(ctx.now()).toISOString().slice(0, 10)}`;
      const json = await cache.get(
        opts.database.db,
        key,
        async () => JSON.stringify(battleMap.parse(await readBattleMap(ctx, filter))),
        ctx.dataRevision,
      );
      return sendCached(req, reply as FastifyReply, json);
    },
  });
}
