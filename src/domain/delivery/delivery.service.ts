/**
 * Delivering the outbox: claim a batch of due rows (a short lease, so several app instances never
 * take the same row), send each outside any transaction, then mark it sent, or failed with a
 * back-off, or dead after its last attempt.
 */
import type { DatabaseHandle } from "../../db/connection.js";
import { serviceContext } from "../context.js";
import { organisationSettings } from "../settings/settings.service.js";
import {
  backoffMs,
  DEFAULT_DELIVERY_OPTIONS,
  type Delivery,
  type DeliveryLog,
  type DeliveryOptions,
  outboxPayload,
  silentLog,
  type Transports,
} from "./delivery.js";
import { type Claimed, claimDue, markFailed, markSent, type OutboxRow } from "./outbox.repository.js";

/** What a delivery run needs: the database, a transport per channel, the clock, options, a log. */
export interface DeliveryRun {
  readonly database: DatabaseHandle;
  readonly transports: Transports;
  /** The worker's clock (injectable: a test moves it past a back-off). */
  readonly now: () => Date;
  readonly options?: Partial<DeliveryOptions>;
  readonly log?: DeliveryLog;
}

/** How a run went: rows claimed, delivered, to be retried, given up (dead), and claims lost to a lease run out. */
export interface DeliveryTally {
  readonly claimed: number;
  readonly sent: number;
  readonly retrying: number;
  readonly dead: number;
  readonly lost: number;
}

const NONE: DeliveryTally = { claimed: 0, sent: 0, retrying: 0, dead: 0, lost: 0 };
const add = (a: DeliveryTally, b: DeliveryTally): DeliveryTally => ({
  claimed: a.claimed + b.claimed,
  sent: a.sent + b.sent,
  retrying: a.retrying + b.retrying,
  dead: a.dead + b.dead,
  lost: a.lost + b.lost,
});

/** Runs `fn` over `items` with at most `limit` in flight. */
async function eachLimited<T>(items: readonly T[], limit: number, fn: (t: T) => Promise<void>) {
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const item = items[next++];
      if (item !== undefined) await fn(item);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane));
}

/** The organisation's From address, read only when a batch holds e-mail. */
async function senderFor(database: DatabaseHandle, rows: readonly OutboxRow[]): Promise<string | null> {
  if (!rows.some((r) => r.channel === "email")) return null;
  const { notifications } = await organisationSettings(serviceContext(database, "worker"));
  return notifications.email?.from ?? null;
}

/** Sends one claimed row; the error text when it failed, null when delivered. */
async function attempt(run: DeliveryRun, row: OutboxRow, sender: string | null): Promise<string | null> {
  const parsed = outboxPayload.safeParse(safeJson(row.payload));
  if (!parsed.success) return "the payload is not a message this worker can read";
  const d: Delivery = {
    id: row.id,
    channel: row.channel,
    target: row.target,
    body: row.payload,
    payload: parsed.data,
    attempt: row.attempts,
    at: run.now(),
    sender,
  };
  try {
    await run.transports[row.channel](d);
    return null;
  } catch (e) {
    return (e instanceof Error ? e.message : String(e)).slice(0, 1000) || "failed";
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Claims one batch of due rows and delivers it; the tally of what happened. */
export async function deliverBatch(run: DeliveryRun): Promise<DeliveryTally> {
  const o = { ...DEFAULT_DELIVERY_OPTIONS, ...run.options };
  const log = run.log ?? silentLog;
  const { db, dialect } = run.database;
  const start = run.now();
  const rows = await claimDue(db, dialect, {
    now: start.toISOString(),
    until: new Date(start.getTime() + o.leaseMs).toISOString(),
    limit: o.batchSize,
  });
  if (rows.length === 0) return NONE;
  const sender = await senderFor(run.database, rows);
  const sent: Claimed[] = [];
  const failed: { row: OutboxRow; error: string }[] = [];
  await eachLimited(rows, o.concurrency, async (row) => {
    const error = await attempt(run, row, sender);
    if (error === null) sent.push(row);
    else failed.push({ row, error });
  });
  const marked = await markSent(db, sent, run.now().toISOString());
  let tally: DeliveryTally = { ...NONE, claimed: rows.length, sent: marked, lost: sent.length - marked };
  for (const { row, error } of failed) tally = add(tally, await recordFailure(run, o, row, error));
  if (tally.lost > 0) log.warn({ lost: tally.lost }, "outbox: claims ran out before their rows were marked");
  return tally;
}

/** Marks a failed attempt: retried after the back-off, or dead after the last attempt. */
async function recordFailure(
  run: DeliveryRun,
  o: DeliveryOptions,
  row: OutboxRow,
  error: string,
): Promise<DeliveryTally> {
  const log = run.log ?? silentLog;
  const dead = row.attempts >= o.maxAttempts;
  const at = run.now().getTime();
  const nextAttemptAt = new Date(dead ? at : at + backoffMs(row.attempts, o)).toISOString();
  const changed = await markFailed(run.database.db, row, {
    state: dead ? "dead" : "pending",
    nextAttemptAt,
    lastError: error,
  });
  const fields = { outboxId: row.id, channel: row.channel, attempt: row.attempts, error };
  if (!changed) return { ...NONE, lost: 1 };
  if (dead) log.error(fields, "outbox: delivery failed for the last time; the row is dead");
  else log.warn({ ...fields, nextAttemptAt }, "outbox: delivery failed; will retry");
  return dead ? { ...NONE, dead: 1 } : { ...NONE, retrying: 1 };
}

/** Delivers batch after batch until no row is due (or `stop()` says so between batches). */
export async function deliverAllDue(
  run: DeliveryRun,
  stop: () => boolean = () => false,
): Promise<DeliveryTally> {
  let total = NONE;
  while (!stop()) {
    const batch = await deliverBatch(run);
    total = add(total, batch);
    if (batch.claimed === 0) break;
  }
  return total;
}
