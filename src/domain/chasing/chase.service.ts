/**
 * 催办 records: the daily tick turns the reminders due into chases (each reminder once, whatever
 * the number of app instances: its key is unique), with an inbox message and deliveries; leads,
 * supervisors and leaders chase by hand; the next report (a task) or submission (a supervision
 * item) answers a chase.
 */
import type { IsoDate } from "../../engines/calendar/index.js";
import type { ChainLevel } from "../../engines/reminders/index.js";
import type { Chase, ChaseCreate } from "../../shared/api/reminders.js";
import { AppError } from "../../shared/errors.js";
import { ruleDetail } from "../../shared/messages.js";
import { readScope } from "../accounts/scope.js";
import { appendAudit } from "../audit/audit.repository.js";
import { asSystem, readerOf, type ServiceContext, type WriteContext } from "../context.js";
import { newId } from "../ids.js";
import type { Page } from "../records/list-page.js";
import { write } from "../records/transaction.js";
import { type NamedReminder, remindersOn } from "../reminders/reminder.service.js";
import { organisationSettings, statusDateOf } from "../settings/settings.service.js";
import { getSupervisionItem } from "../supervision/supervision.service.js";
import { getTaskForce } from "../task-forces/task-force.service.js";
import { getTask } from "../tasks/task.service.js";
import {
  answerChases,
  type ChaseFilter,
  type ChaseRow,
  insertChases,
  listChaseRows,
} from "./chase.repository.js";
import { postMessages } from "./messages.js";

/** The organisation's day at the context's instant (its status date). */
export async function organisationToday(ctx: ServiceContext): Promise<IsoDate> {
  return statusDateOf(await organisationSettings(ctx), new Date(ctx.now()));
}

const toChase = (r: ChaseRow): Chase => r;

export interface TickResult {
  readonly day: IsoDate;
  /** Reminders due that day. */
  readonly due: number;
  /** Chases this tick recorded (the others were recorded by an earlier tick or another instance). */
  readonly sent: number;
  readonly answered: number;
}

/**
 * The chasing loop's daily step for `today` (default: the organisation's day): answers chases
 * reports have answered since, then records the reminders due as chases, once each.
 */
export async function chaseDueReminders(ctx: ServiceContext, today?: IsoDate): Promise<TickResult> {
  const system = asSystem(ctx);
  const day = today ?? (await organisationToday(system));
  const due = await remindersOn(system, day);
  return write(system, async (w) => {
    const answered = await answerChases(w.uow.db, day, w.now());
    const rows = await insertChases(
      w.uow.db,
      due.map((r) => chaseRowOf(r, day, w.now())),
    );
    await postMessages(w, rows.map(messageOf));
    // New or answered 催办 change the dispatch report and the scores: move the data revision on.
    if (rows.length || answered) w.uow.changes.push({ entity: "chase" });
    return { day, due: due.length, sent: rows.length, answered };
  });
}

function chaseRowOf(r: NamedReminder, day: IsoDate, at: string): ChaseRow {
  return {
    id: newId(),
    taskForceId: r.taskForceId,
    subjectKind: r.subject.kind,
    subjectId: r.subject.id,
    subjectCode: r.subject.code,
    subjectTitle: r.subjectTitle,
    rule: r.rule,
    level: r.level,
    recipientId: r.recipientId,
    recipientName: r.recipientName,
    sender: "system",
    senderName: "",
    reason: null,
    dueDate: r.dueDate,
    workdaysLate: r.workdaysLate,
    day,
    createdAt: at,
    readAt: null,
    answeredAt: null,
    answeredDay: null,
    reminderKey: r.key,
  };
}

const messageOf = (c: ChaseRow) => ({
  personId: c.recipientId,
  kind: "chase" as const,
  taskForceId: c.taskForceId,
  subject: { kind: c.subjectKind, id: c.subjectId },
  chaseId: c.id,
  params: {
    rule: c.rule,
    level: c.level,
    code: c.subjectCode,
    title: c.subjectTitle,
    dueDate: c.dueDate,
    workdaysLate: c.workdaysLate,
    senderName: c.senderName,
    reason: c.reason,
  },
});

/** The subject of a chase by hand, as the caller may read it, with its chain of people. */
async function subjectOf(ctx: ServiceContext, input: ChaseCreate) {
  if (input.subjectKind === "task") {
    const t = await getTask(ctx, input.subjectId);
    return {
      taskForceId: t.taskForceId,
      code: t.code,
      title: t.title,
      ownerId: t.responsiblePersonId,
      unitId: t.responsibleUnitId,
      dueDate: t.deadline,
      closed: t.status === "done" || t.percent >= 100,
    };
  }
  const i = await getSupervisionItem(ctx, input.subjectId);
  return {
    taskForceId: i.taskForceId,
    code: i.code,
    title: i.issue,
    ownerId: i.responsiblePersonId,
    unitId: i.responsibleUnitId,
    dueDate: i.dueDate,
    closed: i.state === "submitted" || i.state === "verified",
  };
}

/** The level `personId` stands at in a subject's chain, or null when outside it. */
async function levelIn(
  w: WriteContext,
  s: { taskForceId: string; ownerId: string | null; unitId: string | null },
  personId: string,
): Promise<ChainLevel | null> {
  if (s.ownerId === personId) return "owner";
  const db = w.uow.db;
  if (s.unitId) {
    const unit = await db
      .selectFrom("org_units")
      .select("headPersonId")
      .where("id", "=", s.unitId)
      .executeTakeFirst();
    if (unit?.headPersonId === personId) return "unitHead";
  }
  const member = await db
    .selectFrom("task_force_members")
    .select("role")
    .where("taskForceId", "=", s.taskForceId)
    .where("personId", "=", personId)
    .where("role", "=", "lead")
    .executeTakeFirst();
  if (member) return "lead";
  const tf = await db
    .selectFrom("task_forces")
    .select("leadLeaderId")
    .where("id", "=", s.taskForceId)
    .executeTakeFirst();
  return tf?.leadLeaderId === personId ? "leadLeader" : null;
}

const refuse = (path: string, key: "notInChain" | "noOwner" | "chasedToday" | "subjectClosed") =>
  new AppError("CHASE_RULE", `${path}: ${key}`, [ruleDetail(path, key)]);

/** A 催办 by hand (leads, supervisors, leaders) to someone in the subject's chain, with a reason. */
export function chaseByHand(ctx: ServiceContext, input: ChaseCreate): Promise<Chase> {
  return write(ctx, async (w) => {
    const s = await subjectOf(w, input);
    if (s.closed) throw refuse("subjectId", "subjectClosed");
    const recipientId = input.recipientId ?? s.ownerId;
    if (!recipientId) throw refuse("recipientId", "noOwner");
    const level = await levelIn(w, s, recipientId);
    if (!level) throw refuse("recipientId", "notInChain");
    const day = await organisationToday(w);
    const again = await w.uow.db
      .selectFrom("chases")
      .select("id")
      .where("subjectId", "=", input.subjectId)
      .where("recipientId", "=", recipientId)
      .where("sender", "=", w.actor)
      .where("day", "=", day)
      .executeTakeFirst();
    if (again) throw refuse("recipientId", "chasedToday");
    const person = await w.uow.db
      .selectFrom("persons")
      .select("name")
      .where("id", "=", recipientId)
      .executeTakeFirst();
    const row: ChaseRow = {
      ...chaseRowOf(
        {
          key: "",
          rule: "overdue",
          level,
          recipientId,
          subject: { kind: input.subjectKind, id: input.subjectId, code: s.code },
          taskForceId: s.taskForceId,
          dueDate: s.dueDate ?? day,
          workdaysLate: 0,
          recipientName: person?.name ?? "",
          subjectTitle: s.title,
          taskForceCode: "",
        },
        day,
        w.now(),
      ),
      // By hand: no reminder rule and no key (several people may chase the same day).
      rule: "manual",
      dueDate: s.dueDate,
      sender: w.actor,
      senderName: w.principal?.displayName ?? w.actor,
      reason: input.reason,
      reminderKey: null,
    };
    const [created] = await insertChases(w.uow.db, [row]);
    if (!created) throw new AppError("INTERNAL", "chase not stored");
    await postMessages(w, [messageOf(created)]);
    await appendAudit(w, {
      action: "create",
      entity: "chase",
      entityId: created.id,
      before: null,
      after: created,
    });
    return toChase(created);
  });
}

/** Chases on the task forces the caller may read, newest first. */
export async function listChases(
  ctx: ServiceContext,
  q: Omit<ChaseFilter, "taskForceIds"> & { taskForceId?: string; limit: number; offset: number },
): Promise<Page<Chase>> {
  const taskForceIds = readScope(ctx, q.taskForceId ? [q.taskForceId] : undefined);
  if (q.taskForceId) await getTaskForce(ctx, q.taskForceId);
  const { rows, total } = await listChaseRows(readerOf(ctx), { ...q, taskForceIds }, q.limit, q.offset);
  return { items: rows.map(toChase), total, limit: q.limit, offset: q.offset };
}
