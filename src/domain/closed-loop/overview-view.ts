import type { EntityScore } from "../../engines/index.js";
import type { ServiceContext } from "../context.js";
import type { Row } from "../resource/resource-def.js";
import { computeOverview, type OverviewComputation } from "./closed-loop.service.js";

/** Scores with the display names of what they score. */
export async function namedScores(ctx: ServiceContext, comp: OverviewComputation) {
  const db = ctx.trx ?? ctx.database.db;
  const units = new Map(
    (await db.selectFrom("org_units").select(["id", "name"]).execute()).map((r) => [
      r.id as string,
      r.name as string,
    ]),
  );
  const persons = new Map(
    (await db.selectFrom("persons").select(["id", "name"]).execute()).map((r) => [
      r.id as string,
      r.name as string,
    ]),
  );
  const tfs = new Map(comp.data.taskForces.map((t) => [t.id as string, t.name as string]));
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
  const seriesOf = new Map<string, { period: string; actual: number }[]>();
  for (const r of data.readings) {
    const list = seriesOf.get(r.indicatorId as string) ?? [];
    list.push({ period: r.period as string, actual: r.actual as number });
    seriesOf.set(r.indicatorId as string, list);
  }
  const indicatorById = new Map(result.indicators.map((i) => [i.indicatorId, i]));
  return {
    statusDate: comp.statusDate,
    counts: result.counts,
    taskForces: data.taskForces.map((tf: Row) => {
      const o = tfById.get(tf.id as string)!;
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
      const o = indicatorById.get(i.id as string)!;
      return {
        id: i.id,
        taskForceId: i.taskForceId,
        code: i.code,
        name: i.name,
        unit: i.unit,
        kind: i.kind,
        direction: i.direction,
        baseline: i.baseline,
        target: i.target,
        progress: o.progress,
        trend: o.trend,
        forecast: o.forecast,
        series: seriesOf.get(i.id as string) ?? [],
      };
    }),
    goals: comp.goals,
    assessment: await namedScores(ctx, comp),
  };
}
