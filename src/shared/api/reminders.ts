import { z } from "zod";
import { CHAIN_LEVELS, REMINDER_RULES } from "../../vocabulary/words.js";
import { id, isoDate, page, requiredText, timestamp } from "./common.js";

/** A task force's own changes to the organisation's reminder settings (any part; the rest inherits). */
export const taskForceReminderSettings = z.strictObject({
  daysBefore: z.number().int().min(0).max(30).optional(),
  overdueEvery: z.number().int().min(1).max(30).optional(),
  grace: z
    .strictObject({
      owner: z.number().int().min(0).max(60).optional(),
      unitHead: z.number().int().min(0).max(60).optional(),
      lead: z.number().int().min(0).max(60).optional(),
      leadLeader: z.number().int().min(0).max(60).optional(),
    })
    .optional(),
});
export type TaskForceReminderSettings = z.output<typeof taskForceReminderSettings>;

const effectiveSettings = z.object({
  daysBefore: z.number().int(),
  overdueEvery: z.number().int(),
  grace: z.object({
    owner: z.number().int(),
    unitHead: z.number().int(),
    lead: z.number().int(),
    leadLeader: z.number().int(),
  }),
});
/** `GET /task-forces/{id}/reminder-settings`: its own, the organisation's and the effective settings. */
export const reminderSettingsView = z.object({
  own: taskForceReminderSettings,
  organisation: effectiveSettings,
  effective: effectiveSettings,
});

export const chaseRules = [...REMINDER_RULES, "manual"] as const;
export const chaseSubjectKinds = ["task", "supervisionItem"] as const;

/** One 催办: who chased whom about what and why, when it was sent, read and answered. */
export const chase = z.object({
  id,
  taskForceId: id,
  subjectKind: z.enum(chaseSubjectKinds),
  subjectId: id,
  subjectCode: z.string(),
  subjectTitle: z.string(),
  rule: z.enum(chaseRules),
  level: z.enum(CHAIN_LEVELS),
  recipientId: id,
  recipientName: z.string(),
  /** `system` for the rules; else the username who pressed 催办. */
  sender: z.string(),
  senderName: z.string(),
  reason: z.string().nullable(),
  dueDate: isoDate.nullable(),
  workdaysLate: z.number().int(),
  /** The organisation's day it was sent. */
  day: isoDate,
  createdAt: timestamp,
  readAt: timestamp.nullable(),
  answeredAt: timestamp.nullable(),
  /** The day of the report or step that answered it. */
  answeredDay: isoDate.nullable(),
});
z.globalRegistry.add(chase, { id: "Chase" });
export type Chase = z.output<typeof chase>;
export const chasePage = page(chase);

/** Body of `POST /chases`: a 催办 by hand; the recipient defaults to the subject's owner. */
export const chaseCreate = z.strictObject({
  subjectKind: z.enum(chaseSubjectKinds),
  subjectId: id,
  recipientId: id.optional(),
  reason: requiredText(500),
});
export type ChaseCreate = z.output<typeof chaseCreate>;

export const chaseListQuery = z.strictObject({
  taskForceId: id.optional(),
  subjectId: id.optional(),
  recipientId: id.optional(),
  answered: z.enum(["true", "false"]).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});

/** One inbox message: its kind and values; the reader's language words them. */
export const inboxMessage = z.object({
  id,
  kind: z.string(),
  taskForceId: id.nullable(),
  subjectKind: z.enum(chaseSubjectKinds).nullable(),
  subjectId: id.nullable(),
  chaseId: id.nullable(),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
  createdAt: timestamp,
  readAt: timestamp.nullable(),
});
z.globalRegistry.add(inboxMessage, { id: "InboxMessage" });
export type InboxMessage = z.output<typeof inboxMessage>;

export const inboxPage = z.object({
  items: z.array(inboxMessage),
  total: z.number().int(),
  unread: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
});

export const inboxQuery = z.strictObject({
  unread: z.enum(["true", "false"]).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(30),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});

/** Body of `POST /inbox/read`: these messages, or all of the caller's. */
export const inboxRead = z.union([
  z.strictObject({ ids: z.array(id).min(1).max(500) }),
  z.strictObject({ all: z.literal(true) }),
]);
