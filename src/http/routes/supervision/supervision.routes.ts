import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { DatabaseHandle } from "../../../db/connection.js";
import { SUPERVISION_ITEM_LIST } from "../../../domain/supervision/supervision.js";
import {
  createSupervisionItem,
  deleteSupervisionItem,
  escalateSupervisionItem,
  getSupervisionItem,
  listSupervisionItems,
  transitionSupervisionItem,
  updateSupervisionItem,
} from "../../../domain/supervision/supervision.service.js";
import { errorBody, id } from "../../../shared/api/common.js";
import {
  supervisionEscalation,
  supervisionItemSchemas,
  supervisionTransition,
} from "../../../shared/api/supervision.js";
import { actionRule } from "../../policy.js";
import { present } from "../../present.js";
import { contextOf } from "../../request-context.js";
import { crudRoutes } from "../crud-routes.js";

/** Supervision items (督办单) and their state machine: one route per action so each can carry its own rule. */
export async function supervisionRoutes(
  app: FastifyInstance,
  opts: { database: DatabaseHandle },
): Promise<void> {
  crudRoutes(app, {
    database: opts.database,
    path: "supervision-items",
    label: "supervision item",
    schemas: supervisionItemSchemas,
    fields: SUPERVISION_ITEM_LIST,
    service: {
      list: listSupervisionItems,
      get: getSupervisionItem,
      create: (ctx, input) => createSupervisionItem(ctx, input),
      update: updateSupervisionItem,
      remove: deleteSupervisionItem,
    },
  });
  const r = app.withTypeProvider<ZodTypeProvider>();
  for (const action of ["start", "submit", "return", "verify"] as const) {
    r.post(`/api/v1/supervision-items/:id/${action}`, {
      config: { rule: actionRule("supervision-items", action) },
      schema: {
        tags: ["supervision item"],
        summary: `${action} a supervision item (state machine open → rectifying → submitted → verified)`,
        params: z.strictObject({ id }),
        body: supervisionTransition.omit({ action: true }),
        response: {
          200: supervisionItemSchemas.entity,
          400: errorBody,
          403: errorBody,
          404: errorBody,
          409: errorBody,
        },
      },
      handler: async (req) => {
        const ctx = contextOf(req, opts.database);
        const item = await transitionSupervisionItem(ctx, req.params.id, { ...req.body, action });
        return present(supervisionItemSchemas.entity, item);
      },
    });
  }
  r.post("/api/v1/supervision-items/:id/escalate", {
    config: { rule: actionRule("supervision-items", "escalate") },
    schema: {
      tags: ["supervision item"],
      summary: "Escalate a supervision item (督办升级) with a note; its state is unchanged",
      params: z.strictObject({ id }),
      body: supervisionEscalation,
      response: {
        200: supervisionItemSchemas.entity,
        400: errorBody,
        403: errorBody,
        404: errorBody,
        409: errorBody,
      },
    },
    handler: async (req) =>
      present(
        supervisionItemSchemas.entity,
        await escalateSupervisionItem(contextOf(req, opts.database), req.params.id, req.body),
      ),
  });
}
