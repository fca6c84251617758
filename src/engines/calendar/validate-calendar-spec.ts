import { parseIsoDate } from "../../vocabulary/dates.js";
import type { ErrorDetail } from "../../vocabulary/index.js";
import { WEEKDAYS } from "./types.js";

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

function checkDates(list: unknown, path: string, out: ErrorDetail[]): void {
  if (list === undefined) return;
  if (!Array.isArray(list)) {
    out.push({ path, message: "must be a list of YYYY-MM-DD dates" });
    return;
  }
  list.forEach((d, i) => {
    if (parseIsoDate(d) === undefined)
      out.push({ path: `${path}[${i}]`, message: `not a valid YYYY-MM-DD date: ${JSON.stringify(d)}` });
  });
}

/**
 * Every problem of a calendar specification (empty when it is valid), located under `path`.
 * @example validateCalendarSpec({ weekends: ["sun", "xyz"] }) → [{ path: "calendar.weekends[1]", … }]
 */
export function validateCalendarSpec(spec: unknown, path = "calendar"): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  if (spec === undefined || spec === null) return out;
  if (!isObject(spec)) return [{ path, message: "must be an object" }];
  const { weekends, builtin } = spec;
  if (weekends !== undefined) {
    if (!Array.isArray(weekends))
      out.push({ path: `${path}.weekends`, message: "must be a list of weekdays" });
    else {
      weekends.forEach((w, i) => {
        if (!WEEKDAYS.includes(w as never))
          out.push({
            path: `${path}.weekends[${i}]`,
            message: `not a weekday (${WEEKDAYS.join("|")}): ${JSON.stringify(w)}`,
          });
      });
      if (WEEKDAYS.every((w) => weekends.includes(w)))
        out.push({ path: `${path}.weekends`, message: "every day of the week is a weekend" });
    }
  }
  if (builtin !== undefined && builtin !== "CN")
    out.push({ path: `${path}.builtin`, message: `must be "CN" or absent, got ${JSON.stringify(builtin)}` });
  checkDates(spec.holidays, `${path}.holidays`, out);
  checkDates(spec.extraWorkdays, `${path}.extraWorkdays`, out);
  if (Array.isArray(spec.holidays) && Array.isArray(spec.extraWorkdays)) {
    const extra = new Set(spec.extraWorkdays);
    spec.holidays.forEach((d, i) => {
      if (extra.has(d))
        out.push({ path: `${path}.holidays[${i}]`, message: `${d} is also listed in extraWorkdays` });
    });
  }
  return out;
}
