/** Queries of 催办 records: insert once per reminder key, answer from later reports, list. */
import type { ExpressionBuilder, Insertable, Selectable } from "kysely";
import type { Executor } from "../context.js";
import type { Database } from "../database.js";
import type { ChaseTable } from "./chasing.table.js";

export type ChaseRow = Selectable<ChaseTable>;

/**
 * Inserts chases, skipping any whose reminder key is stored already (another instance, or an earlier
 * tick the same day, sent it); returns the rows inserted.
 */
export async function insertChases(
  db: Executor,
  rows: readonly Insertable<ChaseTable>[],
): Promise<ChaseRow[]> {
  const out: ChaseRow[] = [];
  for (let i = 0; i < rows.length; i += 300) {
    const inserted = await db
      .insertInto("chases")
      .values(rows.slice(i, i + 300))
      .onConflict((oc) => oc.column("reminderKey").doNothing())
      .returningAll()
      .execute();
    out.push(...inserted);
  }
  return out;
}

/**
 * Marks unanswered chases answered by the first report (tasks) or submission (supervision items)
 * dated on or after the day they were sent and not after `today`; only those of `subjectIds` when
 * given. Returns how many were answered.
 */
export async function answerChases(
  db: Executor,
  today: string,
  at: string,
  subjectIds?: readonly string[],
): Promise<number> {
  if (subjectIds && subjectIds.length === 0) return 0;
  const report = (eb: ExpressionBuilder<Database, "chases">) =>
    eb
      .selectFrom("progress_reports")
      .select((e) => e.fn.min("progress_reports.reportDate").as("d"))
      .whereRef("progress_reports.taskId", "=", "chases.subjectId")
      .whereRef("progress_reports.reportDate", ">=", "chases.day")
      .where("progress_reports.reportDate", "<=", today);
  let tasks = db
    .updateTable("chases")
    .set((eb) => ({ answeredDay: report(eb), answeredAt: at }))
    .where("answeredDay", "is", null)
    .where("subjectKind", "=", "task")
    .where((eb) => eb.exists(report(eb)));
  if (subjectIds) tasks = tasks.where("subjectId", "in", subjectIds);
  const answeredTasks = await tasks.executeTakeFirst();
  const submitted = (eb: ExpressionBuilder<Database, "chases">) =>
    eb
      .selectFrom("supervision_items")
      .select("supervision_items.submittedOn")
      .whereRef("supervision_items.id", "=", "chases.subjectId")
      .whereRef("supervision_items.submittedOn", ">=", "chases.day")
      .where("supervision_items.submittedOn", "<=", today);
  let items = db
    .updateTable("chases")
    .set((eb) => ({ answeredDay: submitted(eb), answeredAt: at }))
    .where("answeredDay", "is", null)
    .where("subjectKind", "=", "supervisionItem")
    .where((eb) => eb.exists(submitted(eb)));
  if (subjectIds) items = items.where("subjectId", "in", subjectIds);
  const answeredItems = await items.executeTakeFirst();
  return Number(answeredTasks.numUpdatedRows) + Number(answeredItems.numUpdatedRows);
}

export interface ChaseFilter {
  readonly taskForceIds: readonly string[] | null;
  readonly subjectId?: string;
  readonly recipientId?: string;
  readonly answered?: boolean;
  readonly from?: string;
  readonly to?: string;
}

/** A page of chases, newest first. */
export async function listChaseRows(db: Executor, f: ChaseFilter, limit: number, offset: number) {
  let q = db.selectFrom("chases");
  if (f.taskForceIds) {
    if (f.taskForceIds.length === 0) return { rows: [], total: 0 };
    q = q.where("taskForceId", "in", f.taskForceIds);
  }
  if (f.subjectId) q = q.where("subjectId", "=", f.subjectId);
  if (f.recipientId) q = q.where("recipientId", "=", f.recipientId);
  if (f.answered !== undefined) q = q.where("answeredDay", f.answered ? "is not" : "is", null);
  if (f.from) q = q.where("day", ">=", f.from);
  if (f.to) q = q.where("day", "<=", f.to);
  const total = Number((await q.select((e) => e.fn.countAll().as("n")).executeTakeFirstOrThrow()).n);
  const rows = await q
    .selectAll()
    .orderBy("createdAt", "desc")
    .orderBy("id", "desc")
    .limit(limit)
    .offset(offset)
    .execute();
  return { rows, total };
}
