/**
 * Plain input and output types of the dispatch report (调度报告): what changed in the current
 * dispatch round, what is overdue and what falls due next, per task force and in total.
 */

import type { IsoDate } from "../indicators/dates.js";
import type { Direction, IndicatorKind, Percent, TrendStage } from "../indicators/types.js";
import type { LightColor, LocalizedText, Reason } from "../lights/light.js";
import type {
  DispatchRound,
  SupervisionState,
  TaskCompletion,
  TaskStatus,
  WorkingDays,
} from "../lights/types.js";

/** A round the report covers: weekly = ISO week (Monday–Sunday), monthly = calendar month. */
export type RoundKind = "weekly" | "monthly";

/** A closed range of calendar dates `[start, end]`. */
export interface DateWindow {
  readonly start: IsoDate;
  readonly end: IsoDate;
}

/** The windows of a report at T. */
export interface DispatchRounds {
  readonly kind: RoundKind;
  /** The current round up to T: `[round start, T]`. */
  readonly current: DateWindow;
  /** The whole next round. */
  readonly next: DateWindow;
  /** Deadlines the "due" list looks at: `[T, next.end]` (the rest of this round included). */
  readonly due: DateWindow;
}

/** Working-day arithmetic (the calendar engine's `WorkCalendar` satisfies it). */
export interface DispatchCalendar {
  /** Working days in the half-open interval (a, b]; negative when b < a. */
  workdaysBetween(a: IsoDate, b: IsoDate): WorkingDays;
}

/** Unit of `daysOverdue` / `daysLeft`: working days with a calendar, else calendar days. */
export type DayUnit = "workdays" | "calendar-days";

/** A task force as the report names it. */
export interface DispatchTaskForce {
  readonly id: string;
  readonly code: string;
  readonly name: string;
}

/** A task as the report needs it (any level; summary tasks are those another task names as parent). */
export interface DispatchTask {
  readonly id: string;
  readonly taskForceId: string;
  readonly parentId?: string | null;
  /** WBS code, e.g. `01.2.3`. */
  readonly code: string;
  readonly title: string;
  readonly status: TaskStatus;
  /** A `claimed` completion is not done yet: overdue and due like unfinished work until confirmed. */
  readonly completion?: TaskCompletion | null;
  readonly percent: Percent;
  readonly deadline?: IsoDate | null;
  readonly actualStart?: IsoDate | null;
  readonly actualFinish?: IsoDate | null;
  /** Date of the latest progress report. */
  readonly lastReportDate?: IsoDate | null;
  readonly responsibleUnitId?: string | null;
  readonly responsiblePersonId?: string | null;
}

/** A task's light as the lights engine gave it (`lightsFor(...).tasks`). */
export interface GivenTaskLight {
  readonly taskId: string;
  readonly color: LightColor;
  readonly reasons: readonly Reason[];
  readonly summary: boolean;
}

/** A supervision item (督办单) with the dates of its steps. */
export interface DispatchSupervisionItem {
  readonly id: string;
  readonly code: string;
  readonly taskForceId: string;
  readonly taskId?: string | null;
  readonly state: SupervisionState;
  readonly issue?: string;
  readonly raisedOn: IsoDate;
  readonly submittedOn?: IsoDate | null;
  readonly verifiedOn?: IsoDate | null;
  readonly dueDate: IsoDate;
}

/** An indicator with its latest reading at T, trend stage and light (from the overview engine). */
export interface DispatchIndicator {
  readonly id: string;
  /** Null: a district-level indicator (of no task force). */
  readonly taskForceId: string | null;
  readonly code: string;
  readonly name: string;
  readonly unit: string;
  readonly kind: IndicatorKind;
  readonly direction: Direction;
  readonly target: number;
  readonly reading: { readonly period: string; readonly actual: number } | null;
  /** Day the latest reading was reported (organisation's time zone), `null` without one. */
  readonly reportedOn: IsoDate | null;
  readonly trend: TrendStage;
  readonly color: LightColor;
  readonly workProgress: number | null;
  readonly timeProgress: number;
  /** The indicator this one is a share of (层层衔接). */
  readonly parentId?: string | null;
  /** Who holds this share, for the report's sentences: its unit or street, else its task force. */
  readonly holder?: string;
}

/** Everything `dispatchReport` reads. `round: "off"` reports weekly. */
export interface DispatchInput {
  readonly statusDate: IsoDate;
  readonly round: DispatchRound;
  /** Without it, days are calendar days (`dayUnit` says which). */
  readonly calendar?: DispatchCalendar | null;
  readonly taskForces: readonly DispatchTaskForce[];
  readonly tasks: readonly DispatchTask[];
  /** The lights engine's task lights (any order; matched by `taskId`). */
  readonly taskLights: readonly GivenTaskLight[];
  /** The lights engine's task-force colours, by task-force id. */
  readonly taskForceColors?: Readonly<Record<string, LightColor>>;
  readonly supervisionItems?: readonly DispatchSupervisionItem[];
  readonly indicators?: readonly DispatchIndicator[];
}

/** Options of `dispatchReport`. */
export interface DispatchOptions {
  /** Length of the key-points list (default 10). */
  readonly maxKeyPoints?: number;
}

/** A task in one of the report's lists. */
export interface TaskEntry {
  readonly taskId: string;
  readonly taskForceId: string;
  readonly code: string;
  readonly title: string;
  readonly summary: boolean;
  readonly status: TaskStatus;
  readonly percent: Percent;
  readonly deadline: IsoDate | null;
  readonly actualFinish: IsoDate | null;
  readonly lastReportDate: IsoDate | null;
  readonly responsibleUnitId: string | null;
  readonly responsiblePersonId: string | null;
  readonly color: LightColor;
}

/** A task past its deadline and not done; `daysOverdue` in the report's `dayUnit`. */
export interface OverdueEntry extends TaskEntry {
  readonly daysOverdue: number;
}

/** A task due in the `due` window and not done; `daysLeft` in the report's `dayUnit` (0 = due on T). */
export interface DueEntry extends TaskEntry {
  readonly daysLeft: number;
}

/** A red or yellow task with the reasons the lights engine gave. */
export interface LitEntry extends TaskEntry {
  readonly reasons: readonly Reason[];
}

/** A supervision item in the report; `daysOverdue` set when it is past due and not verified. */
export interface SupervisionEntry {
  readonly id: string;
  readonly code: string;
  readonly taskForceId: string;
  readonly taskId: string | null;
  readonly taskCode: string | null;
  readonly state: SupervisionState;
  readonly issue: string;
  readonly raisedOn: IsoDate;
  readonly submittedOn: IsoDate | null;
  readonly verifiedOn: IsoDate | null;
  readonly dueDate: IsoDate;
  readonly daysOverdue: number | null;
}

/** An indicator in the report, flagged when its latest reading was reported in the round. */
export interface IndicatorEntry extends DispatchIndicator {
  readonly reportedInRound: boolean;
}

/** Supervision items that moved in the round, and those past due. */
export interface SupervisionLists {
  readonly raised: readonly SupervisionEntry[];
  readonly submitted: readonly SupervisionEntry[];
  readonly verified: readonly SupervisionEntry[];
  readonly overdue: readonly SupervisionEntry[];
}

/** Counts of one task force (or of all). */
export interface DispatchSummary {
  /** Tasks of every level. */
  readonly tasks: number;
  /** Tasks of every level by light; sums to `tasks`. */
  readonly taskCounts: Readonly<Record<LightColor, number>>;
  readonly indicatorCounts: Readonly<Record<LightColor, number>>;
  readonly completed: number;
  readonly due: number;
  readonly overdue: number;
  readonly noReport: number;
  readonly red: number;
  readonly yellow: number;
  readonly supervision: {
    readonly raised: number;
    readonly submitted: number;
    readonly verified: number;
    readonly overdue: number;
  };
  readonly indicators: number;
  readonly indicatorsReported: number;
  readonly trends: Readonly<Record<TrendStage, number>>;
}

/** One task force's part of the report; lists ordered by WBS code. */
export interface DispatchSection {
  readonly taskForceId: string;
  readonly code: string;
  readonly name: string;
  /** The task force's light, when given. */
  readonly color: LightColor | null;
  readonly summary: DispatchSummary;
  /** Done with `actualFinish` in the current round. */
  readonly completed: readonly TaskEntry[];
  readonly due: readonly DueEntry[];
  readonly overdue: readonly OverdueEntry[];
  /** Leaf tasks in progress, started before the round, without a report dated in it. */
  readonly noReport: readonly TaskEntry[];
  /** Red / yellow tasks (summary tasks only with reasons of their own). */
  readonly red: readonly LitEntry[];
  readonly yellow: readonly LitEntry[];
  readonly supervision: SupervisionLists;
  readonly indicators: readonly IndicatorEntry[];
}

/** What a key point is about. */
export type KeyPointKind = "overdue-task" | "overdue-supervision" | "red-task" | "red-indicator";

/** One of the worst items of the round, with a ready sentence. */
export interface KeyPoint {
  readonly kind: KeyPointKind;
  readonly taskForceId: string;
  readonly taskForceCode: string;
  /** Id of the task, supervision item or indicator. */
  readonly refId: string;
  /** Its WBS code, item code or indicator code. */
  readonly refCode: string;
  readonly daysOverdue: number | null;
  readonly text: LocalizedText;
}

/** One share behind its parent. */
export interface CascadeLaggard {
  readonly indicatorId: string;
  readonly code: string;
  /** Who holds the share: its unit or street, else its task force (as the caller names them). */
  readonly holder: string;
  readonly color: LightColor;
  readonly actual: number | null;
  readonly target: number;
  readonly workProgress: number | null;
  readonly timeProgress: number;
  /** Points behind: time − work progress (cumulative/level), or target − actual for a rate (flipped when lower is better). */
  readonly behind: number;
}

/** An indicator whose shares pull it down, worst share first. */
export interface CascadeDrag {
  readonly indicatorId: string;
  readonly taskForceId: string | null;
  readonly code: string;
  readonly name: string;
  readonly unit: string;
  readonly color: LightColor;
  readonly laggards: readonly CascadeLaggard[];
  readonly text: LocalizedText;
}

/** Result of `dispatchReport`: task forces ordered by code. */
export interface DispatchReport {
  readonly statusDate: IsoDate;
  readonly rounds: DispatchRounds;
  readonly dayUnit: DayUnit;
  readonly total: DispatchSummary;
  readonly taskForces: readonly DispatchSection[];
  readonly keyPoints: readonly KeyPoint[];
  /** Indicators split into shares, with the shares that pull them down (层层衔接). */
  readonly cascade: readonly CascadeDrag[];
}
