import data from "chinese-days/dist/chinese-days.json" with { type: "json" };
import { parseIsoDate } from "../../vocabulary/dates.js";
import type { DayNumber } from "./types.js";

/**
 * The State Council's holiday schedule as shipped by `chinese-days`: day number → `false` for a
 * statutory day off, `true` for an adjusted working day (调休). Built once at module load from the
 * package's JSON data (a few hundred entries), never by calling its per-day functions.
 */
export const CN_BUILTIN_DAYS: ReadonlyMap<DayNumber, boolean> = (() => {
  const map = new Map<DayNumber, boolean>();
  const json = data as { holidays: Record<string, string>; workdays: Record<string, string> };
  for (const d of Object.keys(json.holidays)) map.set(parseIsoDate(d)!, false);
  for (const d of Object.keys(json.workdays)) map.set(parseIsoDate(d)!, true);
  return map;
})();

/** The years covered by the built-in Chinese schedule (outside them only weekends apply). */
export const CN_BUILTIN_YEARS: { readonly first: number; readonly last: number } = (() => {
  const years = Object.keys((data as { holidays: Record<string, string> }).holidays).map((d) =>
    Number(d.slice(0, 4)),
  );
  return { first: Math.min(...years), last: Math.max(...years) };
})();
