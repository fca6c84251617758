import type { FastifyInstance, FastifyReply } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Database } from "../../db/connection.js";
import { ReadCache } from "../../domain/read-cache.js";
import { readTaskForceFullCached, type TaskForceFull } from "../../domain/task-forces/task-force.service.js";
import { errorBody, id } from "../../shared/api/common.js";
import { indicatorSchemas, readingSchemas } from "../../shared/api/indicators.js";
import { supervisionItemSchemas } from "../../shared/api/supervision.js";
import { memberSchemas, taskForceSchemas } from "../../shared/api/task-forces.js";
import { dependencySchemas, taskSchemas } from "../../shared/api/tasks.js";
import { readRule } from "../policy.js";
import { contextOf } from "../request-context.js";
import { sendCached } from "../send-cached.js";

/** Wire shape of the nested task-force read. */
export const taskForceFull = z.object({
  taskForce: taskForceSchemas.entity,
  members: z.array(memberSchemas.entity),
  tasks: z.array(taskSchemas.entity),
  dependencies: z.array(dependencySchemas.entity),
  indicators: z.array(indicatorSchemas.entity.extend({ readings: z.array(readingSchemas.entity) })),
  supervisionItems: z.array(supervisionItemSchemas.entity),
});
z.globalRegistry.add(taskForceFull, { id: "TaskForceFull" });

/** `GET /api/v1/task-forces/:id/full` — one call for the battle map and the task book. */
export async function taskForceRoutes(app: FastifyInstance, opts: { database: Database }): Promise<void> {
  const cache = new ReadCache();
  app.withTypeProvider<ZodTypeProvider>().get("/api/v1/task-forces/:id/full", {
    config: { rule: readRule("task-forces") },
    schema: {
      tags: ["task force"],
      summary:
        "Read a task force with members, tasks, dependencies, indicators with readings, supervision items",
      params: z.strictObject({ id }),
      response: { 200: taskForceFull, 400: errorBody, 404: errorBody },
    },
    handler: async (req, reply) => {
      const render = (full: TaskForceFull) => JSON.stringify(taskForceFull.parse(full));
      const json = await readTaskForceFullCached(contextOf(req, opts.database), cache, req.params.id, render);
      // Already serialized (and checked against the schema) when it was rendered.
      return sendCached(req, reply as FastifyReply, json);
    },
  });
}
