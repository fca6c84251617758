import type { PlantedCascadeGap, PlantedGap } from "../demo-dataset.js";
import {
  indicatorId,
  indicatorSeed,
  readingSeeds,
  shareId,
  shareReadingSeeds,
  shareSeeds,
} from "./indicator-seeds.js";
import { membersOf } from "./members.js";
import { unitSpecs } from "./org.js";
import { reportsFor } from "./reports.js";
import { type BuildContext, type Seeds, startDate, type TaskSeed } from "./seeds.js";
import { dependencySeeds, taskSeeds } from "./task-seeds.js";
import type { IndicatorSpec, TaskForceSpec } from "./types.js";

export type { BuildContext } from "./seeds.js";

/** Everything one task force contributes to the dataset. */
export interface TaskForceSeeds {
  readonly taskForce: Seeds<"taskForces">[number];
  readonly members: Seeds<"members">;
  readonly tasks: TaskSeed[];
  readonly dependencies: Seeds<"dependencies">;
  /** The task force's own indicators (`ind-01-1`), some of them shares of a district indicator. */
  readonly indicators: Seeds<"indicators">;
  /** Its streets' shares of those (`ind-01-1-nh`), after them so parents load first. */
  readonly shares: Seeds<"indicators">;
  readonly readings: Seeds<"readings">;
  readonly progressReports: Seeds<"progressReports">;
  readonly plantedGaps: PlantedGap[];
  readonly plantedCascadeGaps: PlantedCascadeGap[];
  /** Ids of the leaves whose completion is claimed (`s: "claimed"`). */
  readonly plantedClaims: string[];
}

/** Builds one task force's records from its spec (see `types.ts` for the row format). */
export function buildTaskForce(spec: TaskForceSpec, ctx: BuildContext): TaskForceSeeds {
  const { tasks, gaps } = taskSeeds(spec, ctx);
  const indicators = spec.indicators.map((ind, i) => indicatorSeed(spec, ind, i + 1));
  const shares = spec.indicators.flatMap((ind, i) => shareSeeds(spec, ind, i + 1, streetName));
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
    members: membersOf(spec, tasks, [...indicators, ...shares], ctx),
    tasks,
    dependencies: dependencySeeds(spec),
    indicators,
    shares,
    readings: spec.indicators.flatMap((ind, i) => [
      ...readingSeeds(spec, ind, i + 1),
      ...(ind.shares ?? []).flatMap((s) => shareReadingSeeds(spec, i + 1, s)),
    ]),
    progressReports: reportsFor(spec.tasks, tasks, ctx.statusDate),
    plantedGaps: gaps,
    plantedCascadeGaps: spec.indicators.flatMap((ind, i) => cascadeGaps(spec.code, ind, i + 1)),
    plantedClaims: spec.tasks.flatMap((row, i) => (row.s === "claimed" && tasks[i] ? [tasks[i].id] : [])),
  };
}

/** A street's short name for its shares' names: `南湖街道` for `jd-nh` (南湖街道办事处). */
function streetName(unit: string): string {
  const spec = unitSpecs.find((u) => u.key === unit);
  if (!spec) throw new Error(`demo share of unknown unit ${unit}`);
  return spec.name.replace(/办事处$/, "");
}

/**
 * The findings an indicator's planted cascade gap gives: shares whose targets fall short of the
 * parent's (`CASCADE_SHARES`) together with any share whose plan does not end at its target (a
 * mistyped target), or no task advancing it (`INDICATOR_NO_TASK`).
 */
function cascadeGaps(tf: string, ind: IndicatorSpec, n: number): PlantedCascadeGap[] {
  if (!ind.gap) return [];
  const id = indicatorId(tf, n);
  const what = ind.gap.what;
  if (ind.gap.check === "no-task") return [{ code: "INDICATOR_NO_TASK", indicatorId: id, what }];
  if (ind.kind !== "cumulative") throw new Error(`${id}: a planted share gap is a sum that falls short`);
  const shares = ind.shares ?? [];
  const found: PlantedCascadeGap[] = [
    {
      code: "CASCADE_SHARES",
      indicatorId: id,
      expected: ind.target,
      actual: shares.reduce((a, s) => a + s.target, 0),
      what,
    },
  ];
  for (const s of shares) {
    const end = s.plan?.at(-1);
    if (end !== undefined && end !== s.target)
      found.push({
        code: "CASCADE_MONTHS",
        indicatorId: shareId(tf, n, s.unit),
        expected: s.target,
        actual: end,
        period: "2022-12",
        what,
      });
  }
  return found;
}
