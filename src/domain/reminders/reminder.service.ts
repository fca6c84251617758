/**
 * The reminders due on a day, from the stored records: the rule engine (src/engines/reminders) fed
 * with every task force's tasks (deadline, else the schedule's late finish), last reports, open
 * supervision items, leads and lead leaders, on the organisation's working calendar. What the chasing
 * loop will send; today `guatu remind --dry-run` prints it.
 */
import { buildWorkCalendar, type IsoDate, type WorkCalendar } from "../../engines/calendar/index.js";
import { dispatchRounds } from "../../engines/dispatch/dispatch-rounds.js";
import {
  DEFAULT_REMINDER_SETTINGS,
  type Reminder,
  type ReminderInput,
  type ReminderSettings,
  type ReminderTaskForce,
  remindersDue,
} from "../../engines/reminders/index.js";
import { taskForceReminderSettings } from "../../shared/api/reminders.js";
import type { Settings } from "../../shared/api/settings.js";
import { readScope } from "../accounts/scope.js";
import { type ClosedLoopView, closedLoopData } from "../closed-loop/closed-loop.snapshot.js";
import { readerOf, type ServiceContext } from "../context.js";
import { schedulesAt, taskSchedulesOf } from "../schedule/schedule-read-model.js";
import { calendarOf, organisationSettings } from "../settings/settings.service.js";

/** A reminder with the names a person reads: recipient, subject and task force. */
export interface NamedReminder extends Reminder {
  readonly recipientName: string;
  readonly subjectTitle: string;
  readonly taskForceCode: string;
}

/** The organisation's reminder settings (defaults where unset). */
export function reminderSettingsOf(settings: Settings): ReminderSettings {
  const r = settings.reminders;
  const d = DEFAULT_REMINDER_SETTINGS;
  return {
    daysBefore: r.daysBefore ?? d.daysBefore,
    overdueEvery: r.overdueEvery ?? d.overdueEvery,
    grace: { ...d.grace, ...r.grace },
  };
}

/** A task force's own reminder settings (JSON in task_forces.reminder_settings), or undefined. */
export function ownReminderSettings(json: string | null): ReminderTaskForce["settings"] {
  if (!json) return undefined;
  const parsed = taskForceReminderSettings.safeParse(JSON.parse(json));
  return parsed.success ? parsed.data : undefined;
}

/** The day of each task's latest report on or before `today` (a simulated day sees no later one). */
async function lastReportsOn(ctx: ServiceContext, today: IsoDate, ids: readonly string[] | null) {
  let q = readerOf(ctx)
    .selectFrom("progress_reports")
    .innerJoin("tasks", "tasks.id", "progress_reports.taskId")
    .select(["progress_reports.taskId", (e) => e.fn.max("progress_reports.reportDate").as("last")])
    .where("progress_reports.reportDate", "<=", today)
    .groupBy("progress_reports.taskId");
  if (ids) q = q.where("tasks.taskForceId", "in", ids);
  return new Map((await q.execute()).map((r) => [r.taskId, String(r.last)]));
}

/** The chain's people and settings of each task force: leads, lead leader, own settings. */
async function taskForcesOf(ctx: ServiceContext, data: ClosedLoopView): Promise<ReminderTaskForce[]> {
  const db = readerOf(ctx);
  const leads = await db
    .selectFrom("task_force_members")
    .select(["taskForceId", "personId"])
    .where("role", "=", "lead")
    .execute();
  const own = new Map(
    (await db.selectFrom("task_forces").select(["id", "reminderSettings"]).execute()).map((t) => [
      t.id,
      ownReminderSettings(t.reminderSettings),
    ]),
  );
  return data.taskForces.map((tf) => ({
    id: tf.id,
    leadPersonIds: leads.filter((l) => l.taskForceId === tf.id).map((l) => l.personId),
    leadLeaderId: tf.leadLeaderId,
    settings: own.get(tf.id),
  }));
}

/**
 * The working calendar, the round and the records the rules read on `today`, as they stood that
 * day: reports dated later, tasks finished or started later, items raised or reported later are not
 * seen (so a past or simulated day is judged on what was known then).
 */
async function reminderInput(
  ctx: ServiceContext,
  today: IsoDate,
  data: ClosedLoopView,
): Promise<ReminderInput> {
  const settings = await organisationSettings(ctx);
  const calendar = buildWorkCalendar(calendarOf(settings), { origin: today });
  const ids = readScope(ctx);
  const schedules = taskSchedulesOf(await schedulesAt(ctx, ids, today));
  const lastReports = await lastReportsOn(ctx, today, ids);
  const heads = await readerOf(ctx)
    .selectFrom("org_units")
    .select(["id", "headPersonId"])
    .where("headPersonId", "is not", null)
    .execute();
  const on = (d: string | null) => d !== null && d <= today;
  const parents = new Set(data.tasks.flatMap((t) => (t.parentId ? [t.parentId] : [])));
  return {
    today,
    calendar,
    settings: reminderSettingsOf(settings),
    round: roundOn(settings, calendar, today),
    taskForces: await taskForcesOf(ctx, data),
    // Owners report on leaves: a summary task (one with children) is chased through them.
    tasks: data.tasks
      .filter((t) => !parents.has(t.id))
      .map((t) => {
        const s = schedules.get(t.id);
        const finished = t.status === "done" || t.percent >= 100;
        return {
          id: t.id,
          taskForceId: t.taskForceId,
          code: t.code,
          due: t.deadline ?? s?.lateFinish ?? null,
          done: finished && (t.actualFinish === null || on(t.actualFinish)),
          active: on(t.actualStart) || on(s?.earlyStart ?? null),
          milestone: t.duration === 0,
          ownerId: t.responsiblePersonId,
          unitId: t.responsibleUnitId,
          lastReport: lastReports.get(t.id) ?? null,
        };
      }),
    items: data.supervisionItems
      .filter((i) => on(i.raisedOn))
      .map((i) => ({
        id: i.id,
        taskForceId: i.taskForceId,
        code: i.code,
        due: i.dueDate,
        open: !on(i.submittedOn) && !on(i.verifiedOn),
        ownerId: i.responsiblePersonId,
        unitId: i.responsibleUnitId,
      })),
    unitHeads: new Map(heads.flatMap((h) => (h.headPersonId ? [[h.id, h.headPersonId] as const] : []))),
  };
}

/**
 * The round whose reports are chased on `today`: the current one from its cut-off (its last working
 * day, the Friday of a usual week) on, before that the previous one, so a report missed last round
 * goes up the chain in the first days of the next.
 */
function roundOn(settings: Settings, calendar: WorkCalendar, today: IsoDate): ReminderInput["round"] {
  const rule = settings.lights.dispatchRound;
  if (rule === "off") return null;
  const of = (day: IsoDate) => {
    const rounds = dispatchRounds(rule, day);
    const end = dateBefore(rounds.next.start);
    return { start: rounds.current.start, cutoff: calendar.dateOfSlot(calendar.slotOnOrBefore(end)) };
  };
  const current = of(today);
  return today >= current.cutoff ? current : of(dateBefore(current.start));
}

const dateBefore = (iso: IsoDate): IsoDate =>
  new Date(Date.parse(`${iso}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/** The reminders due on `today` within the caller's scope, with names. */
export async function remindersOn(ctx: ServiceContext, today: IsoDate): Promise<NamedReminder[]> {
  const data = await closedLoopData(ctx, readScope(ctx));
  const due = remindersDue(await reminderInput(ctx, today, data));
  const db = readerOf(ctx);
  const people = new Map(
    (await db.selectFrom("persons").select(["id", "name"]).execute()).map((p) => [p.id, p.name]),
  );
  const titles = new Map([
    ...data.tasks.map((t) => [t.id, t.title] as const),
    ...data.supervisionItems.map((i) => [i.id, i.issue] as const),
  ]);
  const codes = new Map(data.taskForces.map((t) => [t.id, t.code]));
  return due.map((r) => ({
    ...r,
    recipientName: people.get(r.recipientId) ?? "",
    subjectTitle: titles.get(r.subject.id) ?? "",
    taskForceCode: codes.get(r.taskForceId) ?? "",
  }));
}
