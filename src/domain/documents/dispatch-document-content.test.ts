import { describe, expect, it } from "vitest";
import { dispatchReport } from "../../engines/index.js";
import { isoWeekOf, roundLine } from "./dispatch-document-content.js";

describe("isoWeekOf", () => {
  it.each([
    ["2022-08-15", 2022, 33],
    ["2022-08-21", 2022, 33],
    ["2022-01-02", 2021, 52],
    ["2021-01-01", 2020, 53],
    ["2024-12-30", 2025, 1],
    ["2026-12-31", 2026, 53],
  ])("puts %s in %i week %i", (date, year, week) => {
    expect(isoWeekOf(date)).toEqual({ year, week });
  });
});

describe("roundLine", () => {
  const at = (round: "weekly" | "monthly", statusDate: string) =>
    dispatchReport({ statusDate, round, taskForces: [], tasks: [], taskLights: [] });

  it("names the week, its whole window and the status date", () => {
    expect(roundLine(at("weekly", "2022-08-15"), "zh")).toBe(
      "（2022年第33周 · 2022-08-15 至 2022-08-21 · 统计截至 2022-08-15）",
    );
    expect(roundLine(at("weekly", "2022-08-17"), "en")).toBe(
      "(week 33 of 2022 · 2022-08-15 to 2022-08-21 · as of 2022-08-17)",
    );
  });

  it("names the month of a monthly round", () => {
    expect(roundLine(at("monthly", "2022-08-15"), "zh")).toBe(
      "（2022年8月 · 2022-08-01 至 2022-08-31 · 统计截至 2022-08-15）",
    );
  });
});
