import { describe, expect, it } from "vitest";
import { buildScoreChartOption } from "./score-chart";

const labels = { milestones: "节点按期", indicators: "指标完成", supervision: "督办销号" };

describe("buildScoreChartOption", () => {
  it("stacks the three parts of each score, rows in the order given, best first on top", () => {
    const o = buildScoreChartOption(
      [
        { name: "甲专班", milestones: 40.04, indicators: 30, supervision: 20 },
        { name: "乙专班", milestones: 12.5, indicators: 0, supervision: 3.333 },
      ],
      labels,
    );
    const series = o.series as { name: string; stack: string; data: number[] }[];
    expect(series.map((s) => s.name)).toEqual(["节点按期", "指标完成", "督办销号"]);
    expect(series.every((s) => s.stack === "score")).toBe(true);
    expect(series.map((s) => s.data)).toEqual([
      [40, 12.5],
      [30, 0],
      [20, 3.3],
    ]);
    expect(o.yAxis).toMatchObject({ inverse: true, data: ["甲专班", "乙专班"] });
  });
  it("draws an empty chart without rows", () => {
    const series = buildScoreChartOption([], labels).series as { data: number[] }[];
    expect(series.every((s) => s.data.length === 0)).toBe(true);
  });
});
