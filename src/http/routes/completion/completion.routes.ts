import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { DatabaseHandle } from "../../../db/connection.js";
import { confirmCompletion, returnCompletion } from "../../../domain/completion/completion.service.js";
import { errorBody, id } from "../../../shared/api/common.js";
import { completionConfirmation, completionReturn } from "../../../shared/api/completion.js";
import { taskSchemas } from "../../../shared/api/tasks.js";
import { actionRule } from "../../policy.js";
import { present } from "../../present.js";
import { contextOf } from "../../request-context.js";

const params = z.strictObject({ id });
const errors = { 400: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };

/** Completion review (完成确认) of a task: confirm a claimed completion, or send it back with a reason. */
export async function completionRoutes(app: FastifyInstance, opts: { database: DatabaseHandle }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post("/api/v1/tasks/:id/confirm-completion", {
    config: { rule: actionRule("tasks", "confirm-completion") },
    schema: {
      tags: ["task"],
      summary:
        "Confirm a claimed completion (完成确认) against the acceptance criterion and evidence, at the task's version: the task counts as done. A lead of its task force, a supervisor or an admin; not its own responsible person",
      params,
      body: completionConfirmation,
      response: { 200: taskSchemas.entity, ...errors },
    },
    handler: async (req) =>
      present(
        taskSchemas.entity,
        await confirmCompletion(contextOf(req, opts.database), req.params.id, req.body),
      ),
  });
  r.post("/api/v1/tasks/:id/return-completion", {
    config: { rule: actionRule("tasks", "return-completion") },
    schema: {
      tags: ["task"],
      summary:
        "Send a claimed completion back (退回) with a reason, at the task's version: the task is in progress again at the percent reported before the claim (90 % when there is none below 100), without an actual finish; its owner is told",
      params,
      body: completionReturn,
      response: { 200: taskSchemas.entity, ...errors },
    },
    handler: async (req) =>
      present(
        taskSchemas.entity,
        await returnCompletion(contextOf(req, opts.database), req.params.id, req.body),
      ),
  });
}
