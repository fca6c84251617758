import { z } from "zod";
import { id, isoDate, recordBase, requiredText, text, timestamp, version } from "./common.js";

/** pending → approved | rejected | withdrawn (延期申请's states). */
export const extensionStates = ["pending", "approved", "rejected", "withdrawn"] as const;
export type ExtensionState = (typeof extensionStates)[number];

/** An extension request (延期申请): an owner asks for a later deadline; a lead or the office decides. */
export const extensionRequest = z.object({
  ...recordBase,
  taskForceId: id,
  taskId: id,
  /** The task's WBS code and title as they are now (for queues and messages). */
  taskCode: z.string(),
  taskTitle: z.string(),
  /** Username and display name of whoever filed it (the owner, or someone of the task force for them). */
  requestedBy: z.string(),
  requestedByName: z.string(),
  /** The task's deadline when the request was filed (null: it had none). */
  currentDeadline: isoDate.nullable(),
  requestedDeadline: isoDate,
  reason: z.string(),
  state: z.enum(extensionStates),
  decidedBy: z.string().nullable(),
  decidedByName: z.string().nullable(),
  decidedAt: timestamp.nullable(),
  decisionNote: z.string().nullable(),
  /** The plan baseline (N+1) an approval recorded; null otherwise, or when the plan had none yet. */
  baselineId: id.nullable(),
});
z.globalRegistry.add(extensionRequest, { id: "ExtensionRequest" });
export type ExtensionRequest = z.output<typeof extensionRequest>;

/** Body of `POST /tasks/{id}/extension-requests`. */
export const extensionRequestInput = z.strictObject({
  /** The deadline asked for: after the task's current deadline (or its late finish when it has none). */
  requestedDeadline: isoDate,
  reason: requiredText(2000),
});
export type ExtensionRequestInput = z.output<typeof extensionRequestInput>;

/** Body of an approval: the request's version, and an optional note. */
export const extensionApproval = z.strictObject({ version, note: text(2000).optional() });
/** Body of a rejection: the request's version and why (required). */
export const extensionRejection = z.strictObject({ version, note: requiredText(2000) });
/** Body of a withdrawal by the requester. */
export const extensionWithdrawal = z.strictObject({ version });
export type ExtensionDecisionInput = z.output<typeof extensionApproval>;

/** A pending request as the battle map shows it beside its task. */
export const pendingExtension = z.object({
  id,
  requestedDeadline: isoDate,
  currentDeadline: isoDate.nullable(),
  requestedByName: z.string(),
  createdAt: timestamp,
});
export type PendingExtension = z.output<typeof pendingExtension>;
