import { describe, expect, it } from "vitest";
import { builtinHolidayName, dayStates, nextOverride, overrideList, withOverride } from "./calendar-days";

describe("dayStates", () => {
  const plain = dayStates({}, "2022-08-01");

  it.each([
    ["2022-08-15", "workday", true],
    ["2022-08-13", "weekend", false],
    ["2022-10-03", "statutoryHoliday", false],
    ["2022-10-01", "statutoryHoliday", false],
    ["2022-10-08", "adjustedWorkday", true],
  ] as const)("tells %s as %s under the built-in Chinese calendar", (date, base, working) => {
    expect(plain(date)).toEqual({ date, base, baseWorking: working, override: null, working });
  });

  it("applies the organisation's holidays and extra workdays on top", () => {
    const day = dayStates({ holidays: ["2022-08-19"], extraWorkdays: ["2022-10-03"] }, "2022-08-01");
    expect(day("2022-08-19")).toMatchObject({ base: "workday", override: "holiday", working: false });
    expect(day("2022-10-03")).toMatchObject({
      base: "statutoryHoliday",
      override: "extraWorkday",
      working: true,
    });
  });

  it("follows the organisation's weekends", () => {
    const day = dayStates({ weekends: ["sun"] }, "2022-08-01");
    expect(day("2022-08-13")).toMatchObject({ base: "workday", working: true });
    expect(day("2022-08-14")).toMatchObject({ base: "weekend", working: false });
  });

  it("counts every day off rather than failing when every weekday is a weekend", () => {
    const all = dayStates({ weekends: ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] }, "2022-08-01");
    expect(all("2022-08-15").working).toBe(false);
  });
});

describe("editing overrides", () => {
  const day = dayStates({ holidays: ["2022-08-19"] }, "2022-08-01");

  it("turns a worked day into a holiday, a day off into an extra workday, an override back", () => {
    expect(nextOverride(day("2022-08-18"))).toBe("holiday");
    expect(nextOverride(day("2022-08-20"))).toBe("extraWorkday");
    expect(nextOverride(day("2022-10-03"))).toBe("extraWorkday");
    expect(nextOverride(day("2022-08-19"))).toBeNull();
  });

  it("keeps each day in one list at most, sorted", () => {
    let o = withOverride({ holidays: ["2022-09-01"] }, "2022-08-20", "extraWorkday");
    o = withOverride(o, "2022-08-19", "holiday");
    expect(o).toEqual({ holidays: ["2022-08-19", "2022-09-01"], extraWorkdays: ["2022-08-20"] });
    o = withOverride(o, "2022-08-19", "extraWorkday");
    expect(o).toEqual({ holidays: ["2022-09-01"], extraWorkdays: ["2022-08-19", "2022-08-20"] });
    o = withOverride(o, "2022-08-19", null);
    expect(overrideList(o)).toEqual([
      { date: "2022-08-20", kind: "extraWorkday" },
      { date: "2022-09-01", kind: "holiday" },
    ]);
  });

  it("keeps the weekends when editing days", () => {
    expect(withOverride({ weekends: ["sun"] }, "2022-08-19", "holiday").weekends).toEqual(["sun"]);
  });
});

describe("builtinHolidayName", () => {
  it("names a statutory holiday in either language, and nothing on other days", () => {
    expect(builtinHolidayName("2022-10-03", "zh")).toBe("国庆节");
    expect(builtinHolidayName("2022-10-03", "en")).toBe("National Day");
    expect(builtinHolidayName("2022-08-15", "zh")).toBeNull();
  });
});
