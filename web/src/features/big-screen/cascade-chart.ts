/**
 * The big screen's cascade chart: each share's actual beside its plan to date (or its target when
 * it has no plan, as a rate without a monthly plan), as horizontal bars on a dark background; an
 * actual's bar takes its light's colour (the rows beside the chart say the light in words).
 */
import type { EChartsOption } from "echarts";
import type { LightColor } from "../../api/types";
import { LIGHT_HEX } from "../../charts/colors";

/** One share of the chart. */
export interface CascadeBar {
  readonly name: string;
  readonly actual: number | null;
  readonly plan: number | null;
  readonly target: number;
  readonly light: LightColor;
}

/** Names of the two series, in the screen's language. */
export interface CascadeChartLabels {
  readonly actual: string;
  readonly plan: string;
  readonly target: string;
}

const TEXT = "#e6f0ff";
const PLAN = "#5b6f94";
const ACTUAL = "#c9d6ee";
const round = (v: number) => Math.round(v * 100) / 100;

/** The option of the chart; shares are drawn top to bottom in the order given, figures rounded to hundredths. */
export function buildCascadeChartOption(
  rows: readonly CascadeBar[],
  labels: CascadeChartLabels,
  unit: string,
): EChartsOption {
  // Plan to date where every share has one, else the target (a rate's or level's yardstick).
  const byPlan = rows.length > 0 && rows.every((r) => r.plan !== null);
  const versus = byPlan ? labels.plan : labels.target;
  return {
    animation: false,
    textStyle: { color: TEXT, fontSize: 18 },
    legend: { top: 0, textStyle: { color: TEXT, fontSize: 18 }, itemWidth: 24, itemHeight: 14 },
    grid: { left: 8, right: 56, top: 44, bottom: 8, containLabel: true },
    xAxis: {
      type: "value",
      name: unit,
      nameTextStyle: { color: TEXT, fontSize: 16 },
      axisLabel: { color: TEXT, fontSize: 16 },
      splitLine: { lineStyle: { color: "#1e3a66" } },
    },
    yAxis: {
      type: "category",
      inverse: true,
      data: rows.map((r) => r.name),
      axisLabel: { color: TEXT, fontSize: 18, width: 220, overflow: "truncate" },
    },
    series: [
      {
        type: "bar",
        name: labels.actual,
        barMaxWidth: 28,
        // The legend's swatch; each bar takes its light's colour.
        itemStyle: { color: ACTUAL },
        label: { show: true, position: "right", color: TEXT, fontSize: 16 },
        data: rows.map((r) => ({
          value: r.actual === null ? null : round(r.actual),
          itemStyle: { color: LIGHT_HEX[r.light] },
        })),
      },
      {
        type: "bar",
        name: versus,
        barMaxWidth: 28,
        itemStyle: { color: PLAN },
        label: { show: true, position: "right", color: TEXT, fontSize: 16 },
        data: rows.map((r) => round(byPlan ? (r.plan ?? 0) : r.target)),
      },
    ],
  };
}
