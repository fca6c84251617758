import type { Insertable, Selectable } from "kysely";
import { assessmentSnapshot } from "../../shared/api/closed-loop.js";
import type { Executor } from "../context.js";
import { fromJson } from "../records/json-column.js";
import type { AssessmentTable } from "./assessment.table.js";

/** The stored body holds the scores; the columns say when, by whom and at which date. */
const body = assessmentSnapshot.omit({ id: true, takenAt: true, takenBy: true, statusDate: true });

/** A snapshot row → the wire snapshot. */
function toSnapshot(r: Selectable<AssessmentTable>) {
  return {
    id: r.id,
    takenAt: r.takenAt,
    takenBy: r.takenBy,
    statusDate: r.statusDate,
    ...fromJson(body, r.body),
  };
}

/** Stores a snapshot. */
export async function insertAssessment(db: Executor, row: Insertable<AssessmentTable>): Promise<void> {
  await db.insertInto("assessments").values(row).execute();
}

/** Snapshots, newest status date first, with how many there are. */
export async function assessmentPage(db: Executor, limit: number, offset: number) {
  const { n } = await db
    .selectFrom("assessments")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  const rows = await db
    .selectFrom("assessments")
    .selectAll()
    .orderBy("statusDate", "desc")
    .orderBy("takenAt", "desc")
    .limit(limit)
    .offset(offset)
    .execute();
  return { items: rows.map(toSnapshot), total: Number(n) };
}

/** One snapshot, or undefined. */
export async function findAssessment(db: Executor, id: string) {
  const row = await db.selectFrom("assessments").selectAll().where("id", "=", id).executeTakeFirst();
  return row ? toSnapshot(row) : undefined;
}
