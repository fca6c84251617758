/**
 * Month arithmetic on `YYYY-MM-DD` / `YYYY-MM` strings via day numbers, so no time of day or time
 * zone ever enters. Shared by the indicator, light and dispatch engines; the date words themselves
 * live in the vocabulary.
 */
import {
  type DayNumber,
  dayNumber,
  type IsoDate,
  isoDateOfDay,
  type YearMonth,
} from "../../vocabulary/dates.js";

export type { DayNumber, IsoDate, YearMonth };
export { dayNumber };

/** ISO date of a day number (inverse of {@link dayNumber}). */
export const dateOfDayNumber = (n: DayNumber): IsoDate => isoDateOfDay(n);

/** Number of days in a month `YYYY-MM` (28–31). */
export function daysInMonth(month: YearMonth): number {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, "0")}-01`;
  return dayNumber(next) - dayNumber(`${month}-01`);
}

/** First day of a month: `monthStart("2022-02") === "2022-02-01"`. */
export function monthStart(month: YearMonth): IsoDate {
  return `${month}-01`;
}

/** Last day of a month: `monthEnd("2022-02") === "2022-02-28"`. */
export function monthEnd(month: YearMonth): IsoDate {
  return `${month}-${String(daysInMonth(month)).padStart(2, "0")}`;
}

/** The month before: `previousMonth("2022-01") === "2021-12"`. */
export function previousMonth(month: YearMonth): YearMonth {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, "0")}`;
}

/** Monday of the ISO week (Monday–Sunday) containing `date`. Example: `isoWeekMonday("2022-10-09") === "2022-10-03"`. */
export function isoWeekMonday(date: IsoDate): IsoDate {
  const n = dayNumber(date);
  // 1970-01-01 was a Thursday: (n + 3) mod 7 is 0 on Mondays.
  const offset = (((n + 3) % 7) + 7) % 7;
  return dateOfDayNumber(n - offset);
}

/** The earlier of two ISO dates (ISO dates order as strings). */
export function earlierDate(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}
