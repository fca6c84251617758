/**
 * The organisation's clock, read alike by the server (src/domain/settings) and the browser: the
 * status date a rule gives (the day every "today" means), its time zone, and the day an action
 * counts on. Pure.
 */
import type { Settings } from "./api/settings.js";

/** The zone days are counted in when the settings name none. */
export const DEFAULT_TIME_ZONE = "Asia/Shanghai";

type StatusDateRule = Settings["statusDate"];

/** The calendar day of `now` in `timeZone`, `YYYY-MM-DD`. */
export function dayInZone(timeZone: string, now: Date): string {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    });
    dayFormats.set(timeZone, format);
  }
  return format.format(now);
}

/** One formatter per zone: building one costs ~50 µs, and a bulk write asks once per record. */
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The organisation's time zone: the status date rule's, else {@link DEFAULT_TIME_ZONE}. */
export function zoneOfRule(rule: StatusDateRule | undefined): string {
  return (rule?.rule === "today" && rule.timeZone) || DEFAULT_TIME_ZONE;
}

/**
 * The status date a rule gives at `now`: the fixed date, or today in the organisation's zone (at
 * 00:01 Beijing time it is already the new day). Example: `statusDateOfRule({ rule: "fixed", date: "2022-08-15" }, now)` is
 * `"2022-08-15"` whatever `now` is.
 */
export function statusDateOfRule(rule: StatusDateRule | undefined, now: Date): string {
  return rule?.rule === "fixed" ? rule.date : dayInZone(zoneOfRule(rule), now);
}

/**
 * The day a user's action at `instant` counts on: its day in the organisation's zone, except that
 * under a fixed status date (the organisation works "as of" that day, e.g. the demo) an action
 * after it counts on it, so nothing is dated past the status date everything else is read at.
 * Example: under `{ rule: "fixed", date: "2022-08-15" }` an action at 2026-03-02T03:00Z counts on
 * 2022-08-15, one at 2022-08-01T03:00Z on 2022-08-01.
 */
export function actionDayOfRule(rule: StatusDateRule | undefined, instant: Date): string {
  const day = dayInZone(zoneOfRule(rule), instant);
  return rule?.rule === "fixed" && day > rule.date ? rule.date : day;
}
