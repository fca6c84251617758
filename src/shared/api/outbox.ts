import { z } from "zod";
import { id, page, timestamp } from "./common.js";

export const outboxStates = ["pending", "sent", "dead"] as const;
export const outboxChannels = ["webhook", "email"] as const;

/** One outbound delivery (投递记录) of a message: where to, how it went, and its last error. */
export const outboxEntry = z.object({
  id,
  messageId: id,
  channel: z.enum(outboxChannels),
  /** The webhook's URL or the e-mail address. */
  target: z.string(),
  /** pending (waiting or retrying), sent, or dead (every attempt failed; an admin may retry it). */
  state: z.enum(outboxStates),
  attempts: z.number().int(),
  nextAttemptAt: timestamp,
  lastError: z.string().nullable(),
  createdAt: timestamp,
  sentAt: timestamp.nullable(),
  /** The message's kind (chase, extensionRequested, …), recipient and task force. */
  kind: z.string(),
  personName: z.string(),
  taskForceId: id.nullable(),
});
z.globalRegistry.add(outboxEntry, { id: "OutboxEntry" });
export type OutboxEntry = z.output<typeof outboxEntry>;
export const outboxPage = page(outboxEntry);

/** Query of `GET /outbox`: one state (all when absent), newest first, paged. */
export const outboxQuery = z.strictObject({
  state: z.enum(outboxStates).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});
export type OutboxQuery = z.output<typeof outboxQuery>;
