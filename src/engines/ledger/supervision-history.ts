/**
 * A supervision item's history (督办历程) from its audit entries: raised, rectification started,
 * submitted (报结), returned (退回), verified (销号), escalated (提级), edited — each with its day,
 * the state it moved from and to, the note, and who did it. Pure: entries in, rows out; the export
 * writes them as a sheet beside the items.
 */
import type { IsoDate } from "../calendar/index.js";

/** The item's fields an entry's before and after carry that the history reads. */
export interface ItemSnapshot {
  readonly state: string;
  readonly submittedOn?: string | null;
  readonly verifiedOn?: string | null;
  readonly escalatedOn?: string | null;
  readonly raisedOn?: string | null;
  readonly lastNote?: string | null;
  readonly rectification?: string | null;
}

export interface HistoryEntry {
  /** When it was recorded (an ISO instant). */
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly before: ItemSnapshot | null;
  readonly after: ItemSnapshot | null;
}

export const HISTORY_STEPS = [
  "raised",
  "started",
  "submitted",
  "returned",
  "verified",
  "escalated",
  "edited",
] as const;
export type HistoryStep = (typeof HISTORY_STEPS)[number];

export interface HistoryRow {
  readonly date: IsoDate;
  readonly step: HistoryStep;
  readonly from: string | null;
  readonly to: string | null;
  /** The note of the step (a return's reason, a submission's rectification …). */
  readonly note: string | null;
  readonly actor: string;
}

const MOVES: Readonly<Record<string, HistoryStep>> = {
  "open>rectifying": "started",
  "rectifying>submitted": "submitted",
  "submitted>rectifying": "returned",
  "submitted>verified": "verified",
};

/** The step an entry records, or null for one that is not part of the item's history (a deletion). */
function stepOf(e: HistoryEntry): HistoryStep | null {
  if (e.action === "create") return "raised";
  if (e.action === "update") return "edited";
  if (e.action !== "transition" || !e.before || !e.after) return null;
  if (e.before.state === e.after.state)
    return e.after.escalatedOn && e.after.escalatedOn !== e.before.escalatedOn ? "escalated" : null;
  return MOVES[`${e.before.state}>${e.after.state}`] ?? null;
}

/**
 * The history rows of one item's entries, oldest first. A step's day is the one the step names where
 * it names one (raised, submitted, verified, escalated), else the day it was recorded (`dayOf`).
 */
export function historyRows(
  entries: readonly HistoryEntry[],
  dayOf: (instant: string) => IsoDate,
): HistoryRow[] {
  const out: HistoryRow[] = [];
  const sorted = [...entries].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  for (const e of sorted) {
    const step = stepOf(e);
    if (!step) continue;
    const a = e.after;
    const named =
      step === "raised"
        ? a?.raisedOn
        : step === "submitted"
          ? a?.submittedOn
          : step === "verified"
            ? a?.verifiedOn
            : step === "escalated"
              ? a?.escalatedOn
              : null;
    out.push({
      date: named ?? dayOf(e.at),
      step,
      from: step === "raised" || step === "edited" || step === "escalated" ? null : (e.before?.state ?? null),
      to: step === "edited" || step === "escalated" ? null : (a?.state ?? null),
      note:
        (step === "submitted" ? (a?.rectification ?? a?.lastNote) : step === "raised" ? null : a?.lastNote) ??
        null,
      actor: e.actor,
    });
  }
  return out;
}
