import { commentSchemas } from "../../shared/api/comments.js";
import { AppError } from "../../shared/errors.js";
import { ruleDetail } from "../../shared/messages.js";
import { assertMayComment, readScope } from "../accounts/scope.js";
import { appendAudit } from "../audit/audit.repository.js";
import { type Executor, readerOf, type ServiceContext } from "../context.js";
import { newId } from "../ids.js";
import type { ListCriteria, Page } from "../records/list-page.js";
import { assertUnchanged, assertVersion, deleteById, getById } from "../records/record-ops.js";
import { assertRefsExist, type RefCheck } from "../records/references.js";
import { write } from "../records/transaction.js";
import { insertRecord, updateAtVersion } from "../records/update-at-version.js";
import { getTaskForce } from "../task-forces/task-force.service.js";
import type { Comment, CommentCreate, CommentUpdate } from "./comment.js";
import { listCommentRows, taskForceOfRecord } from "./comment.repository.js";

const LABEL = "comment";
const ENTITY = "comment";

const refsOf = (c: Partial<Comment>): RefCheck[] => [
  { path: "taskForceId", table: "task_forces", id: c.taskForceId },
  { path: "taskId", table: "tasks", id: c.taskId },
  { path: "supervisionItemId", table: "supervision_items", id: c.supervisionItemId },
];

/** Comments on the task forces the caller may read. */
export async function listComments(ctx: ServiceContext, c: ListCriteria): Promise<Page<Comment>> {
  const scope = readScope(ctx, c.filters.taskForceId);
  const criteria = scope ? { ...c, filters: { ...c.filters, taskForceId: scope } } : c;
  const { rows, total } = await listCommentRows(readerOf(ctx), criteria, ctx.database.dialect);
  return { items: rows, total, limit: c.limit, offset: c.offset };
}

/** One comment, for whoever may read its task force. */
export async function getComment(ctx: ServiceContext, id: string): Promise<Comment> {
  const comment = await getById(readerOf(ctx), "comments", id, LABEL);
  await getTaskForce(ctx, comment.taskForceId);
  return comment;
}

/** The task or supervision item a comment is on must be of its task force (422 `COMMENT_RULE`). */
async function assertOnItsTaskForce(
  db: Executor,
  c: Pick<Comment, "taskForceId" | "taskId" | "supervisionItemId">,
) {
  for (const [field, table] of [
    ["taskId", "tasks"],
    ["supervisionItemId", "supervision_items"],
  ] as const) {
    const id = c[field];
    if (!id) continue;
    const owner = await taskForceOfRecord(db, table, id);
    if (owner && owner !== c.taskForceId)
      throw new AppError("COMMENT_RULE", `${field}: belongs to another task force`, [
        ruleDetail(field, "otherTaskForce"),
      ]);
  }
}

/** Comments (批示) on a task force, a task or an item by anyone who reads it; the caller is the author. */
export function createComment(ctx: ServiceContext, input: CommentCreate, id = newId()): Promise<Comment> {
  return write(ctx, async (w) => {
    const db = w.uow.db;
    const record = commentSchemas.complete(input);
    await assertRefsExist(db, refsOf(record));
    assertMayComment(w, record.taskForceId, null);
    await assertOnItsTaskForce(db, record);
    const at = w.now();
    const created = await insertRecord(db, "comments", {
      id,
      version: 1,
      createdAt: at,
      updatedAt: at,
      ...record,
      author: w.actor,
      authorName: w.principal?.displayName ?? null,
    });
    await appendAudit(w, { action: "create", entity: ENTITY, entityId: id, before: null, after: created });
    return created;
  });
}

/** Changes a comment's text at its version (its author only). */
export function updateComment(ctx: ServiceContext, id: string, input: CommentUpdate): Promise<Comment> {
  return write(ctx, async (w) => {
    const db = w.uow.db;
    const before = await getById(db, "comments", id, LABEL);
    assertMayComment(w, before.taskForceId, before.author, "edit");
    const { version, ...changes } = input;
    assertVersion(before, version, LABEL);
    assertUnchanged(before, changes, ["taskForceId", "taskId", "supervisionItemId"], LABEL);
    const after = await updateAtVersion(
      db,
      "comments",
      { id, version, label: LABEL },
      { ...changes, updatedAt: w.now() },
    );
    await appendAudit(w, { action: "update", entity: ENTITY, entityId: id, before, after });
    return after;
  });
}

/** Deletes a comment (its author only). */
export function deleteComment(ctx: ServiceContext, id: string, version?: number): Promise<void> {
  return write(ctx, async (w) => {
    const before = await getById(w.uow.db, "comments", id, LABEL);
    assertMayComment(w, before.taskForceId, before.author, "delete");
    assertVersion(before, version, LABEL);
    await deleteById(w.uow.db, "comments", id);
    await appendAudit(w, { action: "delete", entity: ENTITY, entityId: id, before, after: null });
  });
}
