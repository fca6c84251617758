import { describe, expect, it } from "vitest";
import { buildCascadeChartOption, type CascadeBar } from "./cascade-chart";

const labels = { actual: "实际", plan: "计划", target: "目标" };
const bar = (over: Partial<CascadeBar>): CascadeBar => ({
  name: "南湖街道",
  actual: 18.4,
  plan: 27,
  target: 40,
  light: "red",
  ...over,
});

type Series = { name: string; data: unknown[] }[];

describe("buildCascadeChartOption", () => {
  it("sets each share's actual, in its light's colour, beside its plan to date", () => {
    const o = buildCascadeChartOption(
      [bar({}), bar({ name: "青龙街道", actual: 14.666, plan: 21.6, light: "yellow" })],
      labels,
      "亿元",
    );
    const series = o.series as Series;
    expect(series.map((s) => s.name)).toEqual(["实际", "计划"]);
    expect(series[0]?.data).toEqual([
      { value: 18.4, itemStyle: { color: "#cf1322" } },
      { value: 14.67, itemStyle: { color: "#d48806" } },
    ]);
    expect(series[1]?.data).toEqual([27, 21.6]);
    expect((o.yAxis as { data: string[] }).data).toEqual(["南湖街道", "青龙街道"]);
  });
  it("compares with the target when a share has no plan, and leaves a missing actual empty", () => {
    const o = buildCascadeChartOption([bar({ plan: null, actual: null, target: 8.5 })], labels, "%");
    const series = o.series as Series;
    expect(series[1]?.name).toBe("目标");
    expect(series[1]?.data).toEqual([8.5]);
    expect(series[0]?.data).toEqual([{ value: null, itemStyle: { color: "#cf1322" } }]);
  });
});
