import { type Seeds, taskId } from "./seeds.js";
import type { IndicatorSpec, TaskForceSpec } from "./types.js";

const month = (i: number) => `2022-${String(i + 1).padStart(2, "0")}`;

/** The `n`-th indicator of a task force (`ind-01-1`), its monthly plan keyed `YYYY-MM`. */
export function indicatorSeed(
  spec: TaskForceSpec,
  ind: IndicatorSpec,
  n: number,
): Seeds<"indicators">[number] {
  return {
    id: `ind-${spec.code}-${n}`,
    taskForceId: `tf-${spec.code}`,
    taskId: ind.task ? taskId(spec.code, ind.task) : null,
    code: `ZB${spec.code}-${n}`,
    name: ind.name,
    unit: ind.unit,
    kind: ind.kind,
    direction: ind.dir ?? "up",
    year: 2022,
    baseline: ind.baseline,
    target: ind.target,
    monthlyPlan: ind.plan ? Object.fromEntries(ind.plan.map((v, i) => [month(i), v])) : null,
    ownerPersonId: ind.owner ?? spec.lead,
    note: ind.note ?? null,
  };
}

/** Monthly readings of the `n`-th indicator from 2022-01 on (`rd-01-1-2022-01`). */
export function readingSeeds(spec: TaskForceSpec, ind: IndicatorSpec, n: number): Seeds<"readings"> {
  return ind.series.map((actual, i) => ({
    id: `rd-${spec.code}-${n}-${month(i)}`,
    indicatorId: `ind-${spec.code}-${n}`,
    period: month(i),
    actual,
    note: ind.notes?.[i] ?? null,
    reportedById: ind.owner ?? spec.lead,
  }));
}
