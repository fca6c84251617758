/** The chasing loop's tables (migration 2026-12-03-0015-chasing). */
import type { ChainLevel, ReminderRule } from "../../vocabulary/words.js";
import type { RecordColumns } from "../records/record.table.js";

export type ChaseSubjectKind = "task" | "supervisionItem";

/** `chases` (催办): one reminder or escalation sent, automatic or by hand, and whether it was answered. */
export interface ChaseTable {
  id: string;
  taskForceId: string;
  subjectKind: ChaseSubjectKind;
  subjectId: string;
  subjectCode: string;
  subjectTitle: string;
  /** A reminder rule of the engine, or `manual`. */
  rule: ReminderRule | "manual";
  level: ChainLevel;
  recipientId: string;
  recipientName: string;
  sender: string;
  senderName: string;
  reason: string | null;
  dueDate: string | null;
  workdaysLate: number;
  /** The organisation's day it was sent. */
  day: string;
  createdAt: string;
  readAt: string | null;
  answeredAt: string | null;
  /** The day of the report (or state change) that answered it. */
  answeredDay: string | null;
  /** The engine's key of an automatic reminder (unique: sent once whatever the instances). */
  reminderKey: string | null;
}

/** `messages`: a person's inbox; `params` is JSON the reader's language words. */
export interface MessageTable {
  id: string;
  personId: string;
  kind: string;
  taskForceId: string | null;
  subjectKind: string | null;
  subjectId: string | null;
  chaseId: string | null;
  params: string;
  createdAt: string;
  readAt: string | null;
}

export type OutboxChannel = "webhook" | "email";
export type OutboxState = "pending" | "sent" | "dead";

/** `outbox`: a message to deliver outside the app, claimed by one worker at a time. */
export interface OutboxTable {
  id: string;
  messageId: string;
  channel: OutboxChannel;
  /** The webhook's URL or the e-mail address. */
  target: string;
  /** JSON of what is sent. */
  payload: string;
  state: OutboxState;
  attempts: number;
  nextAttemptAt: string;
  /** A claim's lease: another worker may take the row only after it. */
  lockedUntil: string | null;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

export type ExtensionState = "pending" | "approved" | "rejected" | "withdrawn";

/** `extension_requests` (延期申请): an owner asks for a later deadline; a lead or the office decides. */
export interface ExtensionRequestTable extends RecordColumns {
  taskForceId: string;
  taskId: string;
  /** The username that asked. */
  requestedBy: string;
  requestedByName: string;
  currentDeadline: string | null;
  requestedDeadline: string;
  reason: string;
  state: ExtensionState;
  decidedBy: string | null;
  decidedByName: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
  /** The plan baseline the approval recorded. */
  baselineId: string | null;
}
