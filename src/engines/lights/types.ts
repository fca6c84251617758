/**
 * Plain input and output types of the light engine (亮灯) for tasks, indicators and task forces.
 */
import type {
  IsoDate,
  SupervisionState,
  TaskCompletion,
  TaskStatus,
  WorkingDays,
} from "../../vocabulary/index.js";
import type {
  Indicator,
  IndicatorProgress,
  IndicatorProgressOptions,
  Percent,
  Reading,
} from "../indicators/types.js";
import type { Light, LightColor } from "./light.js";

export type { SupervisionState, TaskCompletion, TaskStatus, WorkingDays };

/** The part of a supervision item the lights need. */
export interface SupervisionDue {
  readonly id?: string;
  /** Its number (DB-2022-011), used in the reasons' text (the id otherwise). */
  readonly code?: string;
  readonly dueDate: IsoDate;
  readonly state: SupervisionState;
}

/** A task as the light engine needs it; dates `YYYY-MM-DD`, `lateStart`/`totalFloat` from the schedule engine. */
export interface LightTask {
  readonly id: string;
  readonly taskForceId: string;
  readonly parentId?: string | null;
  /** WBS code, used in the reasons' text (the id otherwise). */
  readonly code?: string;
  readonly status: TaskStatus;
  /**
   * Completion review: a `done` task whose completion is `claimed` (reported 100 %, not yet
   * confirmed) is not done for the lights; absent or null counts as confirmed.
   */
  readonly completion?: TaskCompletion | null;
  /** Work progress reported, 0–100. */
  readonly percent: Percent;
  readonly deadline?: IsoDate | null;
  readonly baselineStart?: IsoDate | null;
  readonly baselineFinish?: IsoDate | null;
  readonly actualStart?: IsoDate | null;
  readonly actualFinish?: IsoDate | null;
  readonly lateStart?: IsoDate | null;
  /** Total float in working days (negative: the deadline cannot be met). */
  readonly totalFloat?: WorkingDays | null;
  /** Date of the latest progress report. */
  readonly lastReportDate?: IsoDate | null;
  readonly supervision: readonly SupervisionDue[];
}

/**
 * The working-day arithmetic the lights need; the calendar engine's `WorkCalendar`
 * (`src/engines/calendar`) satisfies it.
 */
export interface LightsCalendar {
  /** Working days in the half-open interval (a, b]; negative when b < a. */
  workdaysBetween(a: IsoDate, b: IsoDate): WorkingDays;
  /** Working days in the closed interval [a, b]; 0 when b < a. */
  workdaysInRange(a: IsoDate, b: IsoDate): WorkingDays;
}

/** Light thresholds for tasks (SPEC defaults in {@link DEFAULT_LIGHT_THRESHOLDS}). */
export interface LightThresholds {
  /** Red when planned − reported progress is more than this, in points (default 20). */
  readonly redBehindPoints: number;
  /** Yellow when planned − reported progress is more than this, in points (default 10). */
  readonly yellowBehindPoints: number;
  /** Yellow when the deadline is at most this many working days after T (default 5). */
  readonly deadlineSoonWorkdays: WorkingDays;
  /** Yellow when total float is at most this many working days (default 2). */
  readonly lowFloatWorkdays: WorkingDays;
}

/** The SPEC's thresholds: 20 / 10 points behind plan, 5 working days to a deadline, float ≤ 2. */
export const DEFAULT_LIGHT_THRESHOLDS: LightThresholds = Object.freeze({
  redBehindPoints: 20,
  yellowBehindPoints: 10,
  deadlineSoonWorkdays: 5,
  lowFloatWorkdays: 2,
});

/**
 * The dispatch round (调度) a progress report is expected in: `weekly` = the ISO week (Monday–Sunday)
 * containing T, `monthly` = the calendar month containing T, `off` = no report rule. A report dated
 * from the round's first day up to T counts.
 */
export type DispatchRound = "weekly" | "monthly" | "off";

/** Options of `lightsFor` and `taskLight`. */
export interface LightsOptions {
  readonly thresholds?: Partial<LightThresholds>;
  /** Default `weekly`. */
  readonly dispatchRound?: DispatchRound;
  /** Passed to `indicatorProgress` for every indicator. */
  readonly indicator?: IndicatorProgressOptions;
  /** At most this many items named in a task force's reasons, then `MORE_ITEMS` (default 10). */
  readonly maxTaskForceReasons?: number;
}

/** An indicator with its readings; `indicator.taskForceId` places it in a task force. */
export interface LightIndicator {
  readonly indicator: Indicator;
  readonly readings: readonly Reading[];
}

/** Everything `lightsFor` lights, plus the working-day calendar (injected). */
export interface LightsInput {
  readonly calendar: LightsCalendar;
  readonly taskForces: readonly { readonly id: string }[];
  readonly tasks: readonly LightTask[];
  readonly indicators?: readonly LightIndicator[];
}

/**
 * A task's light. Its `reasons` (and each reason) may be shared with other tasks of the same run and
 * are frozen: copy before changing.
 */
export interface TaskLight extends Light {
  readonly taskId: string;
  readonly taskForceId: string;
  /** Whether the light was aggregated from sub-tasks. */
  readonly summary: boolean;
  /** Planned progress at T in % (`null` without baseline dates, for a done task, or for a summary task). */
  readonly plannedProgress: Percent | null;
}

/** An indicator's light with the progress behind it. */
export interface IndicatorLight extends Light {
  readonly indicatorId: string;
  readonly taskForceId: string | null;
  readonly progress: IndicatorProgress;
}

/** A task force's light: the worst of its tasks and indicators, with counts by colour. */
export interface TaskForceLight extends Light {
  readonly taskForceId: string;
  /** Tasks (all levels) and indicators by colour. */
  readonly counts: Readonly<Record<LightColor, number>>;
  readonly taskCounts: Readonly<Record<LightColor, number>>;
  readonly indicatorCounts: Readonly<Record<LightColor, number>>;
}

/** Result of `lightsFor`, each list in input order. */
export interface LightsResult {
  readonly tasks: readonly TaskLight[];
  readonly indicators: readonly IndicatorLight[];
  readonly taskForces: readonly TaskForceLight[];
}
