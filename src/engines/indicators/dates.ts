/**
 * Calendar-date arithmetic on `YYYY-MM-DD` strings via day numbers (days since 1970-01-01, UTC), so
 * no time of day or time zone ever enters. Shared by the indicator and light engines.
 */

/** A calendar date `YYYY-MM-DD` in the organisation's time zone (no time of day). */
export type IsoDate = string;
/** A month `YYYY-MM` — the period of an indicator reading. */
export type YearMonth = string;
/** Whole days since 1970-01-01 (a day number; differences are calendar days). */
export type DayNumber = number;

const MS_PER_DAY = 86_400_000;

/** Day number of an ISO date. Example: `dayNumber("1970-01-02") === 1`. */
export function dayNumber(date: IsoDate): DayNumber {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  return Math.round(Date.UTC(y, m - 1, d) / MS_PER_DAY);
}

/** ISO date of a day number (inverse of {@link dayNumber}). */
export function dateOfDayNumber(n: DayNumber): IsoDate {
  return new Date(n * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Number of days in a month `YYYY-MM` (28–31). */
export function daysInMonth(month: YearMonth): number {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
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

/** Whether a string is a real calendar date `YYYY-MM-DD`. */
export function isIsoDate(s: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(s) && dateOfDayNumber(dayNumber(s)) === s;
}

/** The earlier of two ISO dates (ISO dates order as strings). */
export function earlierDate(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}
