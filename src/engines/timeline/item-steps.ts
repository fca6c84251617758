/**
 * A 督办单's steps on a timeline, from its audit entries through the ledger's history engine
 * (raised, started, submitted, returned, verified, escalated, edited), and the span of time in which
 * evidence attached to its task counts as the item's.
 */
import type { IsoDate } from "../calendar/index.js";
import type { HistoryStep } from "../ledger/supervision-history.js";
import { historyRows } from "../ledger/supervision-history.js";
import { actorName, blankEvent, excerpt } from "./events.js";
import type { Instant, ItemSource, TimelineContext, TimelineEvent } from "./types.js";

/** Steps whose day the item names (its raised, submitted, verified, escalated dates). */
const NAMED: ReadonlySet<HistoryStep> = new Set(["raised", "submitted", "verified", "escalated"]);

/** The person a step falls back to when its actor is the system (a data load replaying it). */
function personOf(item: ItemSource, step: HistoryStep): string | null {
  if (step === "raised") return item.raisedById;
  if (step === "verified") return item.verifiedById;
  return null;
}

/**
 * The item's steps, oldest first. A step that names no day (started, returned, edited) happened by
 * the day of the step after it: its recorded day is capped at that one, so a step entered after the
 * fact never shows after the submission it led to.
 * Example: started (recorded 08-15) then submitted on 08-12 → started shows 08-12.
 */
export function itemSteps(item: ItemSource, ctx: TimelineContext): TimelineEvent[] {
  const sorted = [...item.entries].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  const steps = sorted.flatMap((e) =>
    historyRows([e], ctx.dayOf).map((row) => ({ e, row, named: NAMED.has(row.step) })),
  );
  const days: IsoDate[] = steps.map((s) => s.row.date);
  for (let i = days.length - 2; i >= 0; i--)
    if (!steps[i]!.named && days[i]! > days[i + 1]!) days[i] = days[i + 1]!;
  return steps.map(({ e, row }, i) => ({
    ...blankEvent,
    id: `${row.step}:${item.id}:${e.at}`,
    kind: row.step,
    day: days[i]!,
    at: e.at,
    actorName: actorName(e.actor, ctx.names, personOf(item, row.step)),
    text: row.step === "raised" ? excerpt(e.after?.issue) : row.step === "edited" ? null : excerpt(row.note),
    itemCode: ctx.nameItems ? item.code : null,
  }));
}

/**
 * When evidence attached to the item's task counts as the item's: from the item's raising until its
 * sign-off (销号), or until now while it is open. Null bounds: unbounded.
 */
export function evidenceSpan(item: ItemSource): { from: Instant | null; to: Instant | null } {
  let from: Instant | null = null;
  let to: Instant | null = null;
  for (const e of item.entries) {
    if (e.action === "create" && (from === null || e.at < from)) from = e.at;
    if (e.after?.state === "verified" && e.before?.state !== "verified" && (to === null || e.at > to))
      to = e.at;
  }
  return { from, to };
}

/** The records made within a span (bounds included). */
export function within<T extends { readonly createdAt: Instant }>(
  records: readonly T[],
  span: { from: Instant | null; to: Instant | null },
): T[] {
  return records.filter(
    (r) => (span.from === null || r.createdAt >= span.from) && (span.to === null || r.createdAt <= span.to),
  );
}
