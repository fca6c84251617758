import {
  type CalendarSpec,
  type CascadeTolerance,
  DEFAULT_CASCADE_TOLERANCE,
  type IsoDate,
} from "../../engines/index.js";
import type { SlippageBaseline } from "../../shared/api/baselines.js";
import { type Settings, type settingsUpdate, settingsView } from "../../shared/api/settings.js";
import { actionDayOfRule, dayInZone, statusDateOfRule, zoneOfRule } from "../../shared/status-date.js";
import { assertOrganisationWide } from "../accounts/scope.js";
import { appendAudit, dataRevision } from "../audit/audit.repository.js";
import { refreshBaselinesAudited } from "../baselines/baseline-in-force.js";
import { type Executor, readerOf, type ServiceContext } from "../context.js";
import { write } from "../records/transaction.js";
import { getSetting, putSetting, settingsInWrite } from "./settings.repository.js";

/** How the organisation's status date is chosen: today (in its time zone) or a fixed date (demo). */
export type StatusDateRule = Settings["statusDate"];
export type SettingsUpdate = ReturnType<typeof settingsUpdate.parse>;

const S = settingsView.shape;

/** Today's date in a time zone, `YYYY-MM-DD`. */
export const todayIn: (timeZone: string, now: Date) => IsoDate = dayInZone;

/** Every setting with its default where unset. */
export async function readSettings(db: Executor): Promise<Settings> {
  const lights = (await getSetting(db, "lights", S.lights)) ?? { thresholds: {}, dispatchRound: "weekly" };
  return {
    statusDate: (await getSetting(db, "statusDate", S.statusDate)) ?? { rule: "today" },
    calendar: (await getSetting(db, "calendar", S.calendar)) ?? {},
    lights,
    assessment: (await getSetting(db, "assessment", S.assessment)) ?? { weights: {} },
    plausibility: (await getSetting(db, "plausibility", S.plausibility)) ?? {},
    documents: (await getSetting(db, "documents", S.documents)) ?? {},
    plan: (await getSetting(db, "plan", S.plan)) ?? {},
    reminders: (await getSetting(db, "reminders", S.reminders)) ?? {},
    notifications: (await getSetting(db, "notifications", S.notifications)) ?? {},
  };
}

/** The settings every read model needs, remembered per database and data revision. */
const remembered = new WeakMap<Executor, { revision: number; settings: Settings }>();

/**
 * The organisation's settings as of the caller's data revision: read once per revision (a change of
 * settings is audited, so it moves the revision on) instead of once per request. Inside a write
 * they are read from its transaction, once until it puts a setting.
 */
export async function organisationSettings(ctx: ServiceContext): Promise<Settings> {
  const db = readerOf(ctx);
  if (ctx.uow) {
    const read = settingsInWrite.get(db) ?? (await readSettings(db));
    settingsInWrite.set(db, read);
    return read;
  }
  const revision = ctx.dataRevision ?? (await dataRevision(db));
  const hit = remembered.get(db);
  if (hit && hit.revision === revision) return hit.settings;
  const settings = await readSettings(db);
  remembered.set(db, { revision, settings });
  return settings;
}

/** The organisation's working calendar: the built-in Chinese one plus its own overrides. */
export const calendarOf = (settings: Settings): CalendarSpec => ({ builtin: "CN", ...settings.calendar });

/** The status date at instant `now` under the organisation's rule ({@link statusDateOfRule}). */
export const statusDateOf = (settings: Settings, now: Date): IsoDate =>
  statusDateOfRule(settings.statusDate, now);

/** The baseline slippage is measured against: each task's first approved one unless chosen otherwise. */
/** The cascade's tolerance: how far shares may stray from their parent before it is a finding. */
export const cascadeToleranceOf = (settings: Settings): CascadeTolerance => ({
  relative: (settings.plan.cascadeTolerancePercent ?? DEFAULT_CASCADE_TOLERANCE.relative * 100) / 100,
  ratePoints: settings.plan.cascadeRatePoints ?? DEFAULT_CASCADE_TOLERANCE.ratePoints,
});

export const slippageAgainst = (settings: Settings): SlippageBaseline =>
  settings.plan.slippageAgainst ?? "first";

/** The organisation's time zone (for days of instants such as "entered on"). */
export const timeZoneOf = (settings: Settings): string => zoneOfRule(settings.statusDate);

/** The day a user's action at `instant` counts on ({@link actionDayOfRule}: never after a fixed status date). */
export const actionDayOf = (settings: Settings, instant: Date): IsoDate =>
  actionDayOfRule(settings.statusDate, instant);

/** The organisation's status date for the caller, now. */
export async function organisationStatusDate(ctx: ServiceContext): Promise<IsoDate> {
  return statusDateOf(await organisationSettings(ctx), new Date(ctx.now()));
}

/** Replaces the given sections (validated), audited as one change (admins, organisation-wide). */
export function updateSettings(ctx: ServiceContext, patch: SettingsUpdate): Promise<Settings> {
  return write(ctx, async (w) => {
    assertOrganisationWide(w);
    const db = w.uow.db;
    const before = await readSettings(db);
    for (const [key, value] of Object.entries(patch))
      if (value !== undefined) await putSetting(db, key, value, w.now());
    const after = await readSettings(db);
    // The baseline slippage counts from is chosen here: every task's baseline in force follows.
    const against = slippageAgainst(after);
    if (against !== slippageAgainst(before)) await refreshBaselinesAudited(w, null, against, { entity: "*" });
    await appendAudit(w, { action: "update", entity: "settings", entityId: "organisation", before, after });
    return after;
  });
}
