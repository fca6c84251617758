import type { DependencyType } from "../../vocabulary/index.js";
import type { CalendarSpec, IsoDate, WorkingDays } from "../calendar/types.js";

export type { DependencyType };

/**
 * One task of a schedule file. A task named as some task's `parent` is a summary task: it is not
 * scheduled itself (its duration and progress fields are ignored), it spans its children, its
 * deadline and notBefore bind all of them, and a dependency on it applies to each of them.
 * Progress: `actualFinish` = done (keeps its actual dates); `actualStart` alone = in progress
 * (`percent` of the duration done; the rest from the status date, or the whole duration from the
 * actual start when there is no status date); neither = not started (`percent` is then ignored).
 * Dependencies into a started task are history: they bind neither pass.
 */
export interface ScheduleTaskInput {
  readonly id: string;
  readonly name?: string;
  /** Working days; whole, 0 = milestone. Required for leaf tasks, ignored for summaries. */
  readonly duration?: WorkingDays;
  /** The task must finish on or before this date (a summary's deadline binds all its children). */
  readonly deadline?: IsoDate;
  /** Id of the summary task this task belongs to. */
  readonly parent?: string;
  /** Reported start; with no `actualFinish` the task is in progress. */
  readonly actualStart?: IsoDate;
  /** Reported finish: the task is done and keeps its actual dates. */
  readonly actualFinish?: IsoDate;
  /** Percent complete 0–100 of a task in progress. */
  readonly percent?: number;
  /** The task may not start before this date (a summary's binds all its children). */
  readonly notBefore?: IsoDate;
}

/** `to` may start/finish only `lag` working days after `from` starts/finishes (lag < 0: a lead). */
export interface ScheduleDependencyInput {
  readonly from: string;
  readonly to: string;
  /** Default `FS`. */
  readonly type?: DependencyType;
  /** Working days, whole; default 0. */
  readonly lag?: WorkingDays;
}

/** The schedule file of `guatu schedule` (SPEC "Schedule file"). */
export interface ScheduleFile {
  readonly calendar?: CalendarSpec;
  readonly projectStart: IsoDate;
  /** Every task must finish on or before it; absent: the earliest finish is the deadline. */
  readonly deadline?: IsoDate;
  /** Work not yet started is scheduled from this date (the beginning of that day). */
  readonly statusDate?: IsoDate;
  readonly tasks: readonly ScheduleTaskInput[];
  readonly dependencies?: readonly ScheduleDependencyInput[];
}

/** Overrides of the file's fields; `statusDate: null` ignores the file's status date. */
export interface ScheduleOptions {
  readonly statusDate?: IsoDate | null;
}

/** One task's dates; a summary row (`summary: true`) spans its children. */
export interface ScheduleRow {
  readonly id: string;
  readonly earlyStart: IsoDate;
  readonly earlyFinish: IsoDate;
  readonly lateStart: IsoDate;
  readonly lateFinish: IsoDate;
  /**
   * lateStart − earlyStart in working-day slots; negative: a deadline cannot be met. For a task
   * in progress or done this equals lateFinish − earlyFinish; for a summary it is the same
   * difference over its span.
   */
  readonly totalFloat: WorkingDays;
  /** `totalFloat` equals the project's minimum float (even when that minimum is positive). */
  readonly critical: boolean;
  readonly summary?: true;
}

/** What `schedule()` returns and `guatu schedule --format json` prints. */
export interface ScheduleOutput {
  readonly projectStart: IsoDate;
  readonly deadline: IsoDate | null;
  readonly statusDate: IsoDate | null;
  /** Latest early finish over all tasks (projectStart when there are none). */
  readonly earliestFinish: IsoDate;
  /** `minFloat ≥ 0`: every deadline can be met. */
  readonly feasible: boolean;
  /** Minimum total float over the scheduled (non-summary) tasks; 0 when there are none. */
  readonly minFloat: WorkingDays;
  /** One chain of critical tasks, first to last, each driving the next. */
  readonly criticalPath: readonly string[];
  /** Ids of the tasks with negative float, in input order. */
  readonly negativeFloatTasks: readonly string[];
  /** One row per input task, in input order. */
  readonly tasks: readonly ScheduleRow[];
}

/** The project-level fields of a schedule output (everything but the rows). */
export type ScheduleHeader = Omit<ScheduleOutput, "tasks">;

/** Slots per task (input order; a summary's span aggregates its children). */
export interface TaskSlots {
  readonly ids: readonly string[];
  readonly isSummary: Uint8Array;
  readonly es: Int32Array;
  readonly ef: Int32Array;
  readonly ls: Int32Array;
  readonly le: Int32Array;
}
