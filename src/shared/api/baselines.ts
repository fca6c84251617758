import { z } from "zod";
import { id, isoDate, requiredText, timestamp } from "./common.js";

/** A task's planned dates in a baseline (or proposed for the next one). */
const span = z.object({ start: isoDate, finish: isoDate });

/** One approved plan baseline (基线) of a task force: number N, who approved it, when and why. */
export const planBaseline = z.object({
  id,
  taskForceId: id,
  number: z.number().int().min(1),
  approvedAt: timestamp,
  approvedBy: id.nullable(),
  approvedByName: z.string(),
  reason: z.string(),
  /** The status date whose early dates the baseline took. */
  statusDate: isoDate,
  taskCount: z.number().int(),
});
z.globalRegistry.add(planBaseline, { id: "PlanBaseline" });
export type PlanBaseline = z.output<typeof planBaseline>;

export const baselineTask = span.extend({ taskId: id, code: z.string(), title: z.string() });
export type BaselineTask = z.output<typeof baselineTask>;

/** A baseline with every task's planned start and finish. */
export const planBaselineDetail = planBaseline.extend({ tasks: z.array(baselineTask) });
export type PlanBaselineDetail = z.output<typeof planBaselineDetail>;

/** Which baseline slippage is measured against: each task's first approved one, or the latest. */
export const slippageBaselines = ["first", "latest"] as const;
export type SlippageBaseline = (typeof slippageBaselines)[number];

/** What approving the plan now would record, before anything is written. */
export const planApprovalPreview = z.object({
  taskForceId: id,
  statusDate: isoDate,
  /** The number the new baseline would get. */
  number: z.number().int().min(1),
  latest: planBaseline.nullable(),
  /** Slippage is measured against this choice of the organisation (settings `plan`). */
  slippageAgainst: z.enum(slippageBaselines),
  /** A second or later baseline needs the supervision office (a supervisor or an admin). */
  needsSupervisor: z.boolean(),
  mayApprove: z.boolean(),
  /** Tasks whose planned dates the new baseline would set or move, against the latest baseline. */
  changes: z.array(
    z.object({
      taskId: id,
      code: z.string(),
      title: z.string(),
      from: span.nullable(),
      to: span,
      /** Working days the finish moves (positive: later); null for a task new to the baseline. */
      shift: z.number().int().nullable(),
    }),
  ),
  unchanged: z.number().int(),
  /** Tasks of the latest baseline the plan no longer schedules (deleted, or without a duration). */
  dropped: z.number().int(),
});
z.globalRegistry.add(planApprovalPreview, { id: "PlanApprovalPreview" });
export type PlanApprovalPreview = z.output<typeof planApprovalPreview>;

/**
 * Body of a plan approval: why (kept with the baseline), and the number of the baseline the approver
 * previewed, so that of two approvals from one preview only the first lands (409 for the second).
 */
export const planApprovalInput = z.strictObject({
  reason: requiredText(500),
  number: z.number().int().min(1),
});
export type PlanApprovalInput = z.output<typeof planApprovalInput>;
