import { describe, expect, it } from "vitest";
import { forecastYearEnd } from "./forecast.js";
import type { Indicator } from "./types.js";

const ind = (over: Partial<Indicator> = {}): Indicator => ({
  id: "i",
  name: "一般公共预算收入",
  unit: "亿元",
  kind: "cumulative",
  direction: "up",
  baseline: 0,
  target: 120,
  year: 2022,
  ...over,
});

describe("forecastYearEnd", () => {
  it("scales by the monthly plan's share", () => {
    const plan = Object.fromEntries(
      Array.from({ length: 12 }, (_, k) => [`2022-${String(k + 1).padStart(2, "0")}`, 10 * (k + 1)]),
    );
    const f = forecastYearEnd(ind({ monthlyPlan: plan }), [{ period: "2022-06", actual: 54 }], "2022-07-10");
    expect(f).toMatchObject({ status: "forecast", basis: "monthly-plan", share: 0.5, meetsTarget: false });
    if (f.status === "forecast") expect(f.value).toBeCloseTo(108);
  });

  it("scales by elapsed time to the end of the reading's month without a plan", () => {
    const f = forecastYearEnd(ind(), [{ period: "2022-06", actual: 62 }], "2022-07-10");
    expect(f).toMatchObject({ status: "forecast", basis: "elapsed-time" });
    if (f.status === "forecast") expect(f.value).toBeCloseTo(62 / (181 / 365));
    if (f.status === "forecast") expect(f.meetsTarget).toBe(true);
  });

  it("projects a lower-better indicator against its cap", () => {
    const f = forecastYearEnd(
      ind({ direction: "down", target: 10 }),
      [{ period: "2022-06", actual: 6 }],
      "2022-06-30",
    );
    expect(f).toMatchObject({ status: "forecast", meetsTarget: false });
  });

  it.each([
    ["not-cumulative", ind({ kind: "rate" }), [{ period: "2022-06", actual: 5 }]],
    ["no-reading", ind(), []],
    ["no-basis", ind({ monthlyPlan: { "2022-06": 0, "2022-12": 120 } }), [{ period: "2022-06", actual: 5 }]],
  ])("answers %s without a number", (status, indicator, readings) => {
    expect(forecastYearEnd(indicator, readings, "2022-07-10")).toEqual({ status });
  });
});
