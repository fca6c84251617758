/**
 * The outbox as admins see it (投递记录): deliveries by state, and a dead one sent again. Deliveries
 * belong to the whole organisation, so an API token limited to one task force sees none.
 */
import type { OutboxEntry, OutboxQuery } from "../../shared/api/outbox.js";
import { AppError } from "../../shared/errors.js";
import { ruleDetail } from "../../shared/messages.js";
import { assertOrganisationWide } from "../accounts/scope.js";
import { appendAudit } from "../audit/audit.repository.js";
import { readerOf, type ServiceContext } from "../context.js";
import type { Page } from "../records/list-page.js";
import { write } from "../records/transaction.js";
import { notFound } from "../records/update-at-version.js";
import { outboxPayload } from "./delivery.js";
import { getOutboxRow, listOutboxRows, type OutboxRow, reviveDead } from "./outbox.repository.js";

/** An outbox row on the wire: the row without its payload, with the message's kind, recipient and task force. */
function presentEntry(row: OutboxRow): OutboxEntry {
  let payload: { kind: string; personName: string; taskForceId: string | null } | null = null;
  try {
    const parsed = outboxPayload.safeParse(JSON.parse(row.payload));
    if (parsed.success) payload = parsed.data;
  } catch {
    // An unreadable payload is shown without its message's details (the worker marks it failed).
  }
  return {
    id: row.id,
    messageId: row.messageId,
    channel: row.channel,
    target: row.target,
    state: row.state,
    attempts: row.attempts,
    nextAttemptAt: row.nextAttemptAt,
    lastError: row.lastError,
    createdAt: row.createdAt,
    sentAt: row.sentAt,
    kind: payload?.kind ?? "",
    personName: payload?.personName ?? "",
    taskForceId: payload?.taskForceId ?? null,
  };
}

/** A page of deliveries, newest first, optionally of one state (admins and the supervision office). */
export async function listOutbox(ctx: ServiceContext, q: OutboxQuery): Promise<Page<OutboxEntry>> {
  assertOrganisationWide(ctx);
  const { rows, total } = await listOutboxRows(readerOf(ctx), q);
  return { items: rows.map(presentEntry), total, limit: q.limit, offset: q.offset };
}

/**
 * Sends a dead delivery again: back to pending, due now, its attempts counted afresh (audited).
 * 404 for no such row; 409 `OUTBOX_NOT_DEAD` when it is pending or sent.
 */
export function retryOutbox(ctx: ServiceContext, id: string): Promise<OutboxEntry> {
  assertOrganisationWide(ctx);
  return write(ctx, async (w) => {
    const db = w.uow.db;
    const before = await getOutboxRow(db, id);
    if (!before) throw notFound("delivery", id);
    if (!(await reviveDead(db, id, w.now())))
      throw new AppError("OUTBOX_NOT_DEAD", `delivery ${id} is ${before.state}, not dead`, [
        ruleDetail("state", "notFromState", { state: before.state }),
      ]);
    const after = await getOutboxRow(db, id);
    if (!after) throw notFound("delivery", id);
    await appendAudit(
      w,
      {
        action: "update",
        entity: "outbox",
        entityId: id,
        before: presentEntry(before),
        after: presentEntry(after),
      },
      { entity: "outbox", entityId: id, taskForceId: null },
    );
    return presentEntry(after);
  });
}
