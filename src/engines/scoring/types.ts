/**
 * Plain input and output types of assessment (考核) and ranking (排名).
 */
import type { IsoDate } from "../indicators/dates.js";
import type { Indicator, IndicatorProgress, IndicatorProgressOptions, Reading } from "../indicators/types.js";
import type { LightColor } from "../lights/light.js";
import type { SupervisionState, TaskCompletion, TaskStatus } from "../lights/types.js";

/** Points out of 100 each component is worth (any non-negative numbers; they are normalised). */
export interface AssessmentWeights {
  /** Milestones met on time. */
  readonly milestones: number;
  /** Indicator achievement (work over time progress, capped at 1). */
  readonly indicators: number;
  /** Supervision items verified by their due date. */
  readonly supervision: number;
}

/** SPEC defaults: 40 / 40 / 20. */
export const DEFAULT_ASSESSMENT_WEIGHTS: AssessmentWeights = Object.freeze({
  milestones: 40,
  indicators: 40,
  supervision: 20,
});

/** A task as assessment needs it. A milestone is `isMilestone`, or a task of duration 0; its date is `deadline`. */
export interface AssessTask {
  readonly id: string;
  readonly taskForceId: string;
  readonly status: TaskStatus;
  /** A `claimed` completion (reported 100 %, not yet confirmed) is not done yet; absent or null: confirmed. */
  readonly completion?: TaskCompletion | null;
  readonly duration?: number | null;
  readonly isMilestone?: boolean;
  readonly deadline?: IsoDate | null;
  readonly actualFinish?: IsoDate | null;
  readonly responsibleUnitId?: string | null;
  readonly responsiblePersonId?: string | null;
}

/** A supervision item; it belongs to its task's task force, or to `taskForceId` when it has no task. */
export interface AssessSupervisionItem {
  readonly id: string;
  readonly taskId?: string | null;
  readonly taskForceId?: string | null;
  readonly dueDate: IsoDate;
  readonly state: SupervisionState;
  /** Date of verification (销号); a verified item without one counts as verified on time. */
  readonly verifiedDate?: IsoDate | null;
}

/** Input of `assess`. `lights` (e.g. the output of `lightsFor`) supplies red-light counts for tie-breaks. */
export interface AssessInput {
  readonly statusDate: IsoDate;
  readonly taskForces: readonly { readonly id: string }[];
  readonly tasks: readonly AssessTask[];
  readonly indicators?: readonly { readonly indicator: Indicator; readonly readings: readonly Reading[] }[];
  readonly supervisionItems?: readonly AssessSupervisionItem[];
  /** Points taken off a task force (and the owner's unit and person), e.g. per 催办 left unanswered past grace. */
  readonly deductions?: readonly {
    readonly taskForceId: string;
    readonly unitId?: string | null;
    readonly personId?: string | null;
    readonly points: number;
  }[];
  readonly lights?: {
    readonly tasks?: readonly {
      readonly taskId: string;
      readonly color: LightColor;
      readonly summary?: boolean;
    }[];
    /** With `progress` (as `lightsFor` gives it), indicator progress is reused instead of recomputed. */
    readonly indicators?: readonly {
      readonly indicatorId: string;
      readonly color: LightColor;
      readonly progress?: IndicatorProgress;
    }[];
  };
}

/** Options of `assess`. */
export interface AssessOptions {
  readonly weights?: Partial<AssessmentWeights>;
  /** Passed to `indicatorProgress`. */
  readonly indicator?: IndicatorProgressOptions;
}

/** One component of a score. */
export interface ScoreComponent {
  /** Met over counted, in [0, 1] (indicators: mean achievement); `null` when nothing counts yet. */
  readonly ratio: number | null;
  /** Items met (indicators: sum of achievements). */
  readonly met: number;
  /** Items counted. */
  readonly counted: number;
  /** The weight the component actually carried, out of 100, after redistribution. */
  readonly weight: number;
  /** Points earned, `weight × ratio` (0 when `ratio` is null). */
  readonly points: number;
}

/** The kind of thing a score is for. */
export type AssessedKind = "task-force" | "unit" | "person";

/** A score and rank. */
export interface EntityScore {
  readonly id: string;
  readonly kind: AssessedKind;
  /** Out of 100, rounded to 0.01; `null` when no component has anything to count yet. */
  readonly score: number | null;
  readonly components: {
    readonly milestones: ScoreComponent;
    readonly indicators: ScoreComponent;
    readonly supervision: ScoreComponent;
  };
  /** Points taken off the components' sum (deductions), already in `score`. */
  readonly deducted: number;
  /** Red lights among the entity's (leaf) tasks and, for task forces, indicators. */
  readonly redLights: number;
  /** 1-based competition rank (1, 2, 2, 4); `null` for an unscored entity. */
  readonly rank: number | null;
}

/** Result of `assess`: each list in rank order. */
export interface Assessment {
  readonly statusDate: IsoDate;
  readonly weights: AssessmentWeights;
  readonly taskForces: readonly EntityScore[];
  readonly units: readonly EntityScore[];
  readonly persons: readonly EntityScore[];
}
