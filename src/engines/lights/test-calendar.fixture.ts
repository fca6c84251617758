/**
 * Test fixture (not part of the engine's API): a slow, obviously-correct day-by-day calendar, so the
 * light tests do not depend on the calendar engine. Tests also run against the real CN calendar.
 */
import { dateOfDayNumber, dayNumber } from "../indicators/dates.js";
import type { LightsCalendar } from "./types.js";

/** A day-by-day calendar for tests: Sat/Sun off, plus 2022 National Day (Oct 1–7 off, Oct 8–9 worked). */
export function buildTestCalendar(
  holidays: readonly string[] = ["2022-10-03", "2022-10-04", "2022-10-05", "2022-10-06", "2022-10-07"],
  extra: readonly string[] = ["2022-10-08", "2022-10-09"],
): LightsCalendar {
  const off = new Set(holidays);
  const on = new Set(extra);
  const isWorkday = (d: string) => {
    if (on.has(d)) return true;
    if (off.has(d)) return false;
    const wd = (((dayNumber(d) + 3) % 7) + 7) % 7;
    return wd < 5;
  };
  const inRange = (a: string, b: string) => {
    let n = 0;
    for (let x = dayNumber(a); x <= dayNumber(b); x++) if (isWorkday(dateOfDayNumber(x))) n++;
    return n;
  };
  return {
    workdaysInRange: inRange,
    workdaysBetween: (a, b) =>
      a <= b ? inRange(dateOfDayNumber(dayNumber(a) + 1), b) : -inRange(dateOfDayNumber(dayNumber(b) + 1), a),
  };
}
