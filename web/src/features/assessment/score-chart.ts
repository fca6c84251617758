import type { EChartsOption } from "echarts";
import { type ComparedRow, roundTenth } from "./compare";

/** Labels of the score chart's series. */
export interface ScoreChartLabels {
  readonly current: string;
  readonly earlier: string;
}

/**
 * A bar chart of task forces' scores in ranking order; with a comparison, the earlier snapshot's
 * scores as a second bar beside each. Every bar carries its value as a label (never colour alone).
 */
export function buildScoreChartOption(
  rows: readonly ComparedRow[],
  labels: ScoreChartLabels,
  compare: boolean,
): EChartsOption {
  const names = rows.map((r) => r.name);
  const bar = (name: string, data: (number | null)[], color: string) => ({
    name,
    type: "bar" as const,
    data: data.map((v) => (v === null ? null : roundTenth(v))),
    itemStyle: { color },
    label: { show: true, position: "right" as const, fontSize: 11 },
    barMaxWidth: 14,
  });
  return {
    animation: false,
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
    legend: { show: compare, top: 0 },
    grid: { left: 8, right: 40, top: compare ? 28 : 8, bottom: 8, containLabel: true },
    xAxis: { type: "value", min: 0, max: 100 },
    // Ranking order top to bottom: the category axis runs bottom-up, so it is inverted.
    yAxis: { type: "category", data: names, inverse: true, axisLabel: { width: 160, overflow: "truncate" } },
    series: [
      bar(
        labels.current,
        rows.map((r) => r.score),
        "#1677ff",
      ),
      ...(compare
        ? [
            bar(
              labels.earlier,
              rows.map((r) => r.previousScore),
              "#bfbfbf",
            ),
          ]
        : []),
    ],
  };
}
