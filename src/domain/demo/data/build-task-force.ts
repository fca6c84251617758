import type { PlantedGap } from "../demo-dataset.js";
import { indicatorSeed, readingSeeds } from "./indicator-seeds.js";
import { membersOf } from "./members.js";
import { reportsFor } from "./reports.js";
import { type BuildContext, type Seeds, startDate, type TaskSeed } from "./seeds.js";
import { dependencySeeds, taskSeeds } from "./task-seeds.js";
import type { TaskForceSpec } from "./types.js";

export type { BuildContext } from "./seeds.js";

/** Everything one task force contributes to the dataset. */
export interface TaskForceSeeds {
  readonly taskForce: Seeds<"taskForces">[number];
  readonly members: Seeds<"members">;
  readonly tasks: TaskSeed[];
  readonly dependencies: Seeds<"dependencies">;
  readonly indicators: Seeds<"indicators">;
  readonly readings: Seeds<"readings">;
  readonly progressReports: Seeds<"progressReports">;
  readonly plantedGaps: PlantedGap[];
  /** Ids of the leaves whose completion is claimed (`s: "claimed"`). */
  readonly plantedClaims: string[];
}

/** Builds one task force's records from its spec (see `types.ts` for the row format). */
export function buildTaskForce(spec: TaskForceSpec, ctx: BuildContext): TaskForceSeeds {
  const { tasks, gaps } = taskSeeds(spec, ctx);
  const indicators = spec.indicators.map((ind, i) => indicatorSeed(spec, ind, i + 1));
  return {
    taskForce: {
      id: `tf-${spec.code}`,
      code: spec.code,
      name: spec.name,
      goalIds: [...spec.goalIds],
      leadLeaderId: spec.leader,
      leadUnitId: `ou-${spec.leadUnit}`,
      coUnitIds: spec.coUnits.map((k) => `ou-${k}`),
      objective: spec.objective,
      scope: spec.scope,
      measures: spec.measures,
      guarantees: spec.guarantees,
      startDate,
      deadline: spec.deadline ?? "2022-12-31",
      status: "active",
    },
    members: membersOf(spec, tasks, indicators, ctx),
    tasks,
    dependencies: dependencySeeds(spec),
    indicators,
    readings: spec.indicators.flatMap((ind, i) => readingSeeds(spec, ind, i + 1)),
    progressReports: reportsFor(spec.tasks, tasks, ctx.statusDate),
    plantedGaps: gaps,
    plantedClaims: spec.tasks.flatMap((row, i) => (row.s === "claimed" && tasks[i] ? [tasks[i].id] : [])),
  };
}
