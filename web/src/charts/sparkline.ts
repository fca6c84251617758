import type { EChartsOption } from "echarts";
import { LIGHT_HEX } from "./colors";

/** One monthly value of a series. */
export interface SeriesPoint {
  readonly period: string;
  readonly actual: number;
}

/**
 * The option of an indicator card's sparkline: a small line without axes, the last point marked,
 * a dashed target line when given.
 */
export function buildSparklineOption(
  series: readonly SeriesPoint[],
  color: string,
  target?: number | null,
): EChartsOption {
  const data = series.map((p) => p.actual);
  return {
    animation: false,
    grid: { left: 2, right: 2, top: 4, bottom: 4 },
    xAxis: { type: "category", show: false, data: series.map((p) => p.period), boundaryGap: false },
    yAxis: { type: "value", show: false, scale: true },
    tooltip: { trigger: "axis", confine: true },
    series: [
      {
        type: "line",
        data,
        symbol: "none",
        lineStyle: { color, width: 2 },
        areaStyle: { color, opacity: 0.08 },
        markPoint:
          data.length > 0
            ? {
                symbol: "circle",
                symbolSize: 6,
                data: [{ name: "last", coord: [data.length - 1, data[data.length - 1] as number] }],
                label: { show: false },
                itemStyle: { color },
              }
            : undefined,
        markLine:
          target === undefined || target === null
            ? undefined
            : {
                symbol: "none",
                silent: true,
                label: { show: false },
                lineStyle: { type: "dashed", color: "#999" },
                data: [{ yAxis: target }],
              },
      },
    ],
  };
}

/** What an indicator's sparkline reads of it: its monthly series, kind, target and light. */
export interface SparklineIndicator {
  readonly series: readonly SeriesPoint[];
  readonly kind: string;
  readonly target: number;
  readonly progress: { readonly light: { readonly color: keyof typeof LIGHT_HEX } };
}

/** An indicator's sparkline (card, big-screen strip): in its light's colour; a rate's target dashed. */
export const indicatorSparklineOption = (ind: SparklineIndicator): EChartsOption =>
  buildSparklineOption(
    ind.series,
    LIGHT_HEX[ind.progress.light.color],
    ind.kind === "rate" ? ind.target : null,
  );
