import type { PlantedGap } from "../demo-dataset.js";

/**
 * How a task stands at the status date, when it differs from what its baseline implies
 * (done before the status date, in progress on plan, not started when not yet due).
 * `b15`/`b25`: in progress, behind plan by about 15/25 points · `idle`: should have started, has
 * not · `late`: baseline finish passed, still in progress · `early`: started ahead of its baseline ·
 * `claimed`: done on its baseline like any finished leaf and reported 100 % on its finish day, but
 * the lead has not confirmed it yet (完成待确认).
 */
export type TaskState = "b15" | "b25" | "idle" | "late" | "early" | "claimed";

/** One row of a task force's WBS, compact so a whole battle map reads like a table. */
export interface TaskRow {
  /** WBS code below the task force's code: `1`, `1.2`, `1.2.1`. */
  readonly c: string;
  readonly t: string;
  /** Responsible unit key (`fgj` for `ou-fgj`); the task force's lead unit when absent. */
  readonly u?: string;
  /** Responsible person id; otherwise one of the unit's section chiefs in turn. */
  readonly p?: string;
  /** Duration in working days of a leaf (0 = milestone); absent on summary tasks. */
  readonly d?: number;
  /** Earliest baseline start. */
  readonly from?: string;
  /** Predecessors: `1.1` (FS, no lag), `1.1 SS+3`, `1.2 FF-2`, `2.1 FS-1`. */
  readonly after?: readonly string[];
  /** Deadline; by default the next 15th or month end at least three working days after the baseline finish. */
  readonly dl?: string;
  /** Acceptance criterion (with a number, unless planted as a gap). */
  readonly a: string;
  /** Assessment weight of a leaf. */
  readonly w?: number;
  readonly s?: TaskState;
  /** No progress report in the current dispatch round (the week of the status date). */
  readonly nr?: boolean;
  /** Co-unit keys. */
  readonly co?: readonly string[];
  /**
   * Further indicators the task advances, besides those naming it (`task`): `3` for `ind-NN-3`,
   * `3-nh` for its 南湖街道 share `ind-NN-3-nh`, or a full id (`ind-qzb-1`).
   */
  readonly ind?: readonly string[];
  /** A problem the owner reports. */
  readonly q?: string;
  /** A coordination request the owner reports. */
  readonly h?: string;
  /** A planted five-ization gap: the fields to blank and what the check should say. */
  readonly gap?: {
    readonly check: PlantedGap["check"];
    readonly what: string;
    readonly blank: readonly ("responsiblePost" | "responsiblePersonId" | "duration" | "deadline")[];
  };
}

/**
 * A street's (or unit's) share of a task-force indicator (层层衔接): same kind, direction, unit and
 * year as its parent, its own target, monthly plan and readings. Loaded as `ind-NN-n-<key>` with
 * code `JDNN-n.k` (k-th share), owned by a person of the street.
 */
export interface ShareSpec {
  /** Unit key of the street (`jd-nh` for `ou-jd-nh`); the id takes its last part (`ind-06-2-nh`). */
  readonly unit: string;
  readonly owner: string;
  readonly baseline: number;
  readonly target: number;
  /** `rate`/`level`: weight in the parent's weighted result (e.g. the street's base); null counts as 1. */
  readonly weight?: number;
  /** Cumulative plan to date for January…December; its December equals `target` unless planted otherwise. */
  readonly plan?: readonly number[];
  /** Actual values from 2022-01 on, as the parent's. */
  readonly series: readonly number[];
  readonly notes?: Readonly<Record<number, string>>;
}

/** A cascade gap planted on this indicator (see `PlantedCascadeGap`). */
export interface CascadeGapSpec {
  /** `shares`: its shares' targets do not add up · `no-task`: no task advances it. */
  readonly check: "shares" | "no-task";
  readonly what: string;
}

/** An indicator of a task force with its monthly readings from January. */
export interface IndicatorSpec {
  readonly name: string;
  readonly unit: string;
  readonly kind: "cumulative" | "rate" | "level";
  readonly dir?: "up" | "down";
  readonly baseline: number;
  readonly target: number;
  /** Planned value to date for January…December (cumulative plan). */
  readonly plan?: readonly number[];
  /** Owner person id (the task force's lead when absent). */
  readonly owner?: string;
  /** WBS code of the task the indicator measures. */
  readonly task?: string;
  /** Actual values from 2022-01 on (year-to-date for cumulative and rate indicators). */
  readonly series: readonly number[];
  readonly note?: string;
  /** Notes on single months, by index (0 = January). */
  readonly notes?: Readonly<Record<number, string>>;
  /** The district-level indicator this one is a share of (`ind-qzb-1`, see `district-indicators.ts`). */
  readonly parent?: string;
  /** `rate`/`level` share of a district indicator: its weight there (e.g. its base). */
  readonly weight?: number;
  /** Its split among streets; a parent that also has a `series` is reported itself (its figure wins). */
  readonly shares?: readonly ShareSpec[];
  readonly gap?: CascadeGapSpec;
}

/** A task force as the demo writes it: task book, people, battle map and indicators. */
export interface TaskForceSpec {
  readonly code: string;
  readonly name: string;
  readonly goalIds: readonly string[];
  /** Person id of the lead leader (牵头领导). */
  readonly leader: string;
  /** Person id of the task-force lead (专班牵头人, usually the lead unit's head). */
  readonly lead: string;
  /** Person id of the liaison (联络员). */
  readonly liaison: string;
  readonly leadUnit: string;
  readonly coUnits: readonly string[];
  /** Further members who own nothing (e.g. a statistician who follows the indicators). */
  readonly extraMembers?: readonly (readonly [personId: string, duties: string])[];
  readonly objective: string;
  readonly scope: string;
  readonly measures: string;
  readonly guarantees: string;
  readonly deadline?: string;
  readonly tasks: readonly TaskRow[];
  readonly indicators: readonly IndicatorSpec[];
  /** A planted gap: the leaf weights deliberately do not sum to 100. */
  readonly weightGap?: string;
}
