/**
 * Plain input and output types of the five-ization check (五化检查), a linter for a task book.
 */
import type { Direction, FiveCheck, IndicatorKind } from "../../vocabulary/index.js";
import type { CascadeTolerance } from "../cascade/types.js";
import type { LocalizedText, ReasonParams } from "../lights/light.js";

export type { FiveCheck };

/** Every finding code, grouped by check in {@link CHECK_OF_CODE}. */
export type FindingCode =
  | "NO_GOAL"
  | "NO_WBS"
  | "DUPLICATE_WBS"
  | "NO_DURATION"
  | "NO_RESPONSIBLE_UNIT"
  | "NO_RESPONSIBLE_PERSON"
  | "NO_POST"
  | "NO_LEAD_LEADER"
  | "NO_LEAD_UNIT"
  | "NO_MEASURE"
  | "NO_DATE"
  | "NO_WEIGHT"
  | "WEIGHT_SUM"
  // The indicator cascade (层层衔接), on indicators rather than tasks.
  | "CASCADE_SHARES"
  | "CASCADE_MONTHS"
  | "CASCADE_KIND"
  | "CASCADE_OWNER"
  | "INDICATOR_NO_TASK";

/** Which check each code belongs to. */
export const CHECK_OF_CODE: Readonly<Record<FindingCode, FiveCheck>> = Object.freeze({
  NO_GOAL: "project",
  NO_WBS: "list",
  DUPLICATE_WBS: "list",
  NO_DURATION: "list",
  NO_RESPONSIBLE_UNIT: "responsibility",
  NO_RESPONSIBLE_PERSON: "responsibility",
  NO_POST: "responsibility",
  NO_LEAD_LEADER: "responsibility",
  NO_LEAD_UNIT: "responsibility",
  NO_MEASURE: "concrete",
  NO_DATE: "concrete",
  NO_WEIGHT: "assessable",
  WEIGHT_SUM: "assessable",
  // Shares that do not add up leave a number that means nothing: the target is not concrete.
  CASCADE_SHARES: "concrete",
  CASCADE_MONTHS: "concrete",
  CASCADE_KIND: "concrete",
  CASCADE_OWNER: "responsibility",
  // An indicator no task advances is missing from the work list.
  INDICATOR_NO_TASK: "list",
});

/** A task as the check needs it. Empty strings count as missing. */
export interface CheckTask {
  readonly id: string;
  /** WBS code, e.g. `03.2.1`. */
  readonly code?: string | null;
  readonly title?: string;
  readonly parentId?: string | null;
  /** Duration in working days (a milestone has 0). */
  readonly duration?: number | null;
  readonly deadline?: string | null;
  readonly responsibleUnitId?: string | null;
  readonly responsiblePersonId?: string | null;
  readonly responsiblePost?: string | null;
  /** Assessment weight (points of the task force's 100). */
  readonly weight?: number | null;
  readonly acceptanceCriterion?: string | null;
}

/** A task force with its task book. */
export interface CheckTaskForce {
  readonly id: string;
  readonly code?: string;
  readonly name?: string;
  /** Goals served (the cascade). */
  readonly goalIds: readonly string[];
  readonly leadLeaderId?: string | null;
  readonly leadUnitId?: string | null;
  readonly tasks: readonly CheckTask[];
}

/**
 * An indicator, linked to a task when `taskId` is set; quantified when its target is a finite number.
 * With `kind` and `direction` it takes part in the cascade check (层层衔接).
 */
export interface CheckIndicator {
  readonly id: string;
  readonly taskId?: string | null;
  readonly target?: number | null;
  /** Null: district level. */
  readonly taskForceId?: string | null;
  readonly code?: string;
  readonly name?: string;
  readonly unit?: string;
  readonly parentId?: string | null;
  readonly kind?: IndicatorKind;
  readonly direction?: Direction;
  readonly monthlyPlan?: Readonly<Record<string, number>> | null;
  readonly weight?: number | null;
  readonly ownerPersonId?: string | null;
}

/** Input of `checkFiveIzation`. */
export interface CheckInput {
  readonly taskForces: readonly CheckTaskForce[];
  readonly indicators?: readonly CheckIndicator[];
  /** Indicators some task advances (besides `taskId`); when given, `INDICATOR_NO_TASK` is checked. */
  readonly linkedIndicatorIds?: ReadonlySet<string>;
  readonly cascadeTolerance?: Partial<CascadeTolerance>;
}

/** One failed check. Task-force-level findings (`NO_GOAL`, `NO_LEAD_*`, `WEIGHT_SUM`) have `taskId: null`. */
export interface Finding {
  readonly check: FiveCheck;
  readonly code: FindingCode;
  /** Null for a finding on a district-level indicator. */
  readonly taskForceId: string | null;
  readonly taskForceCode: string | null;
  readonly taskId: string | null;
  /** The task's WBS code (`null` for task-force findings or a task without one). */
  readonly wbs: string | null;
  /** The indicator a cascade finding is about. */
  readonly indicatorId?: string;
  readonly params: ReasonParams;
  readonly text: LocalizedText;
}

/** Result of `checkFiveIzation`: findings in task-force, then task input order. */
export interface CheckResult {
  /** `true` when there are no findings. */
  readonly ok: boolean;
  readonly findings: readonly Finding[];
  readonly summary: {
    readonly taskForces: number;
    readonly tasks: number;
    /** Tasks with at least one task-level finding. */
    readonly tasksWithFindings: number;
    readonly byCheck: Readonly<Record<FiveCheck, number>>;
    readonly byCode: Readonly<Partial<Record<FindingCode, number>>>;
  };
}
