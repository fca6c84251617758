import { describe, expect, it } from "vitest";
import { isoDateOfDay, isSupportedDate } from "../../vocabulary/dates.js";
import { buildWorkCalendar, parseIsoDate, validateCalendarSpec, workCalendarFor } from "../calendar/index.js";
import { schedule, validateScheduleFile } from "./index.js";

/** The `@example`s of the public calendar and schedule functions, run as written. */
describe("JSDoc examples", () => {
  it("calendar", () => {
    expect(parseIsoDate("1970-01-02")).toBe(1);
    expect(parseIsoDate("2022-02-30")).toBeUndefined();
    expect(isoDateOfDay(0)).toBe("1970-01-01");
    expect([isSupportedDate("2999-12-31"), isSupportedDate("3000-01-03")]).toEqual([true, false]);
    expect(validateCalendarSpec({ weekends: ["sun", "xyz"] })[0]!.path).toBe("calendar.weekends[1]");
    expect(buildWorkCalendar({ builtin: "CN" }, { origin: "2022-09-30" }).dateOfSlot(1)).toBe("2022-10-08");
    expect(workCalendarFor({ builtin: "CN" }, { from: 2022, to: 2022 }).isWorkday("2022-10-08")).toBe(true);
  });
  it("schedule", () => {
    expect(validateScheduleFile({ projectStart: "2022-07-01", tasks: [{ id: "A" }] })[0]!.path).toBe(
      "tasks[0].duration",
    );
    expect(
      schedule({ projectStart: "2022-09-30", calendar: { builtin: "CN" }, tasks: [{ id: "A", duration: 2 }] })
        .tasks[0]!.earlyFinish,
    ).toBe("2022-10-08");
  });
});
