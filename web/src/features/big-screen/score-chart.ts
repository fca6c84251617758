/**
 * The big screen's score chart: each task force's score as stacked bars of its three parts
 * (节点按期, 指标完成, 督办销号), best-ranked on top, on a dark background.
 */
import type { EChartsOption } from "echarts";

/** A ranked task force's points, by part. */
export interface ScoreBar {
  readonly name: string;
  readonly milestones: number;
  readonly indicators: number;
  readonly supervision: number;
}

/** Names of the three parts, in the screen's language. */
export interface ScoreLabels {
  readonly milestones: string;
  readonly indicators: string;
  readonly supervision: string;
}

const PARTS = ["milestones", "indicators", "supervision"] as const;
const COLORS = ["#4da3ff", "#36cfc9", "#ffc53d"];
const TEXT = "#e6f0ff";

/** The option of the chart; points are rounded to tenths. Rows are drawn in the order given. */
export function buildScoreChartOption(rows: readonly ScoreBar[], labels: ScoreLabels): EChartsOption {
  const round = (v: number) => Math.round(v * 10) / 10;
  return {
    animation: false,
    textStyle: { color: TEXT, fontSize: 18 },
    legend: { top: 0, textStyle: { color: TEXT, fontSize: 18 }, itemWidth: 24, itemHeight: 14 },
    grid: { left: 8, right: 24, top: 44, bottom: 8, containLabel: true },
    xAxis: {
      type: "value",
      max: 100,
      axisLabel: { color: TEXT, fontSize: 16 },
      splitLine: { lineStyle: { color: "#1e3a66" } },
    },
    yAxis: {
      type: "category",
      inverse: true,
      data: rows.map((r) => r.name),
      axisLabel: { color: TEXT, fontSize: 18, width: 300, overflow: "truncate" },
    },
    series: PARTS.map((part, i) => ({
      type: "bar" as const,
      name: labels[part],
      stack: "score",
      barMaxWidth: 40,
      itemStyle: { color: COLORS[i] },
      label: {
        show: true,
        color: "#0b1220",
        fontSize: 16,
        formatter: (p: { value: unknown }) => String(p.value || ""),
      },
      data: rows.map((r) => round(r[part])),
    })),
  };
}
