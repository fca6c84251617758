/** Hooks: the organisation's status date and time zone (see status-date.ts). */

import { actionDayOfRule, statusDateOfRule, zoneOfRule } from "./status-date";
import { useOverviewSummary, useSettings } from "./use-data";

/**
 * The status date `YYYY-MM-DD` the lights are computed at: the overview's; until it loads, the
 * settings' rule (a fixed date, or today in the organisation's zone); never the browser's UTC day.
 */
export function useStatusDate(): string {
  const o = useOverviewSummary();
  const settings = useSettings();
  return o.data?.statusDate ?? statusDateOfRule(settings.data?.statusDate, new Date());
}

/** The organisation's time zone (IANA), in which instants such as a comment's time are shown. */
export function useOrgTimeZone(): string {
  return zoneOfRule(useSettings().data?.statusDate);
}

/**
 * The day a user's action counts on, from its instant (e.g. a 延期申请's filing): its day in the
 * organisation's zone, never after a fixed status date — as the server dates timeline events.
 */
export function useDayOfInstant(): (iso: string) => string {
  const rule = useSettings().data?.statusDate;
  return (iso) => {
    const at = new Date(iso);
    return Number.isNaN(at.getTime()) ? iso : actionDayOfRule(rule, at);
  };
}
