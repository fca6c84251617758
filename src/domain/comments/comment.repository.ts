import type { Executor } from "../context.js";
import { textSortsOf } from "../records/list.js";
import { type ListCriteria, listPage } from "../records/list-page.js";
import { COMMENT_LIST } from "./comment.js";

const COLUMNS = [
  "id",
  "version",
  "createdAt",
  "updatedAt",
  "taskForceId",
  "taskId",
  "supervisionItemId",
  "body",
  "author",
  "authorName",
] as const;

/** A page of comments. */
export const listCommentRows = (db: Executor, c: ListCriteria, dialect: "sqlite" | "postgres") =>
  listPage(
    db,
    {
      table: "comments",
      columns: COLUMNS,
      textSorts: textSortsOf(COMMENT_LIST),
      search: COMMENT_LIST.search,
      dialect,
    },
    c,
  );

/** The task force of a task or supervision item, or undefined when there is no such record. */
export async function taskForceOfRecord(
  db: Executor,
  table: "tasks" | "supervision_items",
  id: string,
): Promise<string | undefined> {
  return (await db.selectFrom(table).select("taskForceId").where("id", "=", id).executeTakeFirst())
    ?.taskForceId;
}
