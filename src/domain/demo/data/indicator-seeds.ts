import { type Seeds, taskId } from "./seeds.js";
import type { IndicatorSpec, ShareSpec, TaskForceSpec } from "./types.js";

const month = (i: number) => `2022-${String(i + 1).padStart(2, "0")}`;
const monthlyPlan = (plan: readonly number[] | undefined) =>
  plan ? Object.fromEntries(plan.map((v, i) => [month(i), v])) : null;

/** Id of the `n`-th indicator of a task force (`ind-01-1`). */
export const indicatorId = (tf: string, n: number) => `ind-${tf}-${n}`;

/** Id of a street's share of the `n`-th indicator: `ind-06-2-nh` for unit `jd-nh`. */
export const shareId = (tf: string, n: number, unit: string) =>
  `${indicatorId(tf, n)}-${unit.slice(unit.lastIndexOf("-") + 1)}`;

/** The `n`-th indicator of a task force (`ind-01-1`), its monthly plan keyed `YYYY-MM`. */
export function indicatorSeed(
  spec: TaskForceSpec,
  ind: IndicatorSpec,
  n: number,
): Seeds<"indicators">[number] {
  return {
    id: indicatorId(spec.code, n),
    taskForceId: `tf-${spec.code}`,
    taskId: ind.task ? taskId(spec.code, ind.task) : null,
    parentId: ind.parent ?? null,
    goalId: null,
    orgUnitId: null,
    weight: ind.weight ?? null,
    code: `ZB${spec.code}-${n}`,
    name: ind.name,
    unit: ind.unit,
    kind: ind.kind,
    direction: ind.dir ?? "up",
    year: 2022,
    baseline: ind.baseline,
    target: ind.target,
    monthlyPlan: monthlyPlan(ind.plan),
    ownerPersonId: ind.owner ?? spec.lead,
    note: ind.note ?? null,
  };
}

/**
 * The streets' shares of the `n`-th indicator (`ind-06-2-nh`, code `JD06-2.1`: 街道, so that no code
 * of a task force's own indicator is part of a share's): the parent's kind, direction and unit, and
 * its name with the street's appended.
 */
export function shareSeeds(
  spec: TaskForceSpec,
  ind: IndicatorSpec,
  n: number,
  unitName: (unit: string) => string,
): Seeds<"indicators"> {
  return (ind.shares ?? []).map((s, k) => ({
    id: shareId(spec.code, n, s.unit),
    taskForceId: `tf-${spec.code}`,
    taskId: null,
    parentId: indicatorId(spec.code, n),
    goalId: null,
    orgUnitId: `ou-${s.unit}`,
    weight: s.weight ?? null,
    code: `JD${spec.code}-${n}.${k + 1}`,
    name: `${ind.name}（${unitName(s.unit)}）`,
    unit: ind.unit,
    kind: ind.kind,
    direction: ind.dir ?? "up",
    year: 2022,
    baseline: s.baseline,
    target: s.target,
    monthlyPlan: monthlyPlan(s.plan),
    ownerPersonId: s.owner,
    note: null,
  }));
}

/** Monthly readings of the `n`-th indicator from 2022-01 on (`rd-01-1-2022-01`). */
export function readingSeeds(spec: TaskForceSpec, ind: IndicatorSpec, n: number): Seeds<"readings"> {
  return ind.series.map((actual, i) => ({
    id: `rd-${spec.code}-${n}-${month(i)}`,
    indicatorId: indicatorId(spec.code, n),
    period: month(i),
    actual,
    note: ind.notes?.[i] ?? null,
    reportedById: ind.owner ?? spec.lead,
  }));
}

/** Monthly readings of a street's share, reported by its owner (`rd-06-2-nh-2022-01`). */
export function shareReadingSeeds(spec: TaskForceSpec, n: number, share: ShareSpec): Seeds<"readings"> {
  const id = shareId(spec.code, n, share.unit);
  return share.series.map((actual, i) => ({
    id: `rd-${id.slice(4)}-${month(i)}`,
    indicatorId: id,
    period: month(i),
    actual,
    note: share.notes?.[i] ?? null,
    reportedById: share.owner,
  }));
}
