/** Hook: the overview's derived model (cascade tree, ranking rows, indicators by trend). */
import { useMemo } from "react";
import type { LightColor, Overview } from "../../api/types";
import { buildCascade } from "./cascade";

const TREND_ORDER = ["turned-positive", "stopped-falling", "rebounding", "flat", "falling", "unknown"];

/** Ranking rows joined with lights; indicators with a stage first (转正, 止跌, 回升 …). */
export function overviewModel(o: Overview) {
  const tfById = new Map(o.taskForces.map((tf) => [tf.id, tf]));
  const ranking = [...o.assessment.taskForces]
    .sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9))
    .map((s) => ({ ...s, taskForce: tfById.get(s.id) }));
  const indicators = [...o.indicators].sort(
    (a, b) => TREND_ORDER.indexOf(a.trend) - TREND_ORDER.indexOf(b.trend) || (a.code < b.code ? -1 : 1),
  );
  return { cascade: buildCascade(o.goals, o.taskForces), ranking, indicators, tfById };
}

/** Memoised `overviewModel`. */
export function useOverviewModel(o: Overview | undefined) {
  return useMemo(() => (o ? overviewModel(o) : null), [o]);
}

/** Sums counts by light (e.g. every task force's task and indicator counts). */
export function sumCounts(list: readonly Readonly<Record<LightColor, number>>[]): Record<LightColor, number> {
  const out = { red: 0, yellow: 0, green: 0, grey: 0, blue: 0 };
  for (const c of list) for (const k of Object.keys(out) as LightColor[]) out[k] += c[k];
  return out;
}
