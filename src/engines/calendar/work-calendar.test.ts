import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isoDateOfDay, parseIsoDate } from "../../vocabulary/dates.js";
import { CalendarInputError } from "./calendar-error.js";
import { CN_BUILTIN_YEARS } from "./cn-holidays.js";
import { buildWorkCalendar, workCalendarFor } from "./work-calendar.js";

const cn2022 = () => workCalendarFor({ builtin: "CN" }, { from: 2022, to: 2022 });

describe("parseIsoDate / isoDateOfDay", () => {
  it("round-trips every day of four centuries", () => {
    for (let day = -150000; day < 150000; day += 7) expect(parseIsoDate(isoDateOfDay(day))).toBe(day);
  });
  it("rejects impossible and malformed dates", () => {
    for (const s of ["2022-02-29", "2022-13-01", "2022-1-01", "20220101", "2022-04-31", "", 5, null])
      expect(parseIsoDate(s)).toBeUndefined();
    expect(parseIsoDate("2024-02-29")).toBe(19782);
  });
});

describe("buildWorkCalendar with the built-in Chinese schedule (2022)", () => {
  it("knows the National Day week off and the working weekend of Oct 8–9", () => {
    const cal = cn2022();
    for (let d = 1; d <= 7; d++) expect(cal.isWorkday(`2022-10-0${d}`)).toBe(false);
    expect(cal.isWorkday("2022-10-08")).toBe(true);
    expect(cal.isWorkday("2022-10-09")).toBe(true);
    expect(cal.isWorkday("2022-10-15")).toBe(false);
    expect(cal.addWorkdays("2022-09-30", 1)).toBe("2022-10-08");
    expect(cal.addWorkdays("2022-10-08", -1)).toBe("2022-09-30");
  });
  it("knows the Mid-Autumn holiday (Sep 10–12)", () => {
    const cal = cn2022();
    expect(cal.isWorkday("2022-09-12")).toBe(false);
    expect(cal.addWorkdays("2022-09-09", 1)).toBe("2022-09-13");
    expect(cal.workdaysBetween("2022-09-09", "2022-09-13")).toBe(1);
  });
  it("maps slots and dates both ways around a non-working origin", () => {
    const cal = buildWorkCalendar({ builtin: "CN" }, { origin: "2022-10-01" });
    expect(cal.dateOfSlot(0)).toBe("2022-10-08");
    expect(cal.dateOfSlot(-1)).toBe("2022-09-30");
    expect(cal.slotOnOrAfter("2022-10-03")).toBe(0);
    expect(cal.slotOnOrBefore("2022-10-03")).toBe(-1);
    expect(cal.slotOnOrBefore("2022-10-08")).toBe(0);
  });
  it("counts working days in ranges", () => {
    const cal = cn2022();
    expect(cal.workdaysInRange("2022-10-01", "2022-10-09")).toBe(2);
    expect(cal.workdaysInRange("2022-10-09", "2022-10-01")).toBe(0);
    expect(cal.workdaysBetween("2022-10-09", "2022-09-30")).toBe(-2);
    expect(cal.addWorkdays("2022-10-02", 0)).toBe("2022-10-08");
  });
  it("covers the years chinese-days ships", () => {
    expect(CN_BUILTIN_YEARS.first).toBeLessThanOrEqual(2022);
    expect(CN_BUILTIN_YEARS.last).toBeGreaterThanOrEqual(2025);
  });
});

describe("overrides and weekends", () => {
  it("adds the organisation's holidays and extra working days to the built-in ones", () => {
    const cal = buildWorkCalendar(
      { builtin: "CN", holidays: ["2022-10-08"], extraWorkdays: ["2022-10-03"] },
      { origin: "2022-10-01" },
    );
    expect(cal.isWorkday("2022-10-08")).toBe(false);
    expect(cal.isWorkday("2022-10-03")).toBe(true);
  });
  it("uses the weekend rule given, and no builtin unless asked", () => {
    const cal = buildWorkCalendar({ weekends: ["fri", "sat"] }, { origin: "2022-10-01" });
    expect(cal.isWorkday("2022-10-02")).toBe(true); // a Sunday
    expect(cal.isWorkday("2022-10-07")).toBe(false); // a Friday
    expect(cal.isWorkday("2022-10-04")).toBe(true); // National Day week, no builtin
  });
  it("rejects bad specifications with a named path", () => {
    const bad = (spec: unknown) => () => buildWorkCalendar(spec as never, { origin: "2022-01-01" });
    expect(bad({ weekends: ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] })).toThrow(/calendar.weekends/);
    expect(bad({ holidays: ["2022-02-30"] })).toThrow(/calendar.holidays\[0\]/);
    expect(bad({ builtin: "US" })).toThrow(CalendarInputError);
    expect(() => buildWorkCalendar({}, { origin: "yesterday" })).toThrow(/origin/);
  });
});

describe("window growth", () => {
  it("answers far outside the precomputed window exactly as a wide window does", () => {
    const narrow = buildWorkCalendar(
      { builtin: "CN" },
      { origin: "2022-07-01", from: "2022-07-01", to: "2022-07-02" },
    );
    const wide = buildWorkCalendar(
      { builtin: "CN" },
      { origin: "2022-07-01", from: "2015-01-01", to: "2030-01-01" },
    );
    fc.assert(
      fc.property(fc.integer({ min: -1500, max: 1500 }), (slot) => {
        expect(narrow.dateOfSlot(slot)).toBe(wide.dateOfSlot(slot));
        const d = wide.dateOfSlot(slot);
        expect(narrow.slotOnOrAfter(d)).toBe(slot);
        expect(narrow.slotOnOrBefore(d)).toBe(slot);
      }),
    );
  });
  it("refuses dates beyond year 9999 with an invalid-kind error", () => {
    const cal = buildWorkCalendar({}, { origin: "9999-12-01" });
    expect(() => cal.dateOfSlot(10_000)).toThrow(CalendarInputError);
  });
});

describe("slot invariants (property)", () => {
  it("slotOnOrBefore ≤ slotOnOrAfter, equal exactly on working days, and dateOfSlot inverts them", () => {
    const cal = cn2022();
    fc.assert(
      fc.property(fc.integer({ min: 18000, max: 20500 }), (day) => {
        const a = cal.slotOnOrAfterDay(day);
        const b = cal.slotOnOrBeforeDay(day);
        expect(b === a).toBe(cal.isWorkdayNumber(day));
        expect(b === a - 1 || b === a).toBe(true);
        expect(cal.dayOfSlot(a)).toBeGreaterThanOrEqual(day);
        expect(cal.dayOfSlot(b)).toBeLessThanOrEqual(day);
      }),
    );
  });
});

describe("window growth near the ends of the supported years", () => {
  it("still reaches the last working days of 9999, then refuses with a message naming the slot", () => {
    const cal = buildWorkCalendar({}, { origin: "9999-11-01", from: "9999-11-01", to: "9999-11-02" });
    const last = buildWorkCalendar({}, { origin: "9999-11-01" }).slotOnOrBefore("9999-12-31");
    expect(cal.dateOfSlot(last) >= "9999-12-29").toBe(true);
    expect(() => cal.dateOfSlot(last + 1)).toThrow(
      new RegExp(`working day ${last + 1} counted from 9999-11-01 lies outside`),
    );
  });
});
