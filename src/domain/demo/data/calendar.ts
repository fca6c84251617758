/**
 * The 2022 working-day calendar the demo's baselines are computed on: Monday–Friday, minus the
 * State Council's 2022 holidays, plus its adjusted working days (调休). Only the demo year is
 * covered; the real calendar engine lives in src/engines.
 */

/** Statutory holidays of 2022 that fall on weekdays (the rest fall on weekends anyway). */
const holidays2022 = new Set([
  "2022-01-03",
  "2022-01-31",
  "2022-02-01",
  "2022-02-02",
  "2022-02-03",
  "2022-02-04",
  "2022-04-04",
  "2022-04-05",
  "2022-05-02",
  "2022-05-03",
  "2022-05-04",
  "2022-06-03",
  "2022-09-12",
  "2022-10-03",
  "2022-10-04",
  "2022-10-05",
  "2022-10-06",
  "2022-10-07",
]);
/** Weekend days worked in 2022 (调休). */
const extraWorkdays2022 = new Set([
  "2022-01-29",
  "2022-01-30",
  "2022-04-02",
  "2022-04-24",
  "2022-05-07",
  "2022-10-08",
  "2022-10-09",
]);

const dayMs = 86_400_000;

/** Adds calendar days to an ISO date. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10);
}

/** Whether the date is a working day of 2022 under the built-in Chinese calendar. */
export function isWorkday(date: string): boolean {
  if (extraWorkdays2022.has(date)) return true;
  if (holidays2022.has(date)) return false;
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** Working days from 2022-06-01 to 2023-01-31, in order: slot i is `workdays[i]`. */
export const workdays: readonly string[] = (() => {
  const out: string[] = [];
  for (let d = "2022-06-01"; d <= "2023-01-31"; d = addDays(d, 1)) if (isWorkday(d)) out.push(d);
  return out;
})();

/** Slot of the first working day on or after `date`. */
export function slotOnOrAfter(date: string): number {
  const i = workdays.findIndex((d) => d >= date);
  if (i < 0) throw new Error(`date out of demo calendar: ${date}`);
  return i;
}

/** Slot of the last working day on or before `date`. */
export function slotOnOrBefore(date: string): number {
  const i = slotOnOrAfter(date);
  return workdays[i] === date ? i : i - 1;
}

/** Date of a working-day slot. */
export function slotDate(slot: number): string {
  const d = workdays[slot];
  if (d === undefined) throw new Error(`slot out of demo calendar: ${slot}`);
  return d;
}
