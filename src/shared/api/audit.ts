import { z } from "zod";
import { id, instantQuery, text, timestamp } from "./common.js";

export const auditActions = [
  "create",
  "update",
  "delete",
  "transition",
  "schedule",
  "approve",
  "import",
] as const;
export type AuditAction = (typeof auditActions)[number];

/** An append-only audit entry: who changed what, when, before and after. */
export const auditEntry = z.object({
  id,
  at: timestamp,
  actor: z.string(),
  action: z.enum(auditActions),
  entity: z.string(),
  entityId: z.string(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  /** Why, where the change asked for a reason (a correction or withdrawal). */
  reason: z.string().nullable(),
});
z.globalRegistry.add(auditEntry, { id: "AuditEntry" });
export type AuditEntry = z.output<typeof auditEntry>;

/** Filters of `GET /audit-entries`. */
export const auditQuery = z.strictObject({
  entity: text(40).optional(),
  entityId: text(64).optional(),
  actor: text(60).optional(),
  from: instantQuery.optional(),
  to: instantQuery.optional(),
});
