import type { z } from "zod";
import type { CascadeFindingView } from "../../shared/api/cascade.js";
import type { goalSchemas } from "../../shared/api/goals.js";
import type { indicatorSchemas, readingSchemas } from "../../shared/api/indicators.js";
import type { orgUnitSchemas, personSchemas, userSchemas } from "../../shared/api/org.js";
import type { progressReportSchemas } from "../../shared/api/reports.js";
import type { SupervisionAction, supervisionItemSchemas } from "../../shared/api/supervision.js";
import type { memberSchemas, taskForceSchemas } from "../../shared/api/task-forces.js";
import type { dependencySchemas, taskSchemas } from "../../shared/api/tasks.js";

type Seed<S extends { create: z.ZodType }> = z.input<S["create"]> & { readonly id: string };

/** A task's planned dates in its task force's first baseline (recorded when the demo is loaded). */
export interface DemoBaseline {
  readonly baselineStart?: string | null;
  readonly baselineFinish?: string | null;
}

/** A step replayed through the supervision state machine when the demo is loaded. */
export interface DemoTransition {
  readonly action: SupervisionAction;
  readonly date: string;
  readonly note?: string;
  readonly rectification?: string;
  /** Person id of who acted (the responsible person submits, a supervisor returns or verifies). */
  readonly byId?: string;
}

/** A gap planted on purpose so the five-ization check has something to find. */
export interface PlantedGap {
  readonly taskForceCode: string;
  /** WBS code of the task, or null for a task-force-level gap (e.g. weights not summing to 100). */
  readonly taskCode: string | null;
  readonly check: "project" | "list" | "responsibility" | "concrete" | "assessable";
  /** What is missing, in a few words (for docs and test messages). */
  readonly what: string;
}

/**
 * A cascade finding (层层衔接检查) planted on purpose: exactly what the cascade check should report
 * on the dataset, finding by finding.
 */
export interface PlantedCascadeGap {
  readonly code: Extract<
    CascadeFindingView["code"],
    "CASCADE_SHARES" | "CASCADE_MONTHS" | "INDICATOR_NO_TASK"
  >;
  readonly indicatorId: string;
  /** As the finding states them: what the parent (or the indicator's target) says, what the shares come to. */
  readonly expected?: number;
  readonly actual?: number;
  readonly period?: string;
  readonly what: string;
}

/**
 * The demo district as plain create-inputs with fixed ids, in load order. Loaded through the same
 * services as the API, so every record is validated and audited like a user's.
 */
export interface DemoDataset {
  readonly organisation: string;
  readonly statusDate: string;
  readonly orgUnits: readonly Seed<typeof orgUnitSchemas>[];
  readonly persons: readonly Seed<typeof personSchemas>[];
  /** Each unit's head (负责人), set once the persons exist. */
  readonly unitHeads: readonly { readonly unitId: string; readonly personId: string }[];
  readonly users: readonly Seed<typeof userSchemas>[];
  readonly goals: readonly Seed<typeof goalSchemas>[];
  readonly taskForces: readonly Seed<typeof taskForceSchemas>[];
  readonly members: readonly Seed<typeof memberSchemas>[];
  /**
   * Parents come before their children. A task's `indicatorIds` are linked once the indicators
   * exist (they are loaded after the tasks, since an indicator may name its task).
   */
  readonly tasks: readonly (Seed<typeof taskSchemas> & DemoBaseline)[];
  readonly dependencies: readonly Seed<typeof dependencySchemas>[];
  /**
   * Parents before their shares (层层衔接): the district-level ones (no task force, a goal), then
   * the task forces' own, then their streets' shares.
   */
  readonly indicators: readonly Seed<typeof indicatorSchemas>[];
  readonly readings: readonly Seed<typeof readingSchemas>[];
  readonly progressReports: readonly Seed<typeof progressReportSchemas>[];
  readonly supervisionItems: readonly (Seed<typeof supervisionItemSchemas> & {
    readonly transitions: readonly DemoTransition[];
  })[];
  readonly plantedGaps: readonly PlantedGap[];
  /** Cascade findings planted on purpose; every other share adds up and every other indicator has a task. */
  readonly plantedCascadeGaps: readonly PlantedCascadeGap[];
  /**
   * Done tasks whose completion is claimed (完成待确认): loaded as they stood before their 100 %
   * report (in progress at 90 %), so that the report claims them as an owner's would.
   */
  readonly plantedClaims: readonly string[];
}
