import type { CalendarSpec, IsoDate } from "../../engines/index.js";
import type { Executor } from "../context.js";
import { getSetting } from "./settings.repository.js";

/** How the organisation's status date is chosen: today (in its time zone) or a fixed date (demo). */
export type StatusDateRule =
  | { readonly rule: "today"; readonly timeZone?: string }
  | { readonly rule: "fixed"; readonly date: IsoDate };

export const DEFAULT_TIME_ZONE = "Asia/Shanghai";

/** The organisation's working calendar: the built-in Chinese one plus its own overrides. */
export async function organisationCalendar(db: Executor): Promise<CalendarSpec> {
  const own = await getSetting<CalendarSpec>(db, "calendar");
  return { builtin: "CN", ...own };
}

/** Today's date in a time zone, `YYYY-MM-DD`. */
export function todayIn(timeZone: string, now: Date): IsoDate {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(now);
}

/** The status date the organisation works at now. */
export async function organisationStatusDate(db: Executor, now: Date): Promise<IsoDate> {
  const rule = (await getSetting<StatusDateRule>(db, "statusDate")) ?? { rule: "today" };
  return rule.rule === "fixed" ? rule.date : todayIn(rule.timeZone ?? DEFAULT_TIME_ZONE, now);
}
