import { commentSchemas } from "../../shared/api/comments.js";
import { AppError } from "../../shared/errors.js";
import type { Executor, ServiceContext } from "../context.js";
import type { ResourceDef, Row } from "../resource/resource-def.js";

/** The author is the caller (who may edit it: see access.ts); the task or item must be of its task force. */
async function checkComment(ctx: ServiceContext, trx: Executor, next: Row, before: Row | null): Promise<Row> {
  for (const [field, table] of [
    ["taskId", "tasks"],
    ["supervisionItemId", "supervision_items"],
  ] as const) {
    if (!next[field]) continue;
    const row = await trx
      .selectFrom(table)
      .select("taskForceId")
      .where("id", "=", next[field] as string)
      .executeTakeFirst();
    if (row && row.taskForceId !== next.taskForceId) {
      throw new AppError("unprocessable", `${field}: belongs to another task force`, {
        code: "COMMENT_RULE",
        details: [{ path: field, message: "belongs to another task force" }],
      });
    }
  }
  return before ? {} : { author: ctx.actor, authorName: ctx.principal?.displayName ?? null };
}

/** Comments (批示) by leaders and others on task forces, tasks and supervision items. */
export const commentResource: ResourceDef = {
  name: "comment",
  label: "comment",
  path: "comments",
  table: "comments",
  schemas: commentSchemas,
  defaults: commentSchemas.spec.defaults,
  refs: [
    { field: "taskForceId", target: "task-forces" },
    { field: "taskId", target: "tasks" },
    { field: "supervisionItemId", target: "supervision-items" },
  ],
  filters: ["taskForceId", "taskId", "supervisionItemId", "author"],
  sorts: { createdAt: "text" },
  defaultSort: ["createdAt"],
  search: ["body"],
  immutable: ["taskForceId", "taskId", "supervisionItemId"],
  hooks: { beforeWrite: checkComment },
};
