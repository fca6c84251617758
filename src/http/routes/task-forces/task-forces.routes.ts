import type { FastifyInstance, FastifyReply } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { DatabaseHandle } from "../../../db/connection.js";
import { ReadCache } from "../../../domain/read-cache.js";
import { cachedReadModel } from "../../../domain/read-model.js";
import {
  createMember,
  deleteMember,
  getMember,
  listMembers,
  updateMember,
} from "../../../domain/task-forces/member.service.js";
import { MEMBER_LIST, TASK_FORCE_LIST } from "../../../domain/task-forces/task-force.js";
import {
  createTaskForce,
  deleteTaskForce,
  getTaskForce,
  listTaskForces,
  updateTaskForce,
} from "../../../domain/task-forces/task-force.service.js";
import {
  assertMayReadTaskForce,
  readTaskForceFull,
} from "../../../domain/task-forces/task-force-full.service.js";
import { statusDateQuery } from "../../../shared/api/closed-loop.js";
import { errorBody, id } from "../../../shared/api/common.js";
import { indicatorSchemas, readingSchemas } from "../../../shared/api/indicators.js";
import { supervisionItemSchemas } from "../../../shared/api/supervision.js";
import { memberSchemas, taskForceSchemas } from "../../../shared/api/task-forces.js";
import { dependencySchemas, taskSchemas } from "../../../shared/api/tasks.js";
import { readRule } from "../../policy.js";
import { contextOf } from "../../request-context.js";
import { sendCached } from "../../send-cached.js";
import { crudRoutes } from "../crud-routes.js";
import { taskForceSetupRoutes } from "./task-force-setup.routes.js";

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

/** Task forces (专班), their members, and the nested read of one task force. */
export async function taskForceRoutes(
  app: FastifyInstance,
  opts: { database: DatabaseHandle },
): Promise<void> {
  crudRoutes(app, {
    database: opts.database,
    path: "task-forces",
    label: "task force",
    schemas: taskForceSchemas,
    fields: TASK_FORCE_LIST,
    lighted: true,
    service: {
      list: listTaskForces,
      get: getTaskForce,
      create: (ctx, input) => createTaskForce(ctx, input),
      update: updateTaskForce,
      remove: deleteTaskForce,
    },
  });
  crudRoutes(app, {
    database: opts.database,
    path: "members",
    label: "task force member",
    schemas: memberSchemas,
    fields: MEMBER_LIST,
    service: {
      list: listMembers,
      get: getMember,
      create: (ctx, input) => createMember(ctx, input),
      update: updateMember,
      remove: deleteMember,
    },
  });
  await taskForceSetupRoutes(app, opts);
  const cache = new ReadCache();
  app.withTypeProvider<ZodTypeProvider>().get("/api/v1/task-forces/:id/full", {
    config: { rule: readRule("task-forces") },
    schema: {
      tags: ["task force"],
      summary:
        "Read a task force with members, tasks (scheduled at statusDate, default the organisation's), dependencies, indicators with readings, supervision items",
      params: z.strictObject({ id }),
      querystring: statusDateQuery,
      response: { 200: taskForceFull, 400: errorBody, 403: errorBody, 404: errorBody },
    },
    handler: async (req, reply) => {
      const ctx = contextOf(req, opts.database);
      // Scope first, for every caller (the cached copy is shared), without a query.
      await assertMayReadTaskForce(ctx, req.params.id);
      const json = await cachedReadModel(
        ctx,
        cache,
        { name: "task-force-full", params: { id: req.params.id }, statusDate: req.query.statusDate },
        async (statusDate) =>
          JSON.stringify(taskForceFull.parse(await readTaskForceFull(ctx, req.params.id, statusDate))),
      );
      // Already serialized (and checked against the schema) when it was rendered.
      return sendCached(req, reply as FastifyReply, json);
    },
  });
}
