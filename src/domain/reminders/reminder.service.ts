/**
 * The reminders due on a day, from the stored records: the rule engine (src/engines/reminders) fed
 * with every task force's tasks (deadline, else the schedule's late finish), last reports, open
 * supervision items, leads and lead leaders, on the organisation's working calendar. What the chasing
 * loop will send; today `guatu remind --dry-run` prints it.
 */
import { buildWorkCalendar, type IsoDate } from "../../engines/calendar/index.js";
import { dispatchRounds } from "../../engines/dispatch/dispatch-rounds.js";
import {
  DEFAULT_REMINDER_SETTINGS,
  type Reminder,
  type ReminderInput,
  remindersDue,
} from "../../engines/reminders/index.js";
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

/** The working calendar, the round and the records the rules read on `today`. */
async function reminderInput(
  ctx: ServiceContext,
  today: IsoDate,
  data: ClosedLoopView,
): Promise<ReminderInput> {
  const settings = await organisationSettings(ctx);
  const calendar = buildWorkCalendar(calendarOf(settings), { origin: today });
  const ids = readScope(ctx);
  const schedules = taskSchedulesOf(await schedulesAt(ctx, ids, today));
  const rounds =
    settings.lights.dispatchRound === "off" ? null : dispatchRounds(settings.lights.dispatchRound, today);
  // The round's reports are due by its last working day (the Friday of a usual week).
  const roundEnd = rounds ? dateBefore(rounds.next.start) : null;
  const round =
    rounds && roundEnd
      ? { start: rounds.current.start, cutoff: calendar.dateOfSlot(calendar.slotOnOrBefore(roundEnd)) }
      : null;
  const leads = await readerOf(ctx)
    .selectFrom("task_force_members")
    .select(["taskForceId", "personId"])
    .where("role", "=", "lead")
    .execute();
  return {
    today,
    calendar,
    settings: DEFAULT_REMINDER_SETTINGS,
    round,
    taskForces: data.taskForces.map((tf) => ({
      id: tf.id,
      leadPersonIds: leads.filter((l) => l.taskForceId === tf.id).map((l) => l.personId),
      leadLeaderId: tf.leadLeaderId,
    })),
    tasks: data.tasks.map((t) => {
      const s = schedules.get(t.id);
      return {
        id: t.id,
        taskForceId: t.taskForceId,
        code: t.code,
        due: t.deadline ?? s?.lateFinish ?? null,
        done: t.status === "done" || t.percent >= 100,
        active:
          t.actualStart !== null ||
          (s?.earlyStart !== null && s?.earlyStart !== undefined && s.earlyStart <= today),
        milestone: t.duration === 0,
        ownerId: t.responsiblePersonId,
        unitId: t.responsibleUnitId,
        lastReport: data.lastReports.get(t.id) ?? null,
      };
    }),
    items: data.supervisionItems.map((i) => ({
      id: i.id,
      taskForceId: i.taskForceId,
      code: i.code,
      due: i.dueDate,
      open: i.state === "open" || i.state === "rectifying",
      ownerId: i.responsiblePersonId,
      unitId: i.responsibleUnitId,
    })),
    // Units do not record their head yet: the unitHead level has nobody to tell.
    unitHeads: new Map(),
  };
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
