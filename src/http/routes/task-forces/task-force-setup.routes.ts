import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { DatabaseHandle } from "../../../db/connection.js";
import { updateTaskBook } from "../../../domain/task-forces/task-force.service.js";
import { setUpTaskForce } from "../../../domain/task-forces/task-force-setup.service.js";
import { errorBody, id } from "../../../shared/api/common.js";
import {
  taskBookUpdate,
  taskForceSchemas,
  taskForceSetup,
  taskForceSetupResult,
} from "../../../shared/api/task-forces.js";
import { actionRule, writeRule } from "../../policy.js";
import { present } from "../../present.js";
import { contextOf } from "../../request-context.js";

const errors = { 400: errorBody, 403: errorBody, 404: errorBody, 409: errorBody, 422: errorBody };

/** Setting up a task force with its members in one request, and editing its task book (任务书). */
export async function taskForceSetupRoutes(
  app: FastifyInstance,
  opts: { database: DatabaseHandle },
): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post("/api/v1/task-forces/setup", {
    config: { rule: writeRule("task-forces") },
    schema: {
      tags: ["task force"],
      summary:
        "Create a task force and its members in one transaction; a refusal names taskForce.<field> or members.<index>.<field> and writes nothing",
      body: taskForceSetup,
      response: { 201: taskForceSetupResult, ...errors },
    },
    handler: async (req, reply) =>
      reply
        .status(201)
        .send(present(taskForceSetupResult, await setUpTaskForce(contextOf(req, opts.database), req.body))),
  });
  r.patch("/api/v1/task-forces/:id/task-book", {
    config: { rule: actionRule("task-forces", "edit-task-book") },
    schema: {
      tags: ["task force"],
      summary:
        "Change a task force's task book (every field but code and name; send its current version): its leads, the supervision office, admins",
      params: z.strictObject({ id }),
      body: taskBookUpdate,
      response: { 200: taskForceSchemas.entity, ...errors },
    },
    handler: async (req) =>
      present(
        taskForceSchemas.entity,
        await updateTaskBook(contextOf(req, opts.database), req.params.id, req.body),
      ),
  });
}
