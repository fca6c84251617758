import type { CalendarSpec, IsoDate } from "../../engines/index.js";
import { type Settings, settingsUpdate } from "../../shared/api/settings.js";
import { appendAudit } from "../audit/audit.repository.js";
import type { Executor, ServiceContext } from "../context.js";
import { inTransaction } from "../resource/resource.service.js";
import { parseOrThrow } from "../resource/zod-details.js";
import { recomputeAll } from "../schedule/schedule.service.js";
import { getSetting, putSetting } from "./settings.repository.js";

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

/** Every setting with its default where unset. */
export async function readSettings(db: Executor): Promise<Settings> {
  const lights = (await getSetting<Settings["lights"]>(db, "lights")) ?? {
    thresholds: {},
    dispatchRound: "weekly",
  };
  return {
    statusDate: (await getSetting<Settings["statusDate"]>(db, "statusDate")) ?? { rule: "today" },
    calendar: (await getSetting<Settings["calendar"]>(db, "calendar")) ?? {},
    lights: { thresholds: lights.thresholds ?? {}, dispatchRound: lights.dispatchRound ?? "weekly" },
    assessment: (await getSetting<Settings["assessment"]>(db, "assessment")) ?? { weights: {} },
  };
}

/**
 * Replaces the given sections (validated), audited as one change; a calendar change re-schedules
 * every task force, since working days moved.
 */
export async function updateSettings(ctx: ServiceContext, input: unknown): Promise<Settings> {
  const patch = parseOrThrow(settingsUpdate, input, "settings");
  return inTransaction(ctx, async (trx) => {
    const before = await readSettings(trx);
    for (const [key, value] of Object.entries(patch)) await putSetting(trx, key, value, ctx.now());
    const after = await readSettings(trx);
    await appendAudit(trx, {
      at: ctx.now(),
      actor: ctx.actor,
      action: "update",
      entity: "settings",
      entityId: "organisation",
      before,
      after,
    });
    if (patch.calendar || patch.statusDate) await recomputeAll({ ...ctx, trx, principal: undefined });
    return after;
  });
}
