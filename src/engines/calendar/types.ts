import type { DayNumber, IsoDate, WorkingDays } from "../../vocabulary/dates.js";

export type { DayNumber, IsoDate, WorkingDays };

/** Index of a working day: slot 0 is the first working day on or after a calendar's origin. */
export type Slot = number;

/** A day of the week, as written in calendar files. */
export type Weekday = "mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun";

/** Weekdays in `DayNumber` order offset: index 0 is Monday. */
export const WEEKDAYS: readonly Weekday[] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/**
 * How an organisation's working days are defined. Precedence, later wins: the weekend rule, the
 * built-in Chinese holidays and adjusted working days (`builtin: "CN"`), `holidays`, `extraWorkdays`.
 */
export interface CalendarSpec {
  /** Days of the week that are not worked; default `["sat", "sun"]`. */
  readonly weekends?: readonly Weekday[];
  /** Extra days off (the organisation's own). */
  readonly holidays?: readonly IsoDate[];
  /** Extra working days, e.g. a swapped weekend day. */
  readonly extraWorkdays?: readonly IsoDate[];
  /** `"CN"`: add the State Council's statutory holidays and adjusted working days (调休). */
  readonly builtin?: "CN";
}

/**
 * Working days over an origin, with O(1) mapping between dates and slots. Queries outside the
 * precomputed window extend it transparently (amortised O(1)); answers never change.
 */
export interface WorkCalendar {
  /** The date whose slot-0 is the first working day on or after it. */
  readonly origin: IsoDate;
  /** Whether `date` is a working day. */
  isWorkday(date: IsoDate): boolean;
  /** Slot of the first working day on or after `date`. */
  slotOnOrAfter(date: IsoDate): Slot;
  /** Slot of the last working day on or before `date`. */
  slotOnOrBefore(date: IsoDate): Slot;
  /** The working day of `slot` (negative slots lie before the origin). */
  dateOfSlot(slot: Slot): IsoDate;
  /**
   * `n > 0`: the n-th working day after `date`; `n < 0`: the |n|-th working day before it;
   * `n = 0`: `date` if it is a working day, else the next one. E.g. 2022-09-30 + 1 = 2022-10-08.
   */
  addWorkdays(date: IsoDate, n: WorkingDays): IsoDate;
  /** Working days in the half-open interval (a, b]; negative when b < a. */
  workdaysBetween(a: IsoDate, b: IsoDate): WorkingDays;
  /** Working days in the closed interval [a, b]; 0 when b < a. */
  workdaysInRange(a: IsoDate, b: IsoDate): WorkingDays;
  /** `isWorkday` on a day number (for hot loops). */
  isWorkdayNumber(day: DayNumber): boolean;
  /** `slotOnOrAfter` on a day number. */
  slotOnOrAfterDay(day: DayNumber): Slot;
  /** `slotOnOrBefore` on a day number. */
  slotOnOrBeforeDay(day: DayNumber): Slot;
  /** The day number of a slot. */
  dayOfSlot(slot: Slot): DayNumber;
}
