/**
 * The in-app inbox and what goes out with it: a message to a person, and for each channel the
 * organisation switched on (settings `notifications`) an outbox row the delivery worker sends.
 * Written in the caller's transaction, so a message exists exactly when its cause does.
 */
import { readerOf, type ServiceContext, type WriteContext } from "../context.js";
import { newId } from "../ids.js";
import { organisationSettings } from "../settings/settings.service.js";
import type { ChaseSubjectKind } from "./chasing.table.js";

/** What a message is about; the reader's language words it from `kind` and `params`. */
export const MESSAGE_KINDS = [
  "chase",
  "extensionRequested",
  "extensionDecided",
  "completionClaimed",
  "completionReturned",
] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

export interface NewMessage {
  readonly personId: string;
  readonly kind: MessageKind;
  readonly taskForceId: string | null;
  readonly subject: { readonly kind: ChaseSubjectKind; readonly id: string } | null;
  readonly chaseId?: string;
  /** Plain values (codes, titles, dates, names, rule, note); no prose. */
  readonly params: Readonly<Record<string, string | number | null>>;
}

/** The JSON an outbox row carries: the message as plain data (the worker words the e-mail). */
export interface OutboxPayload {
  readonly messageId: string;
  readonly kind: MessageKind;
  readonly personId: string;
  readonly personName: string;
  readonly taskForceId: string | null;
  readonly subject: NewMessage["subject"];
  readonly params: NewMessage["params"];
  readonly createdAt: string;
}

/** Posts messages (one insert for all) and queues their deliveries; returns their ids in order. */
export async function postMessages(w: WriteContext, messages: readonly NewMessage[]): Promise<string[]> {
  if (messages.length === 0) return [];
  const db = w.uow.db;
  const at = w.now();
  const rows = messages.map((m) => ({
    id: newId(),
    personId: m.personId,
    kind: m.kind,
    taskForceId: m.taskForceId,
    subjectKind: m.subject?.kind ?? null,
    subjectId: m.subject?.id ?? null,
    chaseId: m.chaseId ?? null,
    params: JSON.stringify(m.params),
    createdAt: at,
    readAt: null,
  }));
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto("messages")
      .values(rows.slice(i, i + 500))
      .execute();
  await queueDeliveries(
    w,
    messages,
    rows.map((r) => r.id),
    at,
  );
  return rows.map((r) => r.id);
}

/** Outbox rows for the channels switched on: the webhook gets every message, e-mail those with an address. */
async function queueDeliveries(w: WriteContext, messages: readonly NewMessage[], ids: string[], at: string) {
  const { notifications } = await organisationSettings(w);
  const webhook = notifications.webhook?.enabled ? notifications.webhook.url : null;
  const email = notifications.email?.enabled ?? false;
  if (!webhook && !email) return;
  const people = await personsOf(w, [...new Set(messages.map((m) => m.personId))]);
  const out: {
    id: string;
    messageId: string;
    channel: "webhook" | "email";
    target: string;
    payload: string;
    state: "pending";
    attempts: number;
    nextAttemptAt: string;
    createdAt: string;
  }[] = [];
  messages.forEach((m, i) => {
    const person = people.get(m.personId);
    const messageId = ids[i] ?? "";
    const payload: OutboxPayload = {
      messageId,
      kind: m.kind,
      personId: m.personId,
      personName: person?.name ?? "",
      taskForceId: m.taskForceId,
      subject: m.subject,
      params: m.params,
      createdAt: at,
    };
    const row = { messageId, payload: JSON.stringify(payload), state: "pending" as const, attempts: 0 };
    if (webhook)
      out.push({
        ...row,
        id: newId(),
        channel: "webhook",
        target: webhook,
        nextAttemptAt: at,
        createdAt: at,
      });
    if (email && person?.email)
      out.push({
        ...row,
        id: newId(),
        channel: "email",
        target: person.email,
        nextAttemptAt: at,
        createdAt: at,
      });
  });
  for (let i = 0; i < out.length; i += 500)
    await w.uow.db
      .insertInto("outbox")
      .values(out.slice(i, i + 500))
      .execute();
}

async function personsOf(ctx: ServiceContext, ids: readonly string[]) {
  const rows = ids.length
    ? await readerOf(ctx)
        .selectFrom("persons")
        .select(["id", "name", "email"])
        .where("id", "in", ids)
        .execute()
    : [];
  return new Map(rows.map((r) => [r.id, r]));
}
