/**
 * Calendar dates: `YYYY-MM-DD` strings and day numbers (days since 1970-01-01), with arithmetic only
 * (no `Date`, no time zone). The bottom of the vocabulary: engines, wire schemas and the web app
 * all import their date words from here.
 */

/** A calendar date `YYYY-MM-DD` in the organisation's time zone; no time of day. */
export type IsoDate = string;

/** A month `YYYY-MM`, the period of an indicator reading. */
export type YearMonth = string;

/** Days since 1970-01-01 (day 0 is a Thursday); the integer form of an `IsoDate`. */
export type DayNumber = number;

/** A count of working days (a duration, a lag or a float); may be negative. */
export type WorkingDays = number;

/** Smallest and largest supported day numbers: 0001-01-01 and 9999-12-31. */
export const MIN_DAY: DayNumber = daysFromCivil(1, 1, 1);
export const MAX_DAY: DayNumber = daysFromCivil(9999, 12, 31);

/** Day number of a proleptic Gregorian date (H. Hinnant's algorithm); no validation. */
export function daysFromCivil(year: number, month: number, day: number): DayNumber {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/**
 * Day number of a strict `YYYY-MM-DD` string, or `undefined` when it is not a real date.
 * @example parseIsoDate("1970-01-02") === 1; parseIsoDate("2022-02-30") === undefined
 */
export function parseIsoDate(s: unknown): DayNumber | undefined {
  if (typeof s !== "string" || s.length !== 10 || s[4] !== "-" || s[7] !== "-") return undefined;
  const y = digits(s, 0, 4);
  const m = digits(s, 5, 7);
  const d = digits(s, 8, 10);
  if (y < 1 || m < 1 || m > 12 || d < 1) return undefined;
  const dim = m === 2 && isLeap(y) ? 29 : DAYS_IN_MONTH[m - 1]!;
  return d > dim ? undefined : daysFromCivil(y, m, d);
}

/** Whether `s` is a strict, real `YYYY-MM-DD` date. */
export const isIsoDate = (s: unknown): s is IsoDate => parseIsoDate(s) !== undefined;

/**
 * Whether a date lies in the years the API takes and answers, 1900–2999: a sanity bound, not a
 * plausibility rule (9999-12-31 would schedule into a five-digit year).
 * @example isSupportedDate("2999-12-31") === true; isSupportedDate("3000-01-03") === false
 */
export const isSupportedDate = (d: IsoDate): boolean => d >= "1900-01-01" && d <= "2999-12-31";

const pad2 = (n: number): string => (n < 10 ? `0${n}` : `${n}`);

/**
 * The `YYYY-MM-DD` string of a day number.
 * @example isoDateOfDay(0) === "1970-01-01"
 */
export function isoDateOfDay(day: DayNumber): IsoDate {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, "0")}-${pad2(m)}-${pad2(d)}`;
}

/** Day of the week of a day number: 0 = Monday … 6 = Sunday. */
export const weekdayOfDay = (day: DayNumber): number => (((day + 3) % 7) + 7) % 7;

/**
 * Day number of a date already known to be well formed (no validation: hot loops).
 * @example dayNumber("1970-01-02") === 1
 */
export function dayNumber(date: IsoDate): DayNumber {
  return daysFromCivil(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)));
}
