import type { Executor } from "../context.js";

/** Person ids of a task force's leads (members with role `lead`), who review its completions. */
export async function leadPersonIds(db: Executor, taskForceId: string): Promise<string[]> {
  const rows = await db
    .selectFrom("task_force_members")
    .select("personId")
    .where("taskForceId", "=", taskForceId)
    .where("role", "=", "lead")
    .orderBy("personId")
    .execute();
  return [...new Set(rows.map((r) => r.personId))];
}

/** A person's name, or null when there is no such person. */
export async function personName(db: Executor, personId: string | null): Promise<string | null> {
  if (!personId) return null;
  const row = await db.selectFrom("persons").select("name").where("id", "=", personId).executeTakeFirst();
  return row?.name ?? null;
}

/**
 * The percents of a task's two latest reports (by report date, then creation), newest first: the
 * claiming report and the one before it.
 */
export async function latestReportPercents(db: Executor, taskId: string): Promise<number[]> {
  const rows = await db
    .selectFrom("progress_reports")
    .select("percent")
    .where("taskId", "=", taskId)
    .orderBy("reportDate", "desc")
    .orderBy("createdAt", "desc")
    .orderBy("id", "desc")
    .limit(2)
    .execute();
  return rows.map((r) => r.percent);
}
