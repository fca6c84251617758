/**
 * The organisation's clock in the browser: its status date (the day every "today" means) and its
 * time zone (the zone instants are shown in). Pure; `use-status-date.ts` feeds it the settings.
 */
import type { Settings } from "../../../src/shared/api/settings";

/** The zone the server counts days in when the settings name none (src/domain/settings). */
export const DEFAULT_TIME_ZONE = "Asia/Shanghai";

type StatusDateRule = Settings["statusDate"];

/** The calendar day of `now` in `timeZone`, `YYYY-MM-DD`. */
export function dayInZone(timeZone: string, now: Date): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(now);
}

/** The organisation's time zone: the status date rule's, else the server's default. */
export function zoneOfRule(rule: StatusDateRule | undefined): string {
  return (rule?.rule === "today" && rule.timeZone) || DEFAULT_TIME_ZONE;
}

/**
 * The status date a rule gives at `now`, as the server computes it: the fixed date, or today in the
 * organisation's zone. Example: `statusDateOfRule({ rule: "fixed", date: "2022-08-15" }, now)` is
 * `"2022-08-15"` whatever `now` is.
 */
export function statusDateOfRule(rule: StatusDateRule | undefined, now: Date): string {
  return rule?.rule === "fixed" ? rule.date : dayInZone(zoneOfRule(rule), now);
}

/**
 * The day a user's action at `instant` counts on, as the server dates it (actionDayOf): its day in
 * the organisation's zone, but never after a fixed status date.
 */
export function actionDayOfRule(rule: StatusDateRule | undefined, instant: Date): string {
  const day = dayInZone(zoneOfRule(rule), instant);
  return rule?.rule === "fixed" && day > rule.date ? rule.date : day;
}

/**
 * An instant as `YYYY-MM-DD HH:mm` in `timeZone`: a record's real creation time, shown absolute
 * (never "x days ago": under a fixed status date the real clock and "today" disagree). Text that
 * is not an instant comes back as it was.
 */
export function instantInZone(iso: string, timeZone: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(d);
  const p = (type: Intl.DateTimeFormatPartTypes) => parts.find((x) => x.type === type)?.value ?? "";
  return `${p("year")}-${p("month")}-${p("day")} ${p("hour")}:${p("minute")}`;
}
