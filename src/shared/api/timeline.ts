import { z } from "zod";
import { TIMELINE_KINDS } from "../../vocabulary/timeline.js";
import { id, isoDate, timestamp } from "./common.js";

export { TIMELINE_KINDS, type TimelineKind } from "../../vocabulary/timeline.js";

/** The two records that have a timeline. */
export const timelineSubjectKinds = ["task", "supervisionItem"] as const;

/** A piece of evidence: an attachment (downloaded from `url`) or a plain entry of a report. */
export const timelineEvidence = z.object({
  name: z.string(),
  attachmentId: id.nullable(),
  /** `/api/v1/attachments/{id}`; null for a plain entry. */
  url: z.string().nullable(),
});

/** One event of a timeline; fields a kind does not have are null. */
export const timelineEvent = z.object({
  id: z.string(),
  kind: z.enum(TIMELINE_KINDS),
  /** The organisation's day it happened: the day its record names, else the day it was recorded. */
  day: isoDate,
  /** When it was recorded. */
  at: timestamp,
  /** Who did it, by display name; null: the system (the reminder rules, a data load). */
  actorName: z.string().nullable(),
  /** Its note, reason, or an excerpt of its narrative (one line, at most 140 characters). */
  text: z.string().nullable(),
  /** A progress report's percent. */
  percent: z.number().nullable(),
  /** Whom a 催办 went to. */
  recipientName: z.string().nullable(),
  /** Why a 催办 was sent: `manual` (by hand) or the reminder rule. */
  chaseRule: z.string().nullable(),
  /** The deadline a 延期申请 asks for. */
  deadline: isoDate.nullable(),
  /** On a task's timeline, the 督办单 a step belongs to. */
  itemCode: z.string().nullable(),
  evidence: z.array(timelineEvidence),
});
export type TimelineEvent = z.output<typeof timelineEvent>;

/** What the timeline is of, as its header shows it. */
export const timelineSubject = z.object({
  kind: z.enum(timelineSubjectKinds),
  id,
  /** WBS code of a task, number of a 督办单. */
  code: z.string(),
  /** A task's title, a 督办单's issue. */
  title: z.string(),
  taskForceId: id,
  taskForceName: z.string(),
  /** The responsible person and unit, by name. */
  ownerName: z.string().nullable(),
  unitName: z.string().nullable(),
  /** A task's deadline, a 督办单's rectification deadline. */
  deadline: isoDate.nullable(),
  /** A task's status or a 督办单's state. */
  state: z.string(),
  /** The task a 督办单 is raised on: code and title. */
  taskLabel: z.string().nullable(),
});

/** `GET /tasks/{id}/timeline`, `GET /supervision-items/{id}/timeline`. */
export const timeline = z.object({
  subject: timelineSubject,
  /** The organisation's status date now (printed as the document's date). */
  statusDate: isoDate,
  /** Oldest first: by day, then the instant recorded, then kind. */
  events: z.array(timelineEvent),
});
z.globalRegistry.add(timeline, { id: "Timeline" });
export type Timeline = z.output<typeof timeline>;

/** Where an attachment's bytes are downloaded. */
export const attachmentPath = (attachmentId: string) => `/api/v1/attachments/${attachmentId}`;
