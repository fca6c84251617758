import type { EChartsOption } from "echarts";
import { LIGHT_HEX } from "./colors";

/**
 * Time progress vs work progress (时间过半、任务过半) as a gauge: the needle is work progress, a
 * marker ring shows time progress; the needle is coloured by the indicator's light. Percentages
 * are 0–100 and clamped for display (work progress may exceed 100).
 */
export function buildProgressGaugeOption(props: {
  readonly timeProgress: number;
  readonly workProgress: number | null;
  readonly color: keyof typeof LIGHT_HEX;
  readonly labels: { readonly time: string; readonly work: string };
}): EChartsOption {
  const clamp = (v: number) => Math.max(0, Math.min(100, v));
  const time = Math.round(clamp(props.timeProgress) * 10) / 10;
  const work = props.workProgress === null ? null : Math.round(clamp(props.workProgress) * 10) / 10;
  return {
    animation: false,
    series: [
      {
        type: "gauge",
        min: 0,
        max: 100,
        radius: "85%",
        center: ["50%", "52%"],
        startAngle: 200,
        endAngle: -20,
        axisLine: {
          lineStyle: {
            width: 10,
            color: [
              [time / 100, "#bfbfbf"],
              [1, "#f0f0f0"],
            ],
          },
        },
        pointer: { show: work !== null, itemStyle: { color: LIGHT_HEX[props.color] } },
        axisTick: { show: false },
        splitLine: { length: 6, lineStyle: { width: 1 } },
        axisLabel: { distance: 12, fontSize: 9 },
        detail: {
          fontSize: 12,
          offsetCenter: [0, "78%"],
          formatter: () =>
            `${props.labels.work} ${work === null ? "—" : `${work}%`}\n${props.labels.time} ${time}%`,
        },
        data: [{ value: work ?? 0 }],
      },
    ],
  };
}
