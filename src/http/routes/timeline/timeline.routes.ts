import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { DatabaseHandle } from "../../../db/connection.js";
import { supervisionItemTimeline, taskTimeline } from "../../../domain/timeline/timeline.service.js";
import { errorBody, id } from "../../../shared/api/common.js";
import { timeline } from "../../../shared/api/timeline.js";
import { readRule } from "../../policy.js";
import { present } from "../../present.js";
import { contextOf } from "../../request-context.js";

const params = z.strictObject({ id });
const errors = { 400: errorBody, 403: errorBody, 404: errorBody };

/** Timelines (时间线) of a task and of a 督办单, for whoever may read the record. */
export async function timelineRoutes(app: FastifyInstance, opts: { database: DatabaseHandle }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get("/api/v1/tasks/:id/timeline", {
    config: { rule: readRule("tasks") },
    schema: {
      tags: ["chasing"],
      summary:
        "A task's timeline, oldest first (by day, then instant, then kind): created, progress reports with their evidence, files attached, comments, 催办, 延期申请 and their decisions, completion claimed / confirmed / sent back, and the steps of the 督办单 raised on it; each with its day, who (by name), a short note",
      params,
      response: { 200: timeline, ...errors },
    },
    handler: async (req) =>
      present(timeline, await taskTimeline(contextOf(req, opts.database), req.params.id)),
  });
  r.get("/api/v1/supervision-items/:id/timeline", {
    config: { rule: readRule("supervision-items") },
    schema: {
      tags: ["chasing"],
      summary:
        "A 督办单's timeline, oldest first: raised, rectification started, submitted, returned, verified (销号), escalated, edited, its comments and 催办, and the evidence attached to its task while it was open; each with its day, who (by name), a short note",
      params,
      response: { 200: timeline, ...errors },
    },
    handler: async (req) =>
      present(timeline, await supervisionItemTimeline(contextOf(req, opts.database), req.params.id)),
  });
}
