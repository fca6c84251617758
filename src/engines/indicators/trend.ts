/**
 * Trend stage of an indicator series (止跌、回升、转正), exactly as SPEC "Indicators" defines it.
 */
import type { TrendStage } from "./types.js";

/** Default tolerance ε, in the series' unit (percentage points for growth rates). */
export const DEFAULT_TREND_EPSILON = 0.05;

/**
 * Classifies the latest movement of `series` (r₁…rₙ, oldest first), with `Δₖ = rₖ − rₖ₋₁` and
 * tolerance `ε` (default 0.05; a negative or non-finite ε falls back to the default). First match wins:
 * 1. `turned-positive` 转正: `rₙ₋₁ ≤ 0 < rₙ`;
 * 2. `stopped-falling` 止跌: n ≥ 3, `Δₙ₋₁ < −ε` and `Δₙ ≥ −ε`;
 * 3. `rebounding` 回升: `Δₙ > ε`;
 * 4. `flat` 持平: `|Δₙ| ≤ ε`;
 * 5. `falling` 下滑: otherwise.
 * Fewer than 2 readings, or a non-finite value among the last three used: `unknown`.
 *
 * Example: `classifyTrend([3, 1, 1.02]) === "stopped-falling"`, `classifyTrend([-1, 0.5]) === "turned-positive"`.
 */
export function classifyTrend(series: number[], options?: { epsilon?: number }): TrendStage {
  const e = options?.epsilon;
  const eps = e !== undefined && Number.isFinite(e) && e >= 0 ? e : DEFAULT_TREND_EPSILON;
  const n = series.length;
  if (n < 2) return "unknown";
  const last = series[n - 1]!;
  const prev = series[n - 2]!;
  if (!Number.isFinite(last) || !Number.isFinite(prev)) return "unknown";
  if (prev <= 0 && last > 0) return "turned-positive";
  const delta = last - prev;
  if (n >= 3) {
    const before = series[n - 3]!;
    if (!Number.isFinite(before)) return "unknown";
    if (prev - before < -eps && delta >= -eps) return "stopped-falling";
  }
  if (delta > eps) return "rebounding";
  if (Math.abs(delta) <= eps) return "flat";
  return "falling";
}

/** A count of zero for every trend stage (tallies per task force, per dispatch round). */
export function emptyTrendCounts(): Record<TrendStage, number> {
  return { "turned-positive": 0, "stopped-falling": 0, rebounding: 0, flat: 0, falling: 0, unknown: 0 };
}
