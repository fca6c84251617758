/**
 * The time axis: ISO dates ↔ day numbers ↔ pixels, per zoom level, and the header ticks.
 */
import type { DayNumber, Lang, Zoom } from "./types";

const MS_PER_DAY = 86_400_000;

/** Pixels per calendar day at each zoom level. */
export const PX_PER_DAY: Readonly<Record<Zoom, number>> = { week: 24, month: 6, quarter: 2.4 };

/** `YYYY-MM-DD` → day number (UTC days since the epoch). No Date allocation. */
export function dayOfIso(iso: string): DayNumber {
  const y = +iso.slice(0, 4);
  const m = +iso.slice(5, 7);
  const d = +iso.slice(8, 10);
  // Days-from-civil (Howard Hinnant), exact for the proleptic Gregorian calendar.
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** Day number → `YYYY-MM-DD`. */
export function isoOfDay(day: DayNumber): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The visible time range and its pixel scale. */
export interface TimeScale {
  readonly zoom: Zoom;
  /** First day drawn (the first of a month). */
  readonly startDay: DayNumber;
  /** One past the last day drawn. */
  readonly endDay: DayNumber;
  readonly pxPerDay: number;
  /** Width of the whole range in pixels. */
  readonly width: number;
}

function firstOfMonth(day: DayNumber, addMonths: number): DayNumber {
  const d = new Date(day * MS_PER_DAY);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + addMonths, 1) / MS_PER_DAY;
}

/** A scale covering `[minDay, maxDay]` padded to whole months (one extra month each side). */
export function buildTimeScale(minDay: DayNumber, maxDay: DayNumber, zoom: Zoom): TimeScale {
  const startDay = firstOfMonth(minDay, -1);
  const endDay = firstOfMonth(maxDay, 2);
  const pxPerDay = PX_PER_DAY[zoom];
  return { zoom, startDay, endDay, pxPerDay, width: Math.ceil((endDay - startDay) * pxPerDay) };
}

/** x (px from the start of the scale) of the start of `day`. */
export function xOfDay(scale: TimeScale, day: DayNumber): number {
  return (day - scale.startDay) * scale.pxPerDay;
}

/** The day under x (px from the start of the scale). */
export function dayOfX(scale: TimeScale, x: number): DayNumber {
  return scale.startDay + Math.floor(x / scale.pxPerDay);
}

/** A labelled tick of the header. */
export interface Tick {
  readonly day: DayNumber;
  readonly x: number;
  readonly label: string;
}

/** Header ticks: `major` (top band) and `minor` (bottom band and grid lines). */
export interface Ticks {
  readonly major: readonly Tick[];
  readonly minor: readonly Tick[];
}

const EN_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function monthLabel(y: number, m: number, lang: Lang, withYear: boolean): string {
  if (lang === "zh") return withYear ? `${y}年${m + 1}月` : `${m + 1}月`;
  return withYear ? `${EN_MONTHS[m]} ${y}` : EN_MONTHS[m]!;
}

/** The header ticks of a scale in a language. */
export function buildTicks(scale: TimeScale, lang: Lang): Ticks {
  const major: Tick[] = [];
  const minor: Tick[] = [];
  for (let day = scale.startDay; day < scale.endDay; day = firstOfMonth(day, 1)) {
    const d = new Date(day * MS_PER_DAY);
    const y = d.getUTCFullYear();
    const m = d.getUTCMonth();
    const x = xOfDay(scale, day);
    if (scale.zoom === "quarter") {
      if (m % 3 === 0) major.push({ day, x, label: `${y} Q${m / 3 + 1}` });
      minor.push({ day, x, label: monthLabel(y, m, lang, false) });
    } else {
      major.push({ day, x, label: monthLabel(y, m, lang, true) });
    }
  }
  if (scale.zoom === "quarter" && (major.length === 0 || major[0]!.day !== scale.startDay)) {
    const d = new Date(scale.startDay * MS_PER_DAY);
    const q = Math.floor(d.getUTCMonth() / 3);
    major.unshift({ day: scale.startDay, x: 0, label: `${d.getUTCFullYear()} Q${q + 1}` });
  }
  if (scale.zoom !== "quarter") {
    // Weeks start on Monday; 1970-01-01 was a Thursday, so Monday is day ≡ 4 (mod 7).
    const first = scale.startDay + ((4 - (scale.startDay % 7) + 7) % 7);
    for (let day = first; day < scale.endDay; day += 7) {
      const iso = isoOfDay(day);
      const label =
        scale.zoom === "week" ? `${+iso.slice(5, 7)}/${+iso.slice(8, 10)}` : `${+iso.slice(8, 10)}`;
      minor.push({ day, x: xOfDay(scale, day), label });
    }
  }
  return { major, minor };
}

/** True when the day is a Saturday or Sunday (calendar weekend; the working calendar is the server's). */
export function isWeekend(day: DayNumber): boolean {
  const dow = (((day + 3) % 7) + 7) % 7; // 0 = Monday
  return dow >= 5;
}
