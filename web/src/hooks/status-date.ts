/**
 * The organisation's clock in the browser: its status date (the day every "today" means) and its
 * time zone (the zone instants are shown in). Pure; `use-status-date.ts` feeds it the settings.
 * The rules are the server's own (src/shared/status-date.ts).
 */
export {
  actionDayOfRule,
  DEFAULT_TIME_ZONE,
  dayInZone,
  statusDateOfRule,
  zoneOfRule,
} from "../../../src/shared/status-date";

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
