import { describe, expect, it } from "vitest";
import { buildLightCountsOption } from "./light-counts";
import { buildPlanActualOption, monthsOf } from "./plan-actual";
import { buildProgressGaugeOption } from "./progress-gauge";
import { buildSparklineOption, indicatorSparklineOption } from "./sparkline";

type AnySeries = {
  type: string;
  data: unknown[];
  name?: string;
  markLine?: unknown;
  label?: { formatter?: unknown };
};
const seriesOf = (o: { series?: unknown }) => o.series as AnySeries[];

describe("buildSparklineOption", () => {
  it("plots the values in order with a target line", () => {
    const o = buildSparklineOption(
      [
        { period: "2022-01", actual: 1 },
        { period: "2022-02", actual: -2 },
      ],
      "#f00",
      3,
    );
    const [s] = seriesOf(o);
    expect(s?.data).toEqual([1, -2]);
    expect(s?.markLine).toMatchObject({ data: [{ yAxis: 3 }] });
  });
  it("draws no target line without a target and survives an empty series", () => {
    const [s] = seriesOf(buildSparklineOption([], "#f00"));
    expect(s?.data).toEqual([]);
    expect(s?.markLine).toBeUndefined();
  });
});

describe("indicatorSparklineOption", () => {
  const ind = (kind: string) => ({
    series: [{ period: "2022-01", actual: 4 }],
    kind,
    target: 5,
    progress: { light: { color: "red" as const } },
  });
  it("draws a rate's target in the light's colour", () => {
    const [s] = seriesOf(indicatorSparklineOption(ind("rate")));
    expect(s).toMatchObject({ lineStyle: { color: "#cf1322" }, markLine: { data: [{ yAxis: 5 }] } });
  });
  it("draws no target line for other kinds", () => {
    expect(seriesOf(indicatorSparklineOption(ind("cumulative")))[0]?.markLine).toBeUndefined();
  });
});

describe("buildPlanActualOption", () => {
  const labels = { plan: "plan", actual: "actual", target: "target" };
  it("places readings on their months and leaves gaps", () => {
    const o = buildPlanActualOption({
      year: 2022,
      readings: [{ period: "2022-03", actual: 5 }],
      monthlyPlan: null,
      target: 9,
      unit: "%",
      labels,
    });
    const [bars, target] = seriesOf(o);
    expect(bars?.data).toHaveLength(12);
    expect(bars?.data[2]).toBe(5);
    expect(bars?.data[0]).toBeNull();
    expect(target?.data.every((v) => v === 9)).toBe(true);
  });
  it("adds the monthly plan as a line when given", () => {
    const o = buildPlanActualOption({
      year: 2022,
      readings: [],
      monthlyPlan: { "2022-06": 50 },
      target: 100,
      unit: "亿元",
      labels,
    });
    expect(seriesOf(o).map((s) => s.name)).toEqual(["actual", "plan", "target"]);
    expect(seriesOf(o)[1]?.data[5]).toBe(50);
  });
  it("lists the twelve months of a year", () => {
    expect(monthsOf(2022)[0]).toBe("2022-01");
    expect(monthsOf(2022)[11]).toBe("2022-12");
  });
});

describe("buildProgressGaugeOption", () => {
  it("clamps work progress to 0–100 and rounds to one decimal", () => {
    const o = buildProgressGaugeOption({
      timeProgress: 62.19,
      workProgress: 140,
      color: "green",
      labels: { time: "T", work: "W" },
    });
    expect(seriesOf(o)[0]?.data).toEqual([{ value: 100 }]);
  });
  it("hides the needle when work progress is unknown", () => {
    const o = buildProgressGaugeOption({
      timeProgress: 50,
      workProgress: null,
      color: "red",
      labels: { time: "T", work: "W" },
    });
    expect((seriesOf(o)[0] as unknown as { pointer: { show: boolean } }).pointer.show).toBe(false);
  });
});

describe("buildLightCountsOption", () => {
  it("labels each non-empty segment with its name and count", () => {
    const labels = { red: "红灯", yellow: "黄灯", green: "绿灯", grey: "未到期", blue: "已完成" };
    const o = buildLightCountsOption({ red: 2, yellow: 0, green: 5, grey: 1, blue: 0 }, labels);
    expect(seriesOf(o).map((s) => s.label?.formatter)).toEqual(["红灯 2", "绿灯 5", "未到期 1"]);
  });
});
