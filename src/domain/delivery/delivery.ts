/**
 * Outbound delivery of messages (webhook, e-mail) from the `outbox` table: the options of the
 * worker, the back-off between attempts, and what a transport is given. No rule here says who is
 * chased or told: that is decided when a message is posted (src/domain/chasing/messages.ts).
 */
import { z } from "zod";
import type { OutboxChannel } from "../chasing/chasing.table.js";

/** How the worker claims, retries and gives up; every duration in milliseconds. */
export interface DeliveryOptions {
  /** Rows claimed at once. */
  readonly batchSize: number;
  /** Deliveries of a batch in flight together. */
  readonly concurrency: number;
  /** A claim's lease: past it another worker may take the row (longer than any transport's timeout). */
  readonly leaseMs: number;
  /** Attempts before a row is dead (a dead letter an admin may retry). */
  readonly maxAttempts: number;
  /** Wait after the first failure; doubled after each further one … */
  readonly backoffBaseMs: number;
  /** … up to this. */
  readonly backoffCapMs: number;
}

/**
 * 32 rows a claim, 8 in flight, a 5-minute lease (4 rounds of the slowest transport fit in it), 8
 * attempts, 30 s × 2^(n-1) apart capped at 1 h.
 */
export const DEFAULT_DELIVERY_OPTIONS: DeliveryOptions = Object.freeze({
  batchSize: 32,
  concurrency: 8,
  leaseMs: 300_000,
  maxAttempts: 8,
  backoffBaseMs: 30_000,
  backoffCapMs: 3_600_000,
});

/**
 * The wait before the next attempt after `attempts` failed ones: base × 2^(attempts-1), capped;
 * e.g. with the defaults 30 s, 60 s, 120 s … and 1 h from the 8th failure on.
 */
export function backoffMs(
  attempts: number,
  o: Pick<DeliveryOptions, "backoffBaseMs" | "backoffCapMs">,
): number {
  const n = Math.max(1, Math.min(attempts, 40));
  return Math.min(o.backoffCapMs, o.backoffBaseMs * 2 ** (n - 1));
}

/** The outbox row's JSON payload as the worker reads it (src/domain/chasing/messages.ts writes it). */
export const outboxPayload = z.object({
  messageId: z.string(),
  kind: z.string(),
  personId: z.string(),
  personName: z.string(),
  taskForceId: z.string().nullable(),
  subject: z.object({ kind: z.string(), id: z.string() }).nullable(),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
  createdAt: z.string(),
});
export type DeliveryPayload = z.output<typeof outboxPayload>;

/** One attempt at delivering an outbox row, as a transport is given it. */
export interface Delivery {
  /** The outbox row's id: the receiver's key to drop a repeat. */
  readonly id: string;
  readonly channel: OutboxChannel;
  /** The webhook's URL or the e-mail address. */
  readonly target: string;
  /** The payload exactly as stored: a webhook sends (and signs) these bytes. */
  readonly body: string;
  readonly payload: DeliveryPayload;
  /** 1 for the first attempt. */
  readonly attempt: number;
  /** The worker's clock at the attempt. */
  readonly at: Date;
  /** The organisation's From address (settings `notifications.email.from`), when set. */
  readonly sender: string | null;
}

/** Sends one delivery: resolves when the other side took it, throws (with a readable message) when not. */
export type Transport = (d: Delivery) => Promise<void>;

/** A transport per channel. */
export type Transports = Readonly<Record<OutboxChannel, Transport>>;

/** A failed delivery's reason, without secrets; a transport throws it or any Error. */
export class DeliveryError extends Error {
  override readonly name = "DeliveryError";
}

/** What the worker writes to its log: structured fields, a message; never a secret. */
export interface DeliveryLog {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}

/** A log that drops everything (tests, benchmarks). */
export const silentLog: DeliveryLog = { info: () => {}, warn: () => {}, error: () => {} };
