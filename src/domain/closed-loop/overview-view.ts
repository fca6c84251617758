import type { EntityScore } from "../../engines/index.js";
import { readerOf, type ServiceContext } from "../context.js";
import { unitAndPersonNames } from "../org/org.repository.js";
import { cascadeReadings } from "./closed-loop.input.js";
import { computeOverview, type OverviewComputation } from "./closed-loop.service.js";

/** Scores with the display names of what they score. */
export async function namedScores(ctx: ServiceContext, comp: OverviewComputation) {
  const { units, persons } = await unitAndPersonNames(readerOf(ctx));
  const tfs = new Map(comp.data.taskForces.map((t) => [t.id, t.name]));
  const name = (names: Map<string, string>) => (s: EntityScore) => ({ ...s, name: names.get(s.id) ?? s.id });
  const a = comp.result.assessment;
  return {
    weights: a.weights,
    taskForces: a.taskForces.map(name(tfs)),
    units: a.units.map(name(units)),
    persons: a.persons.map(name(persons)),
  };
}

/** The overview as `GET /overview` answers it: task forces and indicators with their records' names. */
export async function overviewView(ctx: ServiceContext, options: { statusDate?: string } = {}) {
  const comp = await computeOverview(ctx, options);
  const { data, result } = comp;
  const tfById = new Map(result.taskForces.map((t) => [t.taskForceId, t]));
  // A parent's series is its shares' roll-up, as its light was measured on.
  const seriesOf = cascadeReadings(data);
  const indicatorById = new Map(result.indicators.map((i) => [i.indicatorId, i]));
  return {
    statusDate: comp.statusDate,
    counts: result.counts,
    taskForces: data.taskForces.map((tf) => {
      const o = tfById.get(tf.id)!;
      return {
        id: tf.id,
        code: tf.code,
        name: tf.name,
        goalIds: tf.goalIds,
        leadUnitId: tf.leadUnitId,
        leadLeaderId: tf.leadLeaderId,
        light: o.light,
        reasons: o.reasons,
        counts: o.counts,
        score: o.score,
        rank: o.rank,
        redLights: o.redLights,
      };
    }),
    indicators: data.indicators.map((i) => {
      const o = indicatorById.get(i.id)!;
      return {
        id: i.id,
        taskForceId: i.taskForceId,
        code: i.code,
        name: i.name,
        unit: i.unit,
        kind: i.kind,
        direction: i.direction,
        parentId: i.parentId,
        goalId: i.goalId,
        baseline: i.baseline,
        target: i.target,
        progress: o.progress,
        trend: o.trend,
        forecast: o.forecast,
        series: seriesOf.get(i.id) ?? [],
      };
    }),
    goals: comp.goals,
    assessment: await namedScores(ctx, comp),
  };
}
