/** The reminder engine's records and rules (plain data, days as ISO dates). */
import type { ChainLevel, ReminderRule } from "../../vocabulary/words.js";
import type { IsoDate, WorkCalendar } from "../calendar/index.js";

export { CHAIN_LEVELS, type ChainLevel, REMINDER_RULES, type ReminderRule } from "../../vocabulary/words.js";

/** When reminders fall due; every count is in working days of the organisation's calendar. */
export interface ReminderSettings {
  /** Remind the owner this many working days before a deadline (and again on the day). */
  readonly daysBefore: number;
  /** Once overdue, remind every this many working days. */
  readonly overdueEvery: number;
  /** Working days late (or past a round's cut-off) before each level is told; the owner's is usually 1. */
  readonly grace: Readonly<Record<ChainLevel, number>>;
}

export const DEFAULT_REMINDER_SETTINGS: ReminderSettings = Object.freeze({
  daysBefore: 3,
  overdueEvery: 2,
  grace: Object.freeze({ owner: 1, unitHead: 3, lead: 5, leadLeader: 10 }),
});

export interface ReminderTaskForce {
  readonly id: string;
  readonly leadPersonIds: readonly string[];
  readonly leadLeaderId: string | null;
  /** The task force's own changes to the organisation's settings. */
  readonly settings?: Partial<Omit<ReminderSettings, "grace">> & {
    readonly grace?: Partial<ReminderSettings["grace"]>;
  };
}

export interface ReminderTask {
  readonly id: string;
  readonly taskForceId: string;
  readonly code: string;
  /** The deadline the owner answers for (its deadline, else its late finish); null: none. */
  readonly due: IsoDate | null;
  readonly done: boolean;
  /** Whether the task is under way at `today` (started, or its early start has come). */
  readonly active: boolean;
  readonly milestone: boolean;
  readonly ownerId: string | null;
  readonly unitId: string | null;
  /** The day of its latest progress report, or null. */
  readonly lastReport: IsoDate | null;
}

export interface ReminderItem {
  readonly id: string;
  readonly taskForceId: string;
  readonly code: string;
  readonly due: IsoDate;
  /** Open or being rectified: a submitted or verified item is not chased. */
  readonly open: boolean;
  readonly ownerId: string | null;
  readonly unitId: string | null;
}

export interface ReminderInput {
  /** The day rules are evaluated for (the organisation's today). */
  readonly today: IsoDate;
  readonly calendar: WorkCalendar;
  readonly settings: ReminderSettings;
  /** The current dispatch round: reports are due by its cut-off day. Null when rounds are off. */
  readonly round: { readonly start: IsoDate; readonly cutoff: IsoDate } | null;
  readonly taskForces: readonly ReminderTaskForce[];
  readonly tasks: readonly ReminderTask[];
  readonly items: readonly ReminderItem[];
  /** Each unit's head (the person told at the unitHead level). */
  readonly unitHeads: ReadonlyMap<string, string>;
}

/** One reminder due today. */
export interface Reminder {
  /** Stable for (rule, subject, level, day): sending twice is detectable. */
  readonly key: string;
  readonly rule: ReminderRule;
  readonly level: ChainLevel;
  readonly recipientId: string;
  readonly subject: { readonly kind: "task" | "supervisionItem"; readonly id: string; readonly code: string };
  readonly taskForceId: string;
  /** The deadline (or the round's cut-off) the reminder is about. */
  readonly dueDate: IsoDate;
  /** Working days past it (0 before or on the day). */
  readonly workdaysLate: number;
}
