/**
 * Reads of a timeline's sources: one query per source for one task or 督办单 (never one per
 * event), and the names of the people in it in one query per table.
 */
import type { ExpressionBuilder } from "kysely";
import { z } from "zod";
import type { ItemEntry, TaskEntry } from "../../engines/timeline/index.js";
import { progressReportSchemas } from "../../shared/api/reports.js";
import type { Executor } from "../context.js";
import type { Database } from "../database.js";
import { fromJson } from "../records/json-column.js";

const note = z.string().nullable().optional();
/** What a 督办单's audit entry holds that its timeline reads (the rest of the record is dropped). */
const itemSnapshot = z
  .object({
    state: z.string(),
    issue: z.string().optional(),
    raisedOn: note,
    submittedOn: note,
    verifiedOn: note,
    escalatedOn: note,
    lastNote: note,
    rectification: note,
  })
  .nullable();
/** What a task's audit entry holds that its timeline reads (its completion review). */
const taskSnapshot = z.object({ completion: note, completionNote: note }).nullable();

/** An audit entry of a timeline, its before and after as JSON text. */
export interface AuditRow {
  readonly entity: string;
  readonly entityId: string;
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly reason: string | null;
  readonly before: string | null;
  readonly after: string | null;
}

const parsed = <S extends z.ZodType>(schema: S, text: string | null): z.output<S> =>
  schema.parse(text == null ? null : JSON.parse(text));

/** A 督办单's audit entry as the timeline engine reads it. */
export const toItemEntry = (r: AuditRow): ItemEntry => ({
  ...r,
  before: parsed(itemSnapshot, r.before),
  after: parsed(itemSnapshot, r.after),
});

/** A task's audit entry as the timeline engine reads it. */
export const toTaskEntry = (r: AuditRow): TaskEntry => ({
  ...r,
  before: parsed(taskSnapshot, r.before),
  after: parsed(taskSnapshot, r.after),
});

/** Whose audit entries a timeline reads. */
export interface AuditTargets {
  /** The task's own entries, its 督办单's and the creations of its progress reports. */
  readonly taskId?: string;
  /** One 督办单's entries. */
  readonly itemId?: string;
}

/** The audit entries of a task (with its items and reports) or of an item, oldest first. */
export function auditOf(db: Executor, t: AuditTargets): Promise<AuditRow[]> {
  return db
    .selectFrom("audit_entries")
    .select(["entity", "entityId", "at", "actor", "action", "reason", "before", "after"])
    .where((eb) => {
      const any = [];
      if (t.itemId) any.push(eb.and([eb("entity", "=", "supervision_item"), eb("entityId", "=", t.itemId)]));
      if (t.taskId) any.push(...taskTargets(eb, t.taskId));
      return eb.or(any);
    })
    .orderBy("at")
    .orderBy("id")
    .execute();
}

function taskTargets(eb: ExpressionBuilder<Database, "audit_entries">, taskId: string) {
  return [
    eb.and([eb("entity", "=", "task"), eb("entityId", "=", taskId)]),
    eb.and([
      eb("entity", "=", "supervision_item"),
      eb("entityId", "in", eb.selectFrom("supervision_items").select("id").where("taskId", "=", taskId)),
    ]),
    eb.and([
      eb("entity", "=", "progress_report"),
      eb("action", "=", "create"),
      eb("entityId", "in", eb.selectFrom("progress_reports").select("id").where("taskId", "=", taskId)),
    ]),
  ];
}

/** The 督办单 raised on a task. */
export const itemsOfTask = (db: Executor, taskId: string) =>
  db
    .selectFrom("supervision_items")
    .select(["id", "code", "raisedById", "verifiedById"])
    .where("taskId", "=", taskId)
    .orderBy("code")
    .execute();

/** A task's progress reports, evidence parsed. */
export async function reportsOfTask(db: Executor, taskId: string) {
  const rows = await db
    .selectFrom("progress_reports")
    .select(["id", "reportDate", "createdAt", "percent", "narrative", "evidence", "reportedById"])
    .where("taskId", "=", taskId)
    .execute();
  return rows.map((r) => ({
    ...r,
    evidence: fromJson(progressReportSchemas.entity.shape.evidence, r.evidence),
  }));
}

/** Comments on a task or on a 督办单. */
export const commentsOn = (db: Executor, on: { taskId: string } | { supervisionItemId: string }) =>
  db
    .selectFrom("comments")
    .select(["id", "createdAt", "author", "authorName", "body"])
    .where(
      "taskId" in on ? "taskId" : "supervisionItemId",
      "=",
      "taskId" in on ? on.taskId : on.supervisionItemId,
    )
    .execute();

/** Descriptions (not the bytes) of the files attached to a task, from `since` (an instant) when given. */
export function attachmentsOfTask(db: Executor, taskId: string, since?: string | null) {
  let q = db
    .selectFrom("attachments")
    .select(["id", "createdAt", "createdBy", "fileName"])
    .where("taskId", "=", taskId);
  if (since) q = q.where("createdAt", ">=", since);
  return q.execute();
}

/** The 催办 about a task or a 督办单. */
export const chasesAbout = (db: Executor, subjectId: string) =>
  db
    .selectFrom("chases")
    .select(["id", "day", "createdAt", "sender", "senderName", "recipientName", "reason", "rule"])
    .where("subjectId", "=", subjectId)
    .execute();

/** The 延期申请 filed on a task. */
export const extensionsOfTask = (db: Executor, taskId: string) =>
  db
    .selectFrom("extension_requests")
    .select([
      "id",
      "createdAt",
      "requestedBy",
      "requestedByName",
      "requestedDeadline",
      "reason",
      "state",
      "decidedBy",
      "decidedByName",
      "decidedAt",
      "decisionNote",
    ])
    .where("taskId", "=", taskId)
    .execute();

/** A task's code and title. */
export const taskHeading = (db: Executor, taskId: string) =>
  db.selectFrom("tasks").select(["code", "title"]).where("id", "=", taskId).executeTakeFirst();

/** Display names of the users among `usernames`. */
export async function userNames(db: Executor, usernames: readonly string[]): Promise<Map<string, string>> {
  if (usernames.length === 0) return new Map();
  const rows = await db
    .selectFrom("users")
    .select(["username", "displayName"])
    .where("username", "in", [...new Set(usernames)])
    .execute();
  return new Map(rows.map((r) => [r.username, r.displayName]));
}

/** Names of the persons among `ids`. */
export async function personNames(db: Executor, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom("persons")
    .select(["id", "name"])
    .where("id", "in", [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** A unit's name, or null. */
export async function unitName(db: Executor, id: string | null): Promise<string | null> {
  if (!id) return null;
  const row = await db.selectFrom("org_units").select("name").where("id", "=", id).executeTakeFirst();
  return row?.name ?? null;
}
