/**
 * What each day is under the organisation's working calendar, computed by the same engine the
 * server schedules with (`buildWorkCalendar`, the built-in Chinese calendar plus the overrides), and
 * the edits the settings page makes to the overrides.
 */
import data from "chinese-days/dist/chinese-days.json";
import { CN_BUILTIN_DAYS } from "../../../../src/engines/calendar/cn-holidays";
import {
  buildWorkCalendar,
  type IsoDate,
  parseIsoDate,
  validateCalendarSpec,
  type Weekday,
} from "../../../../src/engines/calendar/index";

/** The organisation's part of the calendar: the `calendar` section of the settings. */
export interface CalendarOverrides {
  readonly weekends?: readonly Weekday[] | undefined;
  readonly holidays?: readonly IsoDate[] | undefined;
  readonly extraWorkdays?: readonly IsoDate[] | undefined;
}

/** What a day is before the organisation's own holidays and extra workdays. */
export type BaseKind = "workday" | "weekend" | "statutoryHoliday" | "adjustedWorkday";
/** The organisation's own override of a day. */
export type Override = "holiday" | "extraWorkday";

/** One day under the calendar. */
export interface DayState {
  readonly date: IsoDate;
  readonly base: BaseKind;
  readonly baseWorking: boolean;
  readonly override: Override | null;
  /** Whether the day is worked, overrides included: what the schedule counts. */
  readonly working: boolean;
}

/** A day the organisation overrides, for the list beside the calendar. */
export interface OverrideEntry {
  readonly date: IsoDate;
  readonly kind: Override;
}

const DEFAULT_WEEKENDS: readonly Weekday[] = ["sat", "sun"];
const names = (data as { holidays: Record<string, string>; workdays: Record<string, string> }).holidays;

/**
 * The day states of a calendar, asked day by day (each month the page shows). Weekends that leave no
 * working day, which the engine refuses, count every day as off rather than failing the page.
 * @example dayStates({ holidays: ["2022-08-19"] }, "2022-08-01")("2022-08-19").override === "holiday"
 */
export function dayStates(overrides: CalendarOverrides, origin: IsoDate): (date: IsoDate) => DayState {
  const weekends = overrides.weekends ?? DEFAULT_WEEKENDS;
  const full = { builtin: "CN" as const, ...overrides, weekends };
  if (validateCalendarSpec(full).length > 0) return (date) => offDay(date);
  const base = buildWorkCalendar({ builtin: "CN", weekends }, { origin });
  const withOverrides = buildWorkCalendar(full, { origin });
  const holidays = new Set(overrides.holidays ?? []);
  const extra = new Set(overrides.extraWorkdays ?? []);
  return (date) => {
    const baseWorking = base.isWorkday(date);
    const builtin = CN_BUILTIN_DAYS.get(parseIsoDate(date) ?? Number.NaN);
    const kind: BaseKind =
      builtin === false
        ? "statutoryHoliday"
        : builtin === true
          ? "adjustedWorkday"
          : baseWorking
            ? "workday"
            : "weekend";
    const override = extra.has(date) ? "extraWorkday" : holidays.has(date) ? "holiday" : null;
    return { date, base: kind, baseWorking, override, working: withOverrides.isWorkday(date) };
  };
}

const offDay = (date: IsoDate): DayState => ({
  date,
  base: "weekend",
  baseWorking: false,
  override: null,
  working: false,
});

/**
 * The override a click gives a day: none when it has one; else the one that changes it — a
 * worked day becomes a holiday, a day off an extra workday.
 */
export function nextOverride(day: DayState): Override | null {
  if (day.override) return null;
  return day.baseWorking ? "holiday" : "extraWorkday";
}

/** The overrides with `date` set to `override` (or back to the default), each list sorted. */
export function withOverride(
  overrides: CalendarOverrides,
  date: IsoDate,
  override: Override | null,
): CalendarOverrides {
  const holidays = (overrides.holidays ?? []).filter((d) => d !== date);
  const extraWorkdays = (overrides.extraWorkdays ?? []).filter((d) => d !== date);
  if (override === "holiday") holidays.push(date);
  if (override === "extraWorkday") extraWorkdays.push(date);
  return { ...overrides, holidays: holidays.sort(), extraWorkdays: extraWorkdays.sort() };
}

/** Every overridden day in date order. */
export function overrideList(overrides: CalendarOverrides): OverrideEntry[] {
  const out: OverrideEntry[] = [
    ...(overrides.holidays ?? []).map((date) => ({ date, kind: "holiday" as const })),
    ...(overrides.extraWorkdays ?? []).map((date) => ({ date, kind: "extraWorkday" as const })),
  ];
  return out.sort((a, b) => a.date.localeCompare(b.date));
}

/** The name of a built-in statutory holiday on `date` (e.g. 国庆节), in Chinese or English. */
export function builtinHolidayName(date: IsoDate, lang: "zh" | "en"): string | null {
  const entry = names[date];
  if (!entry) return null;
  const [en, zh] = entry.split(",");
  return (lang === "zh" ? zh : en) ?? null;
}
