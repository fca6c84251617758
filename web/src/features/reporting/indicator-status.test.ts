import { describe, expect, it } from "vitest";
import { indicatorStatus } from "./indicator-status";

const view = (over: Partial<{ workProgress: number | null; periods: string[] }> = {}) => ({
  progress: {
    reading: { period: "2022-07", actual: 960 },
    workProgress: over.workProgress === undefined ? 61.7 : over.workProgress,
    timeProgress: 58.33,
  },
  series: (over.periods ?? ["2022-06", "2022-07"]).map((period) => ({ period, actual: 1 })),
});

describe("indicatorStatus", () => {
  it("gives the latest actual with its month and the progress in whole percent", () => {
    expect(indicatorStatus(view(), "2022-08")).toEqual({
      latest: { period: "2022-07", actual: 960 },
      progress: { work: 62, time: 58 },
      reportedThisMonth: false,
    });
  });

  it("says the status date's month is reported once it has a reading", () => {
    expect(indicatorStatus(view({ periods: ["2022-08"] }), "2022-08").reportedThisMonth).toBe(true);
  });

  it("has no progress for a rate, nor for an infinite share of a zero cap", () => {
    expect(indicatorStatus(view({ workProgress: null }), "2022-08").progress).toBeNull();
    expect(indicatorStatus(view({ workProgress: Number.POSITIVE_INFINITY }), "2022-08").progress).toBeNull();
  });
});
