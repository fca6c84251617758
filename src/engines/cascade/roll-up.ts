/**
 * Rolling actuals up a cascade (层层汇总): each parent's figure from its children's, month by
 * month, at any depth — iteratively over a children-first order, linear in nodes × months.
 */
import type { YearMonth } from "../../vocabulary/index.js";
import { buildCascadeTree, type CascadeTree } from "./cascade-tree.js";
import { presentRollUp } from "./rolled-view.js";
import { roundCascadeValue } from "./round-cascade-value.js";
import type { CascadeIndicator, CascadeReading, RolledIndicator } from "./types.js";

/**
 * Rolls actuals up the cascade for every indicator and every month of `months` (taken in ascending
 * order, duplicates once). A leaf takes its own readings. A parent computes, from its children's
 * `actual` (itself reported or computed), the sum (`cumulative`) or the weighted mean
 * Σwᵢvᵢ / Σwᵢ (`rate`, `level`; a missing or null weight counts as 1) over the children that have
 * a value, rounded with {@link roundCascadeValue}; children without one are listed as `missing`.
 * The indicator's own reading, when there is one, wins over the computed figure (a
 * statistics-bureau figure), and `difference` is reported − computed. A `parentId` outside the list
 * makes the indicator a root. Throws {@link CascadeError} `CASCADE_CYCLE` when the parents loop.
 * Readings for indicators or months not asked for are ignored; of two for the same month the later wins.
 *
 * Example: a district (cumulative) with streets A (reported 30 in 2022-06) and B (none) rolls up
 * to `{ actual: 30, source: "computed", computed: 30, missing: ["B"] }` for 2022-06.
 */
export function rollUp(
  indicators: readonly CascadeIndicator[],
  readings: readonly CascadeReading[],
  months: readonly YearMonth[],
): Map<string, RolledIndicator> {
  const tree = buildCascadeTree(indicators);
  const periods = [...new Set(months)].sort();
  const m = periods.length;
  const reported = reportedMatrix(tree, readings, periods);
  const computed = new Float64Array(indicators.length * m).fill(Number.NaN);
  const actual = new Float64Array(indicators.length * m);
  const weight = new Float64Array(indicators.length);
  for (let i = 0; i < indicators.length; i++) {
    const w = indicators[i]!.weight;
    weight[i] = typeof w === "number" && Number.isFinite(w) ? w : 1;
  }
  const { childStart, childList, order } = tree;
  for (let o = 0; o < order.length; o++) {
    const i = order[o]!;
    const from = childStart[i]!;
    const to = childStart[i + 1]!;
    const sum = indicators[i]!.kind === "cumulative";
    for (let k = 0, at = i * m; k < m; k++, at++) {
      if (from < to) {
        let total = 0;
        let weights = 0;
        let count = 0;
        for (let e = from; e < to; e++) {
          const child = childList[e]!;
          const v = actual[child * m + k]!;
          if (Number.isNaN(v)) continue; // no value this month
          const w = sum ? 1 : weight[child]!;
          total += w * v;
          weights += w;
          count++;
        }
        if (count > 0 && (sum || weights !== 0))
          computed[at] = roundCascadeValue(sum ? total : total / weights);
      }
      const r = reported[at]!;
      actual[at] = Number.isNaN(r) ? computed[at]! : r;
    }
  }
  return presentRollUp({ indicators, tree, periods, reported, computed, actual });
}

/** Each indicator's own reading per month, NaN where it has none. */
function reportedMatrix(
  tree: CascadeTree,
  readings: readonly CascadeReading[],
  periods: readonly YearMonth[],
): Float64Array {
  const m = periods.length;
  const monthIndex = new Map(periods.map((p, k) => [p, k]));
  const reported = new Float64Array(tree.parent.length * m).fill(Number.NaN);
  let lastId: string | undefined;
  let i: number | undefined;
  for (const r of readings) {
    // Readings usually come grouped by indicator: look each id up once per run of them.
    if (r.indicatorId !== lastId) {
      lastId = r.indicatorId;
      i = tree.index.get(lastId);
    }
    const k = monthIndex.get(r.period);
    if (i !== undefined && k !== undefined && Number.isFinite(r.actual)) reported[i * m + k] = r.actual;
  }
  return reported;
}
