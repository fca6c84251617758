import {
  daysFromCivil,
  isoDateOfDay,
  MAX_DAY,
  MIN_DAY,
  parseIsoDate,
  weekdayOfDay,
} from "../../vocabulary/dates.js";
import { CalendarInputError } from "./calendar-error.js";
import { CN_BUILTIN_DAYS } from "./cn-holidays.js";
import type { CalendarSpec, DayNumber, IsoDate, Slot, WorkCalendar, WorkingDays } from "./types.js";
import { WEEKDAYS } from "./types.js";
import { validateCalendarSpec } from "./validate-calendar-spec.js";

/** The window a calendar is precomputed over; `from`/`to` default to a year around `origin`. */
export interface CalendarWindow {
  readonly origin: IsoDate;
  readonly from?: IsoDate;
  readonly to?: IsoDate;
}

function dayOf(date: IsoDate, what = "date"): DayNumber {
  const day = parseIsoDate(date);
  if (day === undefined)
    throw new CalendarInputError(
      `${what}: not a valid YYYY-MM-DD date: ${JSON.stringify(date)}`,
      "BAD_DATE",
      [{ path: what, message: "not a valid YYYY-MM-DD date" }],
    );
  return day;
}

function outOfRange(what: string): never {
  throw new CalendarInputError(`${what} lies outside the years 0001–9999`, "DATE_OUT_OF_RANGE");
}

/** Day number → working? for one specification; windows are cut from it. */
class DayRule {
  readonly weekendMask: number;
  readonly overrides: Map<DayNumber, boolean>;
  constructor(spec: CalendarSpec) {
    const weekends = spec.weekends ?? ["sat", "sun"];
    this.weekendMask = weekends.reduce((m, w) => m | (1 << WEEKDAYS.indexOf(w)), 0);
    this.overrides = spec.builtin === "CN" ? new Map(CN_BUILTIN_DAYS) : new Map();
    for (const d of spec.holidays ?? []) this.overrides.set(parseIsoDate(d)!, false);
    for (const d of spec.extraWorkdays ?? []) this.overrides.set(parseIsoDate(d)!, true);
  }
  isWork(day: DayNumber): boolean {
    return this.overrides.get(day) ?? (this.weekendMask & (1 << weekdayOfDay(day))) === 0;
  }
}

class PrecomputedCalendar implements WorkCalendar {
  readonly origin: IsoDate;
  readonly #rule: DayRule;
  readonly #originDay: DayNumber;
  #from = 0; // first day of the window
  #cum = new Int32Array(1); // cum[i]: working days in [from, from + i)
  #days = new Int32Array(0); // the window's working days, ascending
  #originCum = 0; // cum index of the origin: slot s is #days[s + #originCum]
  #names: (IsoDate | undefined)[] = [];

  constructor(rule: DayRule, origin: DayNumber, from: DayNumber, to: DayNumber) {
    this.#rule = rule;
    this.#originDay = origin;
    this.origin = isoDateOfDay(origin);
    this.#build(Math.min(from, origin), Math.max(to, origin));
  }

  #build(from: DayNumber, to: DayNumber): void {
    const lo = Math.max(MIN_DAY, from);
    const n = Math.min(MAX_DAY, to) - lo + 1;
    const cum = new Int32Array(n + 1);
    const days = new Int32Array(n);
    let k = 0;
    for (let i = 0; i < n; i++) {
      cum[i] = k;
      if (this.#rule.isWork(lo + i)) days[k++] = lo + i;
    }
    cum[n] = k;
    this.#from = lo;
    this.#cum = cum;
    this.#days = days.slice(0, k);
    this.#originCum = cum[this.#originDay - lo]!;
    this.#names = new Array(k);
  }

  /** Grows the window (at least doubling) so that it covers [from, to]. */
  #cover(from: DayNumber, to: DayNumber): void {
    if (from < MIN_DAY || to > MAX_DAY) outOfRange(isoDateOfDay(from < MIN_DAY ? from : to));
    const size = this.#cum.length - 1;
    const lo = Math.min(from, this.#from, from < this.#from ? this.#from - size : this.#from);
    const hi0 = this.#from + size - 1;
    const hi = Math.max(to, hi0, to > hi0 ? hi0 + size : hi0);
    this.#build(lo, hi);
  }

  #index(day: DayNumber): number {
    const i = day - this.#from;
    if (i < 0 || i >= this.#cum.length - 1) {
      this.#cover(day, day);
      return day - this.#from;
    }
    return i;
  }

  isWorkdayNumber(day: DayNumber): boolean {
    const i = this.#index(day);
    return this.#cum[i + 1]! > this.#cum[i]!;
  }
  slotOnOrAfterDay(day: DayNumber): Slot {
    const i = this.#index(day); // before reading #cum: indexing may rebuild it
    return this.#cum[i]! - this.#originCum;
  }
  slotOnOrBeforeDay(day: DayNumber): Slot {
    const i = this.#index(day);
    return this.#cum[i + 1]! - 1 - this.#originCum;
  }
  dayOfSlot(slot: Slot): DayNumber {
    let k = slot + this.#originCum;
    while (k < 0 || k >= this.#days.length) {
      const where = `working day ${slot} counted from ${this.origin}`;
      if (!Number.isFinite(slot)) outOfRange(where);
      const size = this.#cum.length - 1;
      const reach = 2 * Math.abs(k < 0 ? k : k - this.#days.length) + 14;
      const lo = Math.max(MIN_DAY, k < 0 ? this.#from - Math.max(reach, size) : this.#from);
      const hi = Math.min(MAX_DAY, k < 0 ? this.#from + size - 1 : this.#from + size + Math.max(reach, size));
      if (lo === this.#from && hi === this.#from + size - 1) outOfRange(where); // cannot grow further
      this.#cover(lo, hi);
      k = slot + this.#originCum;
    }
    return this.#days[k]!;
  }
  /** Cached `YYYY-MM-DD` of a slot: output of a million rows formats each date once. */
  dateOfSlot(slot: Slot): IsoDate {
    const day = this.dayOfSlot(slot);
    const k = slot + this.#originCum;
    let name = this.#names[k];
    if (name === undefined) {
      name = isoDateOfDay(day);
      this.#names[k] = name;
    }
    return name;
  }

  isWorkday(date: IsoDate): boolean {
    return this.isWorkdayNumber(dayOf(date));
  }
  slotOnOrAfter(date: IsoDate): Slot {
    return this.slotOnOrAfterDay(dayOf(date));
  }
  slotOnOrBefore(date: IsoDate): Slot {
    return this.slotOnOrBeforeDay(dayOf(date));
  }
  addWorkdays(date: IsoDate, n: WorkingDays): IsoDate {
    const day = dayOf(date);
    if (n > 0) return this.dateOfSlot(this.slotOnOrBeforeDay(day) + n);
    return this.dateOfSlot(this.slotOnOrAfterDay(day) + n);
  }
  workdaysBetween(a: IsoDate, b: IsoDate): WorkingDays {
    return this.slotOnOrBeforeDay(dayOf(b)) - this.slotOnOrBeforeDay(dayOf(a));
  }
  workdaysInRange(a: IsoDate, b: IsoDate): WorkingDays {
    return Math.max(0, this.slotOnOrBeforeDay(dayOf(b)) - this.slotOnOrAfterDay(dayOf(a)) + 1);
  }
}

/**
 * Builds a working-day calendar; throws `CalendarInputError` (kind `invalid`) on a bad spec or date.
 * The window is a hint for precomputation: queries outside it extend it.
 * @example buildWorkCalendar({ builtin: "CN" }, { origin: "2022-09-30" }).dateOfSlot(1) === "2022-10-08"
 */
export function buildWorkCalendar(spec: CalendarSpec | undefined, window: CalendarWindow): WorkCalendar {
  const problems = validateCalendarSpec(spec);
  if (problems.length > 0)
    throw new CalendarInputError(`${problems[0]!.path}: ${problems[0]!.message}`, "BAD_CALENDAR", problems);
  const origin = dayOf(window.origin, "origin");
  const from = window.from === undefined ? origin - 200 : dayOf(window.from, "from");
  const to = window.to === undefined ? origin + 400 : dayOf(window.to, "to");
  return new PrecomputedCalendar(new DayRule(spec ?? {}), origin, from, to);
}

/**
 * A calendar precomputed over whole years, with its origin on January 1 of the first.
 * @example workCalendarFor({ builtin: "CN" }, { from: 2022, to: 2022 }).isWorkday("2022-10-08") === true
 */
export function workCalendarFor(
  spec: CalendarSpec | undefined,
  years: { readonly from: number; readonly to: number },
): WorkCalendar {
  const from = isoDateOfDay(daysFromCivil(years.from, 1, 1));
  return buildWorkCalendar(spec, { origin: from, from, to: isoDateOfDay(daysFromCivil(years.to, 12, 31)) });
}
