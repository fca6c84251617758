import { describe, expect, it } from "vitest";
import { isIsoDate } from "../../vocabulary/dates.js";
import { dateOfDayNumber, dayNumber, isoWeekMonday, monthEnd, previousMonth } from "./dates.js";
import { linearTimeProgress } from "./time-progress.js";

describe("dates", () => {
  it("answers as documented", () => {
    expect(dayNumber("1970-01-02")).toBe(1);
    expect(dateOfDayNumber(dayNumber("2022-10-09"))).toBe("2022-10-09");
    expect(monthEnd("2022-02")).toBe("2022-02-28");
    expect(monthEnd("2024-02")).toBe("2024-02-29");
    expect(previousMonth("2022-01")).toBe("2021-12");
    expect(isoWeekMonday("2022-10-09")).toBe("2022-10-03");
    expect(isoWeekMonday("2022-10-03")).toBe("2022-10-03");
    expect(isIsoDate("2022-02-30")).toBe(false);
  });

  it("measures linear time progress over the period's days, inclusive", () => {
    const year = { start: "2022-01-01", end: "2022-12-31" };
    expect(linearTimeProgress(year, "2022-07-02")).toBeCloseTo((183 / 365) * 100);
    expect(linearTimeProgress(year, "2021-12-31")).toBe(0);
    expect(linearTimeProgress(year, "2022-12-31")).toBe(100);
    expect(linearTimeProgress(year, "2023-03-01")).toBe(100);
  });
});
