import { describe, expect, it } from "vitest";
import { nextIndicatorCode, parseMonthlyPlan } from "./indicator-form";

describe("parseMonthlyPlan", () => {
  it("reads one month and value per line, with a space, colon or equals sign", () => {
    expect(parseMonthlyPlan("2022-07 50\n\n2022-08: 60.5\r\n2022-09=-1")).toEqual({
      ok: true,
      plan: { "2022-07": 50, "2022-08": 60.5, "2022-09": -1 },
    });
  });

  it("means no plan when empty", () => {
    expect(parseMonthlyPlan("")).toEqual({ ok: true, plan: null });
    expect(parseMonthlyPlan(undefined)).toEqual({ ok: true, plan: null });
  });

  it("names the first line that is not a month and a number", () => {
    expect(parseMonthlyPlan("2022-07 50\n2022-13 60")).toEqual({ ok: false, line: 2 });
    expect(parseMonthlyPlan("July 50")).toEqual({ ok: false, line: 1 });
  });
});

describe("nextIndicatorCode", () => {
  it("continues the task force's own numbering", () => {
    expect(nextIndicatorCode(["ZB01-1", "ZB01-4", "X-9"], "01")).toBe("ZB01-5");
  });

  it("starts at 1 and skips taken codes", () => {
    expect(nextIndicatorCode([], "07")).toBe("ZB07-1");
    expect(nextIndicatorCode(["ZB07-x", "ZB07-1"], "07")).toBe("ZB07-2");
  });
});
