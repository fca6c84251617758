/** The timeline engine's records: what each source brings, and the events it makes (plain data). */
import type { TimelineKind } from "../../vocabulary/timeline.js";
import type { IsoDate } from "../calendar/index.js";
import type { HistoryEntry, ItemSnapshot } from "../ledger/supervision-history.js";

export { TIMELINE_KINDS, type TimelineKind } from "../../vocabulary/timeline.js";

/** An ISO 8601 instant, e.g. `2022-08-15T01:00:00.000Z`; sorts as text. */
export type Instant = string;

/** One piece of evidence: an attachment (its id) or a plain entry (a file name, a note). */
export interface Evidence {
  readonly name: string;
  readonly attachmentId: string | null;
}

/** One event of a timeline. */
export interface TimelineEvent {
  /** Unique within the timeline: the kind and the record it comes from. */
  readonly id: string;
  readonly kind: TimelineKind;
  /** The organisation's day it happened (a day the record names, else the day it was recorded). */
  readonly day: IsoDate;
  /** When it was recorded. */
  readonly at: Instant;
  /** Who did it, by display name; null: the system (the reminder rules, a data load). */
  readonly actorName: string | null;
  /** Its note, reason or an excerpt of its narrative. */
  readonly text: string | null;
  /** A progress report's percent. */
  readonly percent: number | null;
  /** Whom a 催办 went to. */
  readonly recipientName: string | null;
  /** Why a 催办 was sent: `manual`, or the reminder rule. */
  readonly chaseRule: string | null;
  /** The deadline a 延期申请 asks for. */
  readonly deadline: IsoDate | null;
  /** The 督办单 an event belongs to, on a task's timeline. */
  readonly itemCode: string | null;
  readonly evidence: readonly Evidence[];
}

/** Display names: of users by username, of persons by id. */
export interface NameBook {
  readonly users: ReadonlyMap<string, string>;
  readonly persons: ReadonlyMap<string, string>;
}

/** An audit entry of a 督办单 (its `after` is the item as written, with its issue). */
export interface ItemEntry extends HistoryEntry {
  readonly after: (ItemSnapshot & { readonly issue?: string }) | null;
}

/** A 督办单 with its audit entries. */
export interface ItemSource {
  readonly id: string;
  readonly code: string;
  readonly raisedById: string | null;
  readonly verifiedById: string | null;
  readonly entries: readonly ItemEntry[];
}

/** What a task's audit entry carries that the timeline reads (completion review). */
export interface TaskSnapshot {
  readonly completion?: string | null;
  readonly completionNote?: string | null;
}

/** An audit entry of a task. */
export interface TaskEntry {
  readonly at: Instant;
  readonly actor: string;
  readonly action: string;
  readonly reason: string | null;
  readonly before: TaskSnapshot | null;
  readonly after: TaskSnapshot | null;
}

export interface ReportSource {
  readonly id: string;
  readonly reportDate: IsoDate;
  readonly createdAt: Instant;
  readonly percent: number;
  readonly narrative: string;
  readonly evidence: readonly Evidence[];
  /** The username that recorded it (its audit entry), when known. */
  readonly recordedBy: string | null;
  readonly reportedById: string | null;
}

export interface CommentSource {
  readonly id: string;
  readonly createdAt: Instant;
  readonly author: string;
  readonly authorName: string | null;
  readonly body: string;
}

export interface AttachmentSource {
  readonly id: string;
  readonly createdAt: Instant;
  readonly createdBy: string;
  readonly fileName: string;
}

export interface ChaseSource {
  readonly id: string;
  readonly day: IsoDate;
  readonly createdAt: Instant;
  /** `system` for the reminder rules, else a username. */
  readonly sender: string;
  readonly senderName: string;
  readonly recipientName: string;
  readonly reason: string | null;
  readonly rule: string;
}

export interface ExtensionSource {
  readonly id: string;
  readonly createdAt: Instant;
  readonly requestedBy: string;
  readonly requestedByName: string;
  readonly requestedDeadline: IsoDate;
  readonly reason: string;
  /** `pending`, `approved`, `rejected` or `withdrawn`. */
  readonly state: string;
  readonly decidedBy: string | null;
  readonly decidedByName: string | null;
  readonly decidedAt: Instant | null;
  readonly decisionNote: string | null;
}

/** Everything a timeline merges; a source left out has no events. */
export interface TimelineSources {
  readonly taskEntries?: readonly TaskEntry[];
  readonly items?: readonly ItemSource[];
  readonly reports?: readonly ReportSource[];
  readonly comments?: readonly CommentSource[];
  readonly attachments?: readonly AttachmentSource[];
  readonly chases?: readonly ChaseSource[];
  readonly extensions?: readonly ExtensionSource[];
}

/** How the engine reads instants and names. */
export interface TimelineContext {
  /** The organisation's day of an instant. */
  readonly dayOf: (at: Instant) => IsoDate;
  readonly names: NameBook;
  /** On a task's timeline, its 督办单's events name their item. */
  readonly nameItems: boolean;
}
