/** A task force's own reminder settings over the organisation's (read by its readers, set by its lead or the office). */
import type { ReminderSettings } from "../../engines/reminders/index.js";
import { settingsFor } from "../../engines/reminders/index.js";
import type { TaskForceReminderSettings } from "../../shared/api/reminders.js";
import { assertMayEditPlan, assertTaskForceInScope } from "../accounts/scope.js";
import { appendAudit } from "../audit/audit.repository.js";
import { readerOf, type ServiceContext } from "../context.js";
import { write } from "../records/transaction.js";
import { ownReminderSettings, reminderSettingsOf } from "../reminders/reminder.service.js";
import { organisationSettings } from "../settings/settings.service.js";
import { getTaskForce } from "../task-forces/task-force.service.js";

export interface ReminderSettingsView {
  /** The task force's own changes (empty: it follows the organisation). */
  readonly own: TaskForceReminderSettings;
  /** The organisation's settings with the defaults filled in. */
  readonly organisation: ReminderSettings;
  /** What the rules use for this task force. */
  readonly effective: ReminderSettings;
}

async function viewOf(ctx: ServiceContext, id: string, json: string | null): Promise<ReminderSettingsView> {
  const organisation = reminderSettingsOf(await organisationSettings(ctx));
  const own = ownReminderSettings(json) ?? {};
  return {
    own,
    organisation,
    effective: settingsFor(organisation, { id, leadPersonIds: [], leadLeaderId: null, settings: own }),
  };
}

/** The reminder settings of a task force the caller may read. */
export async function taskForceReminderSettings(
  ctx: ServiceContext,
  id: string,
): Promise<ReminderSettingsView> {
  await getTaskForce(ctx, id);
  const row = await readerOf(ctx)
    .selectFrom("task_forces")
    .select("reminderSettings")
    .where("id", "=", id)
    .executeTakeFirst();
  return viewOf(ctx, id, row?.reminderSettings ?? null);
}

/** Replaces a task force's own reminder settings (its lead, an admin; supervisors through the role gate). */
export function setTaskForceReminderSettings(
  ctx: ServiceContext,
  id: string,
  own: TaskForceReminderSettings,
): Promise<ReminderSettingsView> {
  return write(ctx, async (w) => {
    await getTaskForce(w, id);
    if (w.principal?.roles.includes("supervisor")) assertTaskForceInScope(w, id);
    else assertMayEditPlan(w, id);
    const db = w.uow.db;
    const before = await db
      .selectFrom("task_forces")
      .select("reminderSettings")
      .where("id", "=", id)
      .executeTakeFirst();
    const json = Object.keys(own).length ? JSON.stringify(own) : null;
    await db.updateTable("task_forces").set({ reminderSettings: json }).where("id", "=", id).execute();
    await appendAudit(w, {
      action: "update",
      entity: "task_force_reminder_settings",
      entityId: id,
      before: { reminderSettings: ownReminderSettings(before?.reminderSettings ?? null) ?? null },
      after: { reminderSettings: own },
    });
    return viewOf(w, id, json);
  });
}
