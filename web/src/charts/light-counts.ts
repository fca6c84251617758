import type { EChartsOption } from "echarts";
import { LIGHT_HEX, LIGHT_ORDER } from "./colors";

/** Counts by light colour. */
export type LightCounts = Readonly<Record<(typeof LIGHT_ORDER)[number], number>>;

/**
 * A horizontal stacked bar of counts by light; each segment is labelled with its name and count,
 * so the colour is never the only carrier.
 */
export function buildLightCountsOption(
  counts: LightCounts,
  labels: Readonly<Record<(typeof LIGHT_ORDER)[number], string>>,
  dark = false,
): EChartsOption {
  return {
    animation: false,
    grid: { left: 0, right: 0, top: 0, bottom: 0 },
    xAxis: {
      type: "value",
      show: false,
      max: Math.max(
        1,
        LIGHT_ORDER.reduce((n, c) => n + counts[c], 0),
      ),
    },
    yAxis: { type: "category", show: false, data: [""] },
    tooltip: { trigger: "item" },
    series: LIGHT_ORDER.filter((c) => counts[c] > 0).map((c) => ({
      name: labels[c],
      type: "bar" as const,
      stack: "all",
      data: [counts[c]],
      itemStyle: { color: LIGHT_HEX[c] },
      label: {
        show: true,
        formatter: `${labels[c]} ${counts[c]}`,
        color: c === "grey" && !dark ? "#fff" : "#fff",
        fontSize: dark ? 18 : 12,
      },
    })),
  };
}
