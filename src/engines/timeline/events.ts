/**
 * Events of the sources other than a 督办单's steps: a task's creation and completion review,
 * progress reports, comments, attachments, 催办 and 延期申请.
 */
import type {
  AttachmentSource,
  ChaseSource,
  CommentSource,
  ExtensionSource,
  NameBook,
  ReportSource,
  TaskEntry,
  TimelineContext,
  TimelineEvent,
  TimelineKind,
} from "./types.js";

/** Actors that are the system itself, not a person (the demo loader, the CLI, the reminder worker). */
const SYSTEM_ACTORS: ReadonlySet<string> = new Set(["system", "demo", "cli", "worker", "anonymous"]);

/** The fields an event of any kind leaves empty unless it has them. */
export const blankEvent = {
  text: null,
  percent: null,
  recipientName: null,
  chaseRule: null,
  deadline: null,
  itemCode: null,
  evidence: [],
} as const satisfies Partial<TimelineEvent>;

/** Longest text an event carries, in characters (a narrative's excerpt). */
export const EXCERPT_LENGTH = 140;

/**
 * A note or narrative as one line of at most {@link EXCERPT_LENGTH} characters; null when blank.
 * Example: `excerpt("  已完成\n第一批  ")` is `"已完成 第一批"`.
 */
export function excerpt(text: string | null | undefined): string | null {
  const line = (text ?? "").replace(/\s+/g, " ").trim();
  if (!line) return null;
  return line.length > EXCERPT_LENGTH ? `${line.slice(0, EXCERPT_LENGTH - 1)}…` : line;
}

/**
 * Who acted, by name: the user's display name, else the person given (`personId`), else null for
 * the system; a username without an account (none to name it) is shown as it is.
 */
export function actorName(username: string, names: NameBook, personId?: string | null): string | null {
  const user = names.users.get(username);
  if (user) return user;
  const person = personId ? names.persons.get(personId) : undefined;
  if (person) return person;
  return SYSTEM_ACTORS.has(username) ? null : username;
}

/** The completion-review kind of a task's audit entry, or null when it records none. */
function completionKind(e: TaskEntry): TimelineKind | null {
  const before = e.before?.completion ?? null;
  const after = e.after?.completion ?? null;
  if (before === after) return null;
  if (after === "claimed") return "claimed";
  if (after === "confirmed") return "confirmed";
  // A claim cleared by a reviewer's transition was sent back; one a later report cleared was not.
  return before === "claimed" && e.action === "transition" ? "completionReturned" : null;
}

/** A task's creation and its completion review (claimed, confirmed, sent back). */
export function taskEvents(entries: readonly TaskEntry[], ctx: TimelineContext): TimelineEvent[] {
  return entries.flatMap((e) => {
    const kind = e.action === "create" ? "created" : completionKind(e);
    if (!kind) return [];
    const note = kind === "created" || kind === "claimed" ? null : (e.reason ?? e.after?.completionNote);
    return [
      {
        ...blankEvent,
        id: `${kind}:${e.at}`,
        kind,
        day: ctx.dayOf(e.at),
        at: e.at,
        actorName: actorName(e.actor, ctx.names),
        text: excerpt(note),
      },
    ];
  });
}

/** Progress reports on their report dates, with percent, narrative and evidence. */
export const reportEvents = (reports: readonly ReportSource[], ctx: TimelineContext): TimelineEvent[] =>
  reports.map((r) => ({
    ...blankEvent,
    id: `reported:${r.id}`,
    kind: "reported",
    day: r.reportDate,
    at: r.createdAt,
    actorName: actorName(r.recordedBy ?? "system", ctx.names, r.reportedById),
    text: excerpt(r.narrative),
    percent: r.percent,
    evidence: r.evidence,
  }));

export const commentEvents = (comments: readonly CommentSource[], ctx: TimelineContext): TimelineEvent[] =>
  comments.map((c) => ({
    ...blankEvent,
    id: `commented:${c.id}`,
    kind: "commented",
    day: ctx.dayOf(c.createdAt),
    at: c.createdAt,
    actorName: c.authorName || actorName(c.author, ctx.names),
    text: excerpt(c.body),
  }));

export const attachmentEvents = (files: readonly AttachmentSource[], ctx: TimelineContext): TimelineEvent[] =>
  files.map((a) => ({
    ...blankEvent,
    id: `attached:${a.id}`,
    kind: "attached",
    day: ctx.dayOf(a.createdAt),
    at: a.createdAt,
    actorName: actorName(a.createdBy, ctx.names),
    evidence: [{ name: a.fileName, attachmentId: a.id }],
  }));

/** 催办 on the day they were sent; the rules' own are the system's. */
export const chaseEvents = (chases: readonly ChaseSource[], ctx: TimelineContext): TimelineEvent[] =>
  chases.map((c) => ({
    ...blankEvent,
    id: `chased:${c.id}`,
    kind: "chased",
    day: c.day,
    at: c.createdAt,
    actorName: c.sender === "system" ? null : c.senderName || actorName(c.sender, ctx.names),
    text: excerpt(c.reason),
    recipientName: c.recipientName,
    chaseRule: c.rule,
  }));

const DECISIONS: Readonly<Record<string, TimelineKind>> = {
  approved: "extensionApproved",
  rejected: "extensionRejected",
  withdrawn: "extensionWithdrawn",
};

/** A 延期申请 when filed, and when decided or withdrawn. */
export function extensionEvents(requests: readonly ExtensionSource[], ctx: TimelineContext): TimelineEvent[] {
  return requests.flatMap((r) => {
    const filed: TimelineEvent = {
      ...blankEvent,
      id: `extensionRequested:${r.id}`,
      kind: "extensionRequested",
      day: ctx.dayOf(r.createdAt),
      at: r.createdAt,
      actorName: r.requestedByName || actorName(r.requestedBy, ctx.names),
      text: excerpt(r.reason),
      deadline: r.requestedDeadline,
    };
    const kind = DECISIONS[r.state];
    if (!kind || !r.decidedAt) return [filed];
    const decided: TimelineEvent = {
      ...blankEvent,
      id: `${kind}:${r.id}`,
      kind,
      day: ctx.dayOf(r.decidedAt),
      at: r.decidedAt,
      actorName: r.decidedByName || (r.decidedBy ? actorName(r.decidedBy, ctx.names) : null),
      text: excerpt(r.decisionNote),
      deadline: r.requestedDeadline,
    };
    return [filed, decided];
  });
}
