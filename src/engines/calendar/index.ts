/** Working-day calendar: weekends, Chinese statutory holidays and 调休, overrides, slots. */

export { isIsoDate, isoDateOfDay, parseIsoDate, weekdayOfDay } from "../../vocabulary/dates.js";
export { CalendarInputError, type EngineInputCode, EngineInputError } from "./calendar-error.js";
export { CN_BUILTIN_YEARS } from "./cn-holidays.js";
export type {
  CalendarSpec,
  DayNumber,
  IsoDate,
  Slot,
  Weekday,
  WorkCalendar,
  WorkingDays,
} from "./types.js";
export { validateCalendarSpec } from "./validate-calendar-spec.js";
export { buildWorkCalendar, type CalendarWindow, workCalendarFor } from "./work-calendar.js";
