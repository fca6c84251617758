import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { DatabaseHandle } from "../../../db/connection.js";
import {
  approvePlan,
  getBaseline,
  listBaselines,
  previewPlanApproval,
} from "../../../domain/baselines/baseline.service.js";
import {
  planApprovalInput,
  planApprovalPreview,
  planBaseline,
  planBaselineDetail,
} from "../../../shared/api/baselines.js";
import { errorBody, id } from "../../../shared/api/common.js";
import { scheduleRun } from "../../../shared/api/schedule.js";
import { actionRule, readRule } from "../../policy.js";
import { present } from "../../present.js";
import { contextOf } from "../../request-context.js";

const params = z.strictObject({ id });
const numbered = z.strictObject({ id, number: z.coerce.number().int().min(1).max(1_000_000) });
const errors = { 400: errorBody, 403: errorBody, 404: errorBody, 422: errorBody };
const approval = z.object({ run: scheduleRun, approved: z.number().int(), baseline: planBaseline });

/** Plan baselines (基线) as versions: approval with a preview, and every earlier baseline kept. */
export async function baselineRoutes(app: FastifyInstance, opts: { database: DatabaseHandle }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get("/api/v1/task-forces/:id/baselines", {
    config: { rule: readRule("task-forces") },
    schema: {
      tags: ["schedule"],
      summary: "The approved plan baselines of a task force, oldest first: number, who, when, why",
      params,
      response: { 200: z.array(planBaseline), ...errors },
    },
    handler: async (req) =>
      present(z.array(planBaseline), await listBaselines(contextOf(req, opts.database), req.params.id)),
  });
  r.get("/api/v1/task-forces/:id/baselines/:number", {
    config: { rule: readRule("task-forces") },
    schema: {
      tags: ["schedule"],
      summary: "One baseline of a task force with every task's planned start and finish",
      params: numbered,
      response: { 200: planBaselineDetail, ...errors },
    },
    handler: async (req) =>
      present(
        planBaselineDetail,
        await getBaseline(contextOf(req, opts.database), req.params.id, req.params.number),
      ),
  });
  r.get("/api/v1/task-forces/:id/plan-approval", {
    config: { rule: readRule("task-forces") },
    schema: {
      tags: ["schedule"],
      summary:
        "Preview of a plan approval (nothing is written): the tasks whose planned dates the next baseline would set or move, and whether the caller may approve it",
      params,
      response: { 200: planApprovalPreview, ...errors },
    },
    handler: async (req) =>
      present(planApprovalPreview, await previewPlanApproval(contextOf(req, opts.database), req.params.id)),
  });
  r.post("/api/v1/task-forces/:id/approve-plan", {
    config: { rule: actionRule("task-forces", "approve-plan") },
    schema: {
      tags: ["schedule"],
      summary:
        "Approve the plan as baseline N+1 (the current early dates, with who, when and why); earlier baselines stay. A second or later baseline needs a supervisor or an admin. Slippage counts from each task's first baseline unless settings choose the latest",
      params,
      body: planApprovalInput,
      response: { 200: approval, ...errors },
    },
    handler: async (req) =>
      present(approval, await approvePlan(contextOf(req, opts.database), req.params.id, req.body)),
  });
}
