/**
 * A timeline (时间线) of a task or a 督办单: every source's events merged into one list in a stable
 * order — by day, then the instant recorded, then kind (in the order of `TIMELINE_KINDS`), then id.
 * Pure: records in, events out; the service reads the records and names the people.
 */
import {
  attachmentEvents,
  chaseEvents,
  commentEvents,
  extensionEvents,
  reportEvents,
  taskEvents,
} from "./events.js";
import { itemSteps } from "./item-steps.js";
import {
  TIMELINE_KINDS,
  type TimelineContext,
  type TimelineEvent,
  type TimelineKind,
  type TimelineSources,
} from "./types.js";

const RANK: ReadonlyMap<TimelineKind, number> = new Map(TIMELINE_KINDS.map((k, i) => [k, i]));

/** The timeline's order: day, instant, kind, id. */
export function compareEvents(a: TimelineEvent, b: TimelineEvent): number {
  if (a.day !== b.day) return a.day < b.day ? -1 : 1;
  if (a.at !== b.at) return a.at < b.at ? -1 : 1;
  const k = (RANK.get(a.kind) ?? 0) - (RANK.get(b.kind) ?? 0);
  if (k !== 0) return k;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Days of events the records date only by when they were entered, set by the events they belong
 * with: a completion claimed falls on the day of the 100 % report that claimed it (recorded in the
 * same write, at or before it), and a task's creation on no day after the first thing that
 * happened to it (a plan loaded after its reports were written still starts the story).
 */
function placeUndated(events: readonly TimelineEvent[]): TimelineEvent[] {
  const fullReports = events
    .filter((e) => e.kind === "reported" && e.percent !== null && e.percent >= 100)
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  const first =
    events
      .filter((e) => e.kind !== "created")
      .map((e) => e.day)
      .sort()[0] ?? null;
  return events.map((e) => {
    if (e.kind === "claimed") {
      const by = fullReports.filter((r) => r.at <= e.at).at(-1);
      return by ? { ...e, day: by.day } : e;
    }
    if (e.kind === "created" && first !== null && first < e.day) return { ...e, day: first };
    return e;
  });
}

/**
 * The events of the sources, oldest first.
 * Example: a report on 08-10 and a comment recorded on 08-09 → the comment, then the report.
 */
export function timelineOf(sources: TimelineSources, ctx: TimelineContext): TimelineEvent[] {
  return placeUndated([
    ...taskEvents(sources.taskEntries ?? [], ctx),
    ...(sources.items ?? []).flatMap((item) => itemSteps(item, ctx)),
    ...reportEvents(sources.reports ?? [], ctx),
    ...commentEvents(sources.comments ?? [], ctx),
    ...attachmentEvents(sources.attachments ?? [], ctx),
    ...chaseEvents(sources.chases ?? [], ctx),
    ...extensionEvents(sources.extensions ?? [], ctx),
  ]).sort(compareEvents);
}
