/**
 * 催办 in figures for the dispatch report and the assessment: chases sent in a window, those still
 * unanswered at its end, and those unanswered past the owner's grace (the ones that count against a
 * task force).
 */
import type { IsoDate, WorkCalendar } from "../../engines/calendar/index.js";
import type { ChainLevel } from "../../engines/reminders/index.js";
import type { Executor } from "../context.js";
import type { ChaseTable } from "./chasing.table.js";

export interface ChaseCounts {
  readonly sent: number;
  readonly unanswered: number;
  readonly pastGrace: number;
}

export interface UnansweredChase {
  readonly taskForceId: string;
  readonly subjectKind: ChaseTable["subjectKind"];
  readonly subjectId: string;
  readonly subjectCode: string;
  readonly subjectTitle: string;
  readonly recipientName: string;
  readonly level: ChainLevel;
  readonly rule: ChaseTable["rule"];
  readonly day: IsoDate;
  /** Working days since it was sent, at the window's end. */
  readonly workdaysUnanswered: number;
}

export interface WindowChases {
  readonly total: ChaseCounts;
  readonly byTaskForce: Record<string, ChaseCounts>;
  /** Unanswered past grace, longest first (at most `limit`). */
  readonly unanswered: UnansweredChase[];
}

const zero = (): { sent: number; unanswered: number; pastGrace: number } => ({
  sent: 0,
  unanswered: 0,
  pastGrace: 0,
});

/** The chases of `taskForceIds` (null: all) sent in `[from, to]`, counted as of `to`. */
export async function chasesInWindow(
  db: Executor,
  q: {
    readonly taskForceIds: readonly string[] | null;
    readonly from: IsoDate;
    readonly to: IsoDate;
    readonly calendar: WorkCalendar;
    /** Working days an owner has to answer (the reminder settings' owner grace). */
    readonly grace: number;
    readonly limit?: number;
  },
): Promise<WindowChases> {
  if (q.taskForceIds && q.taskForceIds.length === 0)
    return { total: zero(), byTaskForce: {}, unanswered: [] };
  let sel = db
    .selectFrom("chases")
    .select([
      "taskForceId",
      "subjectKind",
      "subjectId",
      "subjectCode",
      "subjectTitle",
      "recipientName",
      "level",
      "rule",
      "day",
      "answeredDay",
    ])
    .where("day", ">=", q.from)
    .where("day", "<=", q.to);
  if (q.taskForceIds) sel = sel.where("taskForceId", "in", q.taskForceIds);
  const rows = await sel.execute();
  const total = zero();
  const byTaskForce: Record<string, ReturnType<typeof zero>> = {};
  const unanswered: UnansweredChase[] = [];
  for (const r of rows) {
    const tf = byTaskForce[r.taskForceId] ?? zero();
    byTaskForce[r.taskForceId] = tf;
    total.sent++;
    tf.sent++;
    if (r.answeredDay !== null && r.answeredDay <= q.to) continue;
    total.unanswered++;
    tf.unanswered++;
    const days = q.calendar.workdaysBetween(r.day, q.to);
    if (days <= q.grace) continue;
    total.pastGrace++;
    tf.pastGrace++;
    const { answeredDay: _a, ...rest } = r;
    unanswered.push({ ...rest, workdaysUnanswered: days });
  }
  unanswered.sort(
    (a, b) => b.workdaysUnanswered - a.workdaysUnanswered || (a.subjectCode < b.subjectCode ? -1 : 1),
  );
  return { total, byTaskForce, unanswered: unanswered.slice(0, q.limit ?? 200) };
}

/**
 * The assessment's deductions at `statusDate`: for each 催办 of the year still unanswered past the
 * owner's grace (one per subject and day, however many levels were told), `points` off its task force
 * and its owner.
 */
export async function unansweredDeductions(
  db: Executor,
  q: {
    readonly taskForceIds: readonly string[] | null;
    readonly statusDate: IsoDate;
    readonly calendar: WorkCalendar;
    readonly grace: number;
    readonly points: number;
  },
): Promise<{ taskForceId: string; personId: string | null; points: number }[]> {
  if (q.points <= 0 || (q.taskForceIds && q.taskForceIds.length === 0)) return [];
  let sel = db
    .selectFrom("chases")
    .select(["taskForceId", "subjectId", "day", "level", "recipientId", "answeredDay"])
    .where("day", ">=", `${q.statusDate.slice(0, 4)}-01-01`)
    .where("day", "<=", q.statusDate);
  if (q.taskForceIds) sel = sel.where("taskForceId", "in", q.taskForceIds);
  const open = new Map<string, { taskForceId: string; personId: string | null; points: number }>();
  for (const r of await sel.execute()) {
    if (r.answeredDay !== null && r.answeredDay <= q.statusDate) continue;
    if (q.calendar.workdaysBetween(r.day, q.statusDate) <= q.grace) continue;
    const key = `${r.subjectId}|${r.day}`;
    const known = open.get(key);
    const personId = r.level === "owner" ? r.recipientId : (known?.personId ?? null);
    open.set(key, { taskForceId: r.taskForceId, personId, points: q.points });
  }
  return [...open.values()];
}
