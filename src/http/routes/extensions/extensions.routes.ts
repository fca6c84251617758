import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { DatabaseHandle } from "../../../db/connection.js";
import { EXTENSION_LIST } from "../../../domain/chasing/extension.js";
import {
  fileExtensionRequest,
  getExtensionRequest,
  listExtensionRequests,
  withdrawExtensionRequest,
} from "../../../domain/chasing/extension.service.js";
import {
  approveExtensionRequest,
  rejectExtensionRequest,
} from "../../../domain/chasing/extension-decision.service.js";
import type { ServiceContext } from "../../../domain/context.js";
import { errorBody, id, page } from "../../../shared/api/common.js";
import {
  extensionApproval,
  extensionRejection,
  extensionRequest,
  extensionRequestInput,
  extensionWithdrawal,
} from "../../../shared/api/extensions.js";
import { actionRule, readRule, writeRule } from "../../policy.js";
import { present, validated } from "../../present.js";
import { contextOf } from "../../request-context.js";
import { criteriaOf, listQueryOf } from "../list-query.js";

const params = z.strictObject({ id });
const errors = { 400: errorBody, 403: errorBody, 404: errorBody, 409: errorBody, 422: errorBody };
const tags = ["extension request"];
const RESOURCE = "extension-requests";

/** 延期申请: filed on a task by its owner, decided by a lead of its task force or the supervision office. */
export async function extensionRoutes(app: FastifyInstance, opts: { database: DatabaseHandle }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post("/api/v1/tasks/:id/extension-requests", {
    config: { rule: writeRule(RESOURCE) },
    schema: {
      tags,
      summary:
        "Ask for a later deadline of a task, with a reason (its owner, or a lead or member of its task force for them); the task force's leads get an inbox message",
      params,
      body: extensionRequestInput,
      response: { 201: extensionRequest, ...errors },
    },
    handler: async (req, reply) => {
      const made = await fileExtensionRequest(contextOf(req, opts.database), req.params.id, req.body);
      return reply.status(201).send(present(extensionRequest, made));
    },
  });
  r.get("/api/v1/extension-requests", {
    config: { rule: readRule(RESOURCE) },
    schema: {
      tags,
      summary: "Extension requests of the task forces you may read (filter by taskForceId, taskId, state)",
      querystring: listQueryOf(EXTENSION_LIST),
      response: { 200: page(extensionRequest), 400: errorBody },
    },
    handler: async (req) => {
      const criteria = criteriaOf(RESOURCE, EXTENSION_LIST, req.query);
      return present(
        page(extensionRequest),
        await listExtensionRequests(contextOf(req, opts.database), criteria),
      );
    },
  });
  r.get("/api/v1/extension-requests/:id", {
    config: { rule: readRule(RESOURCE) },
    schema: {
      tags,
      summary: "One extension request",
      params,
      response: { 200: extensionRequest, ...errors },
    },
    handler: async (req) =>
      present(extensionRequest, await getExtensionRequest(contextOf(req, opts.database), req.params.id)),
  });
  /** One route per action, so each carries its own access rule. */
  const action = <B extends z.ZodType<{ version: number; note?: string }>>(
    name: "approve" | "reject" | "withdraw",
    body: B,
    summary: string,
    run: (ctx: ServiceContext, id: string, input: z.output<B>) => Promise<unknown>,
  ) =>
    r.post(`/api/v1/extension-requests/:id/${name}`, {
      config: { rule: actionRule(RESOURCE, name) },
      schema: { tags, summary, params, body, response: { 200: extensionRequest, ...errors } },
      handler: async (req) =>
        present(
          extensionRequest,
          await run(contextOf(req, opts.database), req.params.id, validated(body, req.body)),
        ),
    });
  action(
    "approve",
    extensionApproval,
    "Approve a pending request at its version: the task's deadline moves and the plan change is recorded as baseline N+1 (slippage still counts from the first baseline by default)",
    approveExtensionRequest,
  );
  action(
    "reject",
    extensionRejection,
    "Reject a pending request at its version, with a note (required)",
    rejectExtensionRequest,
  );
  action(
    "withdraw",
    extensionWithdrawal,
    "Withdraw a pending request you filed, at its version",
    withdrawExtensionRequest,
  );
}
