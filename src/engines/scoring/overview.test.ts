import { describe, expect, it } from "vitest";
import { workCalendarFor } from "../calendar/index.js";
import type { Indicator } from "../indicators/types.js";
import type { OverviewInput } from "./overview.js";
import { overview, scheduleGaps } from "./overview.js";

const calendar = workCalendarFor({ builtin: "CN" }, { from: 2022, to: 2022 });
const growth: Indicator = {
  id: "gdp",
  name: "地区生产总值增速",
  unit: "%",
  kind: "rate",
  direction: "up",
  baseline: 6,
  target: 5.5,
  year: 2022,
  taskForceId: "tf1",
};
const input: OverviewInput = {
  statusDate: "2022-08-15",
  calendar,
  taskForces: [{ id: "tf1" }, { id: "tf2" }],
  tasks: [
    {
      id: "a",
      taskForceId: "tf1",
      status: "done",
      percent: 100,
      duration: 0,
      deadline: "2022-08-01",
      actualFinish: "2022-08-01",
      supervision: [],
    },
    {
      id: "b",
      taskForceId: "tf2",
      status: "done",
      percent: 100,
      duration: 0,
      deadline: "2022-08-01",
      actualFinish: "2022-08-05",
      supervision: [],
    },
  ],
  indicators: [
    {
      indicator: growth,
      readings: [
        { period: "2022-07", actual: -6.3 },
        { period: "2022-05", actual: -9.5 },
        { period: "2022-06", actual: -8.7 },
        { period: "2022-09", actual: 1 },
      ],
    },
  ],
};

describe("overview", () => {
  it("combines lights, indicator trends and forecasts, and ranked scores", () => {
    const o = overview(input);
    // tf1: milestone met (1) and GDP 11.8 points short (achievement 0), 50/50 after redistribution.
    expect(o.taskForces.map((t) => [t.taskForceId, t.light, t.score, t.rank])).toEqual([
      ["tf1", "red", 50, 1],
      ["tf2", "blue", 0, 2],
    ]);
    expect(o.taskForces[0]).toMatchObject({ taskForceId: "tf1", light: "red", redLights: 1 });
    expect(o.taskForces[1]).toMatchObject({ taskForceId: "tf2", light: "blue", score: 0, rank: 2 });
    expect(o.indicators[0]).toMatchObject({
      indicatorId: "gdp",
      trend: "rebounding",
      forecast: { status: "not-cumulative" },
    });
    expect(o.counts).toMatchObject({ red: 1, blue: 1 });
    expect(o.taskForces[0]!.trends).toMatchObject({ rebounding: 1, falling: 0 });
    expect(o.taskForces[0]!).toMatchObject({ taskCounts: { blue: 1 }, indicatorCounts: { red: 1 } });
    expect(o.taskForces[1]!.trends.rebounding).toBe(0);
  });
});

describe("trend stages of cumulative indicators", () => {
  const retail: Indicator = {
    id: "retail",
    name: "社会消费品零售总额",
    unit: "亿元",
    kind: "cumulative",
    direction: "up",
    baseline: 0,
    target: 120,
    year: 2022,
    taskForceId: "tf1",
  };
  const totals = (...xs: number[]) => xs.map((actual, k) => ({ period: `2022-0${k + 1}`, actual }));
  const stageOf = (...xs: number[]) =>
    overview({ ...input, indicators: [{ indicator: retail, readings: totals(...xs) }] }).indicators[0]!.trend;

  it("are read from the gap to the schedule, not from the ever-growing year-to-date totals", () => {
    // Month-end gaps (work − time progress) −0.2, −1.2, −3.0: falling further behind.
    expect(stageOf(10, 18, 26)).toBe("falling");
    // … then −4.7 and −3.7: behind, but no longer losing ground.
    expect(stageOf(10, 18, 24, 35)).toBe("stopped-falling");
    // −1.2, −0.9, −0.4: catching up.
    expect(stageOf(10, 18, 28.5, 39)).toBe("rebounding");
    // −3.0 and then +0.5: ahead of schedule.
    expect(stageOf(10, 18, 26, 40)).toBe("turned-positive");
    expect(stageOf(10)).toBe("unknown");
  });

  it("take the last three reported months' gaps at their month ends", () => {
    const gaps = scheduleGaps(retail, totals(10, 18, 26), totals(10, 18, 26));
    // 10/120 = 8.33 % at Jan 31 (8.49 % of the year) …
    expect(gaps.map((g) => Math.round(g * 100) / 100)).toEqual([-0.16, -1.16, -2.99]);
    expect(scheduleGaps(retail, totals(10, 18, 26, 40), totals(10, 18, 26, 40))).toHaveLength(3);
    expect(scheduleGaps(retail, [], [])).toEqual([]);
  });
});
