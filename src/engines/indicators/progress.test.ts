import { describe, expect, it } from "vitest";
import { indicatorProgress } from "./progress.js";
import type { Indicator, Reading } from "./types.js";

const buildIndicator = (over: Partial<Indicator> = {}): Indicator => ({
  id: "ind-1",
  name: "社会消费品零售总额",
  unit: "亿元",
  kind: "cumulative",
  direction: "up",
  baseline: 90,
  target: 100,
  year: 2022,
  ...over,
});
const r = (period: string, actual: number): Reading => ({ period, actual });
// 2022 has 365 days; 2022-07-02 is day 183 → 183/365.
const JUL2 = (183 / 365) * 100;

describe("indicatorProgress", () => {
  it("computes work progress over linear time progress (the SPEC example)", () => {
    const p = indicatorProgress(buildIndicator(), [r("2022-06", 45), r("2022-07", 45)], "2022-07-31");
    expect(p.reading).toEqual(r("2022-07", 45));
    expect(p.workProgress).toBeCloseTo(45);
    expect(p.timeProgress).toBeCloseTo((212 / 365) * 100);
    expect(p.timeBasis).toBe("linear");
    expect(p.light.color).toBe("red");
    expect(p.light.reasons[0]!.code).toBe("INDICATOR_BEHIND");
  });

  // Target 365 makes work progress equal to the actual over 3.65: exact points behind time progress.
  it.each([
    ["at time progress", 0, "green", "INDICATOR_ON_TRACK"],
    ["1 point behind", -1, "yellow", "INDICATOR_BEHIND"],
    ["exactly 10 points behind", -10, "yellow", "INDICATOR_BEHIND"],
    ["10.5 points behind", -10.5, "red", "INDICATOR_BEHIND"],
    ["above time progress", 5, "green", "INDICATOR_ON_TRACK"],
  ])("lights a cumulative indicator %s as %s", (_, offset, color, code) => {
    const ind = buildIndicator({ target: 365 });
    const actual = 183 + offset * 3.65;
    const p = indicatorProgress(ind, [r("2022-07", actual)], "2022-07-02");
    expect(p.timeProgress).toBeCloseTo(JUL2);
    expect(p.gap).toBeCloseTo(offset);
    expect(p.light.color).toBe(color);
    expect(p.light.reasons.map((x) => x.code)).toEqual([code]);
  });

  it.each([
    ["above target", 6.0, "green", "RATE_AT_TARGET", 0.5],
    ["at target", 5.5, "green", "RATE_AT_TARGET", 0],
    ["0.5 point below", 5.0, "yellow", "RATE_BELOW_TARGET", -0.5],
    ["exactly 1 point below", 4.5, "yellow", "RATE_BELOW_TARGET", -1],
    ["1.5 points below", 4.0, "red", "RATE_BELOW_TARGET", -1.5],
  ])("compares a rate indicator %s in percentage points", (_, actual, color, code, gap) => {
    const ind = buildIndicator({ kind: "rate", name: "地区生产总值增速", unit: "%", target: 5.5 });
    const p = indicatorProgress(ind, [r("2022-06", actual)], "2022-07-15");
    expect(p.workProgress).toBeNull();
    expect(p.gap).toBeCloseTo(gap);
    expect(p.light.color).toBe(color);
    expect(p.light.reasons[0]!.code).toBe(code);
  });

  it("flips the sign of the gap for a lower-better rate", () => {
    const ind = buildIndicator({ kind: "rate", direction: "down", target: 5 });
    expect(indicatorProgress(ind, [r("2022-06", 4)], "2022-07-15").gap).toBeCloseTo(1);
    expect(indicatorProgress(ind, [r("2022-06", 7)], "2022-07-15").light.color).toBe("red");
  });

  it.each([
    ["an actual of 0 (counts as met)", 0, 100, "green"],
    ["an actual under the cap", 5, 200, "green"],
    ["an actual at the cap", 10, 100, "green"],
    ["an actual 10 % over the cap", 11, (10 / 11) * 100, "yellow"],
    ["an actual well over the cap", 15, (10 / 15) * 100, "red"],
  ])("holds a lower-better level indicator with %s to its cap", (_, actual, work, color) => {
    const ind = buildIndicator({
      name: "城镇调查失业率",
      unit: "%",
      kind: "level",
      direction: "down",
      target: 10,
    });
    const p = indicatorProgress(ind, [r("2022-06", actual)], "2022-07-15");
    expect(p.workProgress).toBeCloseTo(work);
    expect(p.light.color).toBe(color);
  });

  // Accidents ≤ 10 in 2022: the plan to date is 10 × the share of the year elapsed.
  it.each([
    // status date, actual, plan to date, colour, reason
    ["2022-03-31", 2, (10 * 90) / 365, "green", "WITHIN_PLAN"],
    ["2022-03-31", 3, (10 * 90) / 365, "yellow", "ABOVE_PLAN"],
    ["2022-07-15", 5, (10 * 196) / 365, "green", "WITHIN_PLAN"],
    ["2022-07-15", 6, (10 * 196) / 365, "yellow", "ABOVE_PLAN"],
    ["2022-07-15", 10, (10 * 196) / 365, "yellow", "ABOVE_PLAN"],
    ["2022-07-15", 11, (10 * 196) / 365, "red", "OVER_CAP"],
    ["2022-11-30", 9, (10 * 334) / 365, "green", "WITHIN_PLAN"],
    ["2022-11-30", 10, (10 * 334) / 365, "yellow", "ABOVE_PLAN"],
    ["2022-12-31", 10, 10, "green", "WITHIN_PLAN"],
    ["2023-01-10", 10, 10, "blue", "WITHIN_PLAN"],
    ["2023-01-10", 12, 10, "red", "OVER_CAP"],
  ])(
    "paces a lower-better cumulative indicator at %s with %d against its plan to date",
    (date, actual, plan, color, code) => {
      const ind = buildIndicator({
        name: "生产安全事故起数",
        unit: "起",
        kind: "cumulative",
        direction: "down",
        target: 10,
      });
      const month = date < "2023" ? date.slice(0, 7) : "2022-12";
      const p = indicatorProgress(ind, [r(month, actual)], date);
      expect(p.light.color).toBe(color);
      expect(p.light.reasons[0]!.code).toBe(code);
      if (code !== "OVER_CAP") expect(Number(p.light.reasons[0]!.params.plan)).toBeCloseTo(plan, 6);
      expect(p.workProgress).toBeCloseTo(actual * 10);
      if (code === "OVER_CAP") expect(p.achievement).toBe(0);
      else if (color === "yellow") expect(p.achievement).toBeLessThan(1);
      else expect(p.achievement).toBe(1);
    },
  );

  it("paces a lower-better cumulative indicator against its monthly plan when it has one", () => {
    const plan = { "2022-06": 3, "2022-12": 10 };
    const ind = buildIndicator({ kind: "cumulative", direction: "down", target: 10, monthlyPlan: plan });
    expect(indicatorProgress(ind, [r("2022-06", 3)], "2022-06-30").light.color).toBe("green");
    expect(indicatorProgress(ind, [r("2022-06", 4)], "2022-06-30").light.color).toBe("yellow");
  });

  it("says so when no actual was reported, without a number", () => {
    const p = indicatorProgress(buildIndicator(), [], "2022-07-15");
    expect(p).toMatchObject({ reading: null, workProgress: null, gap: null, achievement: null });
    expect(p.light).toMatchObject({ color: "yellow", reasons: [{ code: "NO_READING" }] });
  });

  it("is grey while no reading can be due yet (first month of the period)", () => {
    const p = indicatorProgress(buildIndicator(), [], "2022-01-20");
    expect(p.light.color).toBe("grey");
    expect(p.light.reasons[0]!.code).toBe("INDICATOR_NOT_YET_DUE");
  });

  it("ignores readings after the status date's month and outside the year", () => {
    const p = indicatorProgress(
      buildIndicator(),
      [r("2021-12", 99), r("2022-05", 30), r("2022-09", 80)],
      "2022-07-15",
    );
    expect(p.reading).toEqual(r("2022-05", 30));
  });

  it("replaces linear time progress with the monthly plan, interpolated within the month", () => {
    const ind = buildIndicator({ monthlyPlan: { "2022-06": 40, "2022-07": 70, "2022-12": 100 } });
    const end = indicatorProgress(ind, [r("2022-07", 70)], "2022-07-31");
    expect(end.timeBasis).toBe("monthly-plan");
    expect(end.timeProgress).toBeCloseTo(70);
    expect(end.light.color).toBe("green");
    const mid = indicatorProgress(ind, [r("2022-06", 40)], "2022-07-15");
    expect(mid.timeProgress).toBeCloseTo(40 + 30 * (15 / 31));
    // Months left out carry the last planned value forward.
    expect(indicatorProgress(ind, [], "2022-10-31").timeProgress).toBeCloseTo(70);
  });

  it("measures time at the reading's month end with timeBasis reading-period", () => {
    const p = indicatorProgress(buildIndicator(), [r("2022-06", 50)], "2022-07-20", {
      timeBasis: "reading-period",
    });
    expect(p.asOf).toBe("2022-06-30");
    expect(p.timeProgress).toBeCloseTo((181 / 365) * 100);
    expect(p.light.color).toBe("green");
  });

  it("uses a given period instead of the year", () => {
    const period = { start: "2022-07-01", end: "2022-12-31" };
    const p = indicatorProgress(buildIndicator(), [r("2022-07", 10)], "2022-07-31", { period });
    expect(p.timeProgress).toBeCloseTo((31 / 184) * 100);
  });

  it("turns blue when a cumulative target is met, or at the reference after the period ends", () => {
    expect(indicatorProgress(buildIndicator(), [r("2022-10", 101)], "2022-10-15").light.color).toBe("blue");
    const rate = buildIndicator({ kind: "rate", target: 5 });
    expect(indicatorProgress(rate, [r("2022-12", 5.2)], "2023-01-10").light.color).toBe("blue");
  });

  it("honours configurable thresholds", () => {
    const ind = buildIndicator({ target: 365 });
    const p = indicatorProgress(ind, [r("2022-07", 183 - 5 * 3.65)], "2022-07-02", {
      thresholds: { yellowPoints: 3 },
    });
    expect(p.light.color).toBe("red");
  });

  it("computes achievement capped at 1", () => {
    expect(
      indicatorProgress(buildIndicator({ target: 365 }), [r("2022-07", 300)], "2022-07-02").achievement,
    ).toBe(1);
    const half = indicatorProgress(buildIndicator({ target: 365 }), [r("2022-07", 91.5)], "2022-07-02");
    expect(half.achievement).toBeCloseTo(0.5);
  });
});
