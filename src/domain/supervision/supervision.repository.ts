import type { Executor } from "../context.js";
import { textSortsOf } from "../records/list.js";
import { type ListCriteria, listPage } from "../records/list-page.js";
import { SUPERVISION_ITEM_LIST, type SupervisionItem } from "./supervision.js";

const COLUMNS = [
  "id",
  "version",
  "createdAt",
  "updatedAt",
  "taskForceId",
  "taskId",
  "code",
  "raisedById",
  "raisedOn",
  "issue",
  "requiredAction",
  "responsiblePersonId",
  "responsibleUnitId",
  "dueDate",
  "state",
  "rectification",
  "submittedOn",
  "verifiedOn",
  "verifiedById",
  "returnCount",
  "lastNote",
  "escalatedOn",
  "escalatedBy",
] as const;

/** A page of supervision items. */
export const listSupervisionItemRows = (db: Executor, c: ListCriteria, dialect: "sqlite" | "postgres") =>
  listPage(
    db,
    {
      table: "supervision_items",
      columns: COLUMNS,
      textSorts: textSortsOf(SUPERVISION_ITEM_LIST),
      search: SUPERVISION_ITEM_LIST.search,
      dialect,
    },
    c,
  );

/** Supervision items of some task forces (all when null), or by id. */
export async function supervisionItemsWhere(
  db: Executor,
  by: { readonly taskForceIds?: readonly string[] | null; readonly ids?: readonly string[] },
): Promise<SupervisionItem[]> {
  let q = db.selectFrom("supervision_items").select(COLUMNS);
  if (by.ids) q = by.ids.length ? q.where("id", "in", by.ids) : q.where("id", "=", "");
  if (by.taskForceIds)
    q = by.taskForceIds.length ? q.where("taskForceId", "in", by.taskForceIds) : q.where("id", "=", "");
  return q.execute();
}

/** The highest number of the codes `<prefix>NNN` in use (0 when none). */
export async function highestCodeNumber(db: Executor, prefix: string): Promise<number> {
  const rows = await db
    .selectFrom("supervision_items")
    .select("code")
    .where("code", "like", `${prefix}%`)
    .execute();
  let max = 0;
  for (const { code } of rows) {
    const n = Number(code.slice(prefix.length));
    if (Number.isInteger(n) && n > max) max = n;
  }
  return max;
}

/** Whether a supervision item has this code. */
export async function codeTaken(db: Executor, code: string): Promise<boolean> {
  return (
    (await db.selectFrom("supervision_items").select("id").where("code", "=", code).executeTakeFirst()) !==
    undefined
  );
}
