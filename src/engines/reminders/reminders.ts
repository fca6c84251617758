/**
 * Which reminders fall due today (催办 by the system): a deadline coming (N working days before, and
 * on the day), a deadline missed (every M working days, told up the chain as each level's grace runs
 * out), no report by the round's cut-off, and the same for supervision items. Nothing on a day that
 * is not a working day: holidays and 调休 follow the calendar. Pure: records and "today" in.
 */
import type { IsoDate } from "../calendar/index.js";
import {
  CHAIN_LEVELS,
  type ChainLevel,
  type Reminder,
  type ReminderInput,
  type ReminderRule,
  type ReminderSettings,
  type ReminderTaskForce,
} from "./types.js";

/** The organisation's settings with a task force's own changes over them. */
export function settingsFor(base: ReminderSettings, tf: ReminderTaskForce | undefined): ReminderSettings {
  const own = tf?.settings;
  if (!own) return base;
  return { ...base, ...own, grace: { ...base.grace, ...own.grace } };
}

interface Subject {
  readonly kind: "task" | "supervisionItem";
  readonly id: string;
  readonly code: string;
  readonly taskForceId: string;
  readonly ownerId: string | null;
  readonly unitId: string | null;
}

/** The person at each level of a subject's chain (null where the level has nobody). */
function chainOf(s: Subject, tf: ReminderTaskForce | undefined, heads: ReadonlyMap<string, string>) {
  return {
    owner: s.ownerId ? [s.ownerId] : [],
    unitHead: s.unitId && heads.has(s.unitId) ? [heads.get(s.unitId)!] : [],
    lead: [...(tf?.leadPersonIds ?? [])],
    leadLeader: tf?.leadLeaderId ? [tf.leadLeaderId] : [],
  } satisfies Record<ChainLevel, string[]>;
}

/**
 * The levels told on a day `late` working days past a due day: each level from its grace on, then
 * every `every` working days (the owner's grace is when the first overdue reminder goes).
 */
export function levelsDue(late: number, s: ReminderSettings): ChainLevel[] {
  const every = Math.max(1, s.overdueEvery);
  return CHAIN_LEVELS.filter((l) => late >= s.grace[l] && (late - s.grace[l]) % every === 0);
}

/** Every reminder due on `input.today`, in a stable order (task forces' records in input order). */
export function remindersDue(input: ReminderInput): Reminder[] {
  const { today, calendar } = input;
  if (!calendar.isWorkday(today)) return [];
  const forces = new Map(input.taskForces.map((t) => [t.id, t]));
  const out: Reminder[] = [];
  const emit = (
    s: Subject,
    rule: ReminderRule,
    levels: readonly ChainLevel[],
    dueDate: IsoDate,
    late: number,
  ) => {
    const chain = chainOf(s, forces.get(s.taskForceId), input.unitHeads);
    const told = new Set<string>();
    for (const level of levels)
      for (const recipientId of chain[level]) {
        // One person at two levels (an owner who leads) is told once, at the higher.
        if (told.has(recipientId)) continue;
        told.add(recipientId);
        out.push({
          key: `${rule}:${s.id}:${level}:${recipientId}:${today}`,
          rule,
          level,
          recipientId,
          subject: { kind: s.kind, id: s.id, code: s.code },
          taskForceId: s.taskForceId,
          dueDate,
          workdaysLate: late,
        });
      }
  };
  const deadlineRules = (
    s: Subject,
    due: IsoDate,
    settings: ReminderSettings,
    prefix: "" | "supervision",
  ) => {
    const ahead = calendar.workdaysBetween(today, due);
    const rule = (r: "DueSoon" | "DueToday" | "Overdue"): ReminderRule =>
      prefix ? `supervision${r}` : r === "DueSoon" ? "dueSoon" : r === "DueToday" ? "dueToday" : "overdue";
    if (ahead > 0 && ahead === settings.daysBefore) emit(s, rule("DueSoon"), ["owner"], due, 0);
    else if (ahead === 0 && today <= due) emit(s, rule("DueToday"), ["owner"], due, 0);
    else if (today > due) {
      const late = calendar.workdaysBetween(due, today);
      const levels = levelsDue(late, settings);
      if (levels.length) emit(s, rule("Overdue"), [...levels].reverse(), due, late);
    }
  };
  for (const t of input.tasks) {
    if (t.done) continue;
    const settings = settingsFor(input.settings, forces.get(t.taskForceId));
    const s: Subject = { kind: "task", ...t };
    if (t.due) deadlineRules(s, t.due, settings, "");
    const r = input.round;
    if (r && t.active && today >= r.cutoff && !(t.lastReport && t.lastReport >= r.start)) {
      const late = calendar.workdaysBetween(r.cutoff, today);
      // On the cut-off day the owner; then up the chain as the grace runs out.
      const levels =
        late === 0 ? (["owner"] as ChainLevel[]) : levelsDue(late, settings).filter((l) => l !== "owner");
      if (levels.length) emit(s, "noReport", [...levels].reverse(), r.cutoff, late);
    }
  }
  for (const i of input.items) {
    if (!i.open) continue;
    deadlineRules(
      { kind: "supervisionItem", ...i },
      i.due,
      settingsFor(input.settings, forces.get(i.taskForceId)),
      "supervision",
    );
  }
  return out;
}
