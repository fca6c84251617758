import type { EChartsOption } from "echarts";
import type { SeriesPoint } from "./sparkline";

/** Labels of the plan-vs-actual chart in the UI language. */
export interface PlanActualLabels {
  readonly plan: string;
  readonly actual: string;
  readonly target: string;
}

/** Months `YYYY-01` … `YYYY-12` of a year. */
export function monthsOf(year: number): string[] {
  return Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, "0")}`);
}

/**
 * Plan vs actual of one indicator over its year: actual readings as bars, the monthly plan as a
 * line (when given), the annual target as a dashed line. Months without a value are gaps.
 */
export function buildPlanActualOption(props: {
  readonly year: number;
  readonly readings: readonly SeriesPoint[];
  readonly monthlyPlan: Readonly<Record<string, number>> | null;
  readonly target: number;
  readonly unit: string;
  readonly labels: PlanActualLabels;
}): EChartsOption {
  const months = monthsOf(props.year);
  const byMonth = new Map(props.readings.map((r) => [r.period, r.actual]));
  const actual = months.map((m) => byMonth.get(m) ?? null);
  const plan = props.monthlyPlan ? months.map((m) => props.monthlyPlan?.[m] ?? null) : null;
  return {
    animation: false,
    grid: { left: 48, right: 16, top: 32, bottom: 28 },
    legend: {
      top: 0,
      data: [props.labels.actual, ...(plan ? [props.labels.plan] : []), props.labels.target],
    },
    tooltip: { trigger: "axis" },
    xAxis: { type: "category", data: months.map((m) => m.slice(5)) },
    yAxis: { type: "value", name: props.unit, scale: true },
    series: [
      {
        name: props.labels.actual,
        type: "bar",
        data: actual,
        itemStyle: { color: "#1677ff" },
        barMaxWidth: 18,
      },
      ...(plan
        ? [
            {
              name: props.labels.plan,
              type: "line" as const,
              data: plan,
              connectNulls: true,
              itemStyle: { color: "#fa8c16" },
            },
          ]
        : []),
      {
        name: props.labels.target,
        type: "line",
        data: months.map(() => props.target),
        symbol: "none",
        lineStyle: { type: "dashed", color: "#8c8c8c" },
        itemStyle: { color: "#8c8c8c" },
      },
    ],
  };
}
