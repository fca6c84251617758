import type { EntityScore } from "../../engines/index.js";
import { readerOf, type ServiceContext } from "../context.js";
import { unitAndPersonNames } from "../org/org.repository.js";
import { RevisionMemo } from "../read-cache.js";
import { memoReadModel } from "../read-model.js";
import { getTaskForce } from "../task-forces/task-force.service.js";
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
  const seriesOf = comp.series;
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

export type OverviewView = Awaited<ReturnType<typeof overviewView>>;
type OverviewTaskForceRow = OverviewView["taskForces"][number];
type OverviewIndicatorRow = OverviewView["indicators"][number];

/** One overview per data revision, status date and reader scope, shared by its summary and pages. */
const computed = new WeakMap<object, RevisionMemo<OverviewView>>();

/** The overview at `statusDate`, computed once per data revision for the caller's scope. */
export function keptOverview(ctx: ServiceContext, statusDate?: string): Promise<OverviewView> {
  let memo = computed.get(ctx.database);
  if (!memo) {
    memo = new RevisionMemo(4);
    computed.set(ctx.database, memo);
  }
  return memoReadModel(ctx, memo, { name: "overview", statusDate }, (at) =>
    overviewView(ctx, { statusDate: at }),
  );
}

/** Ranked first (rank 1), unranked last, then by code: the order of every list of task forces here. */
const byRank = (a: OverviewTaskForceRow, b: OverviewTaskForceRow) =>
  (a.rank ?? Number.POSITIVE_INFINITY) - (b.rank ?? Number.POSITIVE_INFINITY) || a.code.localeCompare(b.code);

/** The overview's first answer: what a district or province page draws before anything is opened. */
export async function overviewSummaryView(
  ctx: ServiceContext,
  options: { statusDate?: string; top: number },
) {
  const o = await keptOverview(ctx, options.statusDate);
  const ranked = o.taskForces.slice().sort(byRank);
  const itemCounts = { red: 0, yellow: 0, green: 0, grey: 0, blue: 0 };
  const colours = ["red", "yellow", "green", "grey", "blue"] as const;
  for (const tf of o.taskForces) for (const k of colours) itemCounts[k] += tf.counts[k];
  const red = ranked
    .filter((tf) => tf.light === "red")
    .sort((a, b) => b.redLights - a.redLights || byRank(a, b));
  const a = o.assessment;
  return {
    statusDate: o.statusDate,
    counts: o.counts,
    itemCounts,
    taskForceCount: o.taskForces.length,
    indicatorCount: o.indicators.length,
    ranking: ranked.slice(0, options.top),
    red: red.slice(0, options.top),
    districtIndicators: o.indicators.filter((i) => i.taskForceId === null),
    goals: o.goals,
    assessment: {
      weights: a.weights,
      taskForces: a.taskForces.slice(0, options.top),
      units: a.units.slice(0, options.top),
      persons: a.persons.slice(0, options.top),
      taskForceCount: a.taskForces.length,
      unitCount: a.units.length,
      personCount: a.persons.length,
    },
  };
}

const pageOf = <T>(rows: readonly T[], limit: number, offset: number) => ({
  items: rows.slice(offset, offset + limit),
  total: rows.length,
  limit,
  offset,
});

/** A page of the overview's task forces by rank, optionally only those of one light. */
export async function overviewTaskForcePage(
  ctx: ServiceContext,
  q: { statusDate?: string; light?: string; limit: number; offset: number },
) {
  const o = await keptOverview(ctx, q.statusDate);
  const rows = o.taskForces.filter((tf) => !q.light || tf.light === q.light).sort(byRank);
  return { statusDate: o.statusDate, ...pageOf(rows, q.limit, q.offset) };
}

/**
 * A page of the overview's indicators in their order: one task force's (after checking the caller
 * may read it), one indicator's shares, or all.
 */
export async function overviewIndicatorPage(
  ctx: ServiceContext,
  q: { statusDate?: string; taskForceId?: string; parentId?: string; limit: number; offset: number },
) {
  if (q.taskForceId) await getTaskForce(ctx, q.taskForceId);
  const o = await keptOverview(ctx, q.statusDate);
  const rows = o.indicators.filter(
    (i: OverviewIndicatorRow) =>
      (!q.taskForceId || i.taskForceId === q.taskForceId) && (!q.parentId || i.parentId === q.parentId),
  );
  return { statusDate: o.statusDate, ...pageOf(rows, q.limit, q.offset) };
}
