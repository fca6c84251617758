/** Pure helpers of the comments (批示) UI: which comments a target shows, and how they read. */
import type { Comment } from "../../api/types";

/** What a thread is attached to: the whole task force, one task or one supervision item. */
export type CommentTarget =
  | { readonly kind: "task-force" }
  | { readonly kind: "task"; readonly taskId: string }
  | { readonly kind: "item"; readonly supervisionItemId: string };

/**
 * The comments a target's thread shows, oldest first: a task force's thread shows every comment
 * of the task force (each labelled with what it is on); a task's or an item's only its own.
 */
export function commentsFor(comments: readonly Comment[], target: CommentTarget): Comment[] {
  const mine = comments.filter((c) =>
    target.kind === "task-force"
      ? true
      : target.kind === "task"
        ? c.taskId === target.taskId && !c.supervisionItemId
        : c.supervisionItemId === target.supervisionItemId,
  );
  return mine.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
}

/** The create body of a comment on a target (validated by the caller with the API's schema). */
export function commentBody(taskForceId: string, target: CommentTarget, body: string) {
  return {
    taskForceId,
    taskId: target.kind === "task" ? target.taskId : null,
    supervisionItemId: target.kind === "item" ? target.supervisionItemId : null,
    body: body.trim(),
  };
}

/** The author as shown: the display name kept with the comment, else the username. */
export const authorOf = (c: Pick<Comment, "author" | "authorName">) => c.authorName || c.author;

/** A timestamp as local `YYYY-MM-DD HH:mm`. */
export function localMinute(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** Parses a select value (`tf`, `task:ID`, `item:ID`) back to a target. */
export function targetOfKey(key: string): CommentTarget {
  if (key.startsWith("task:")) return { kind: "task", taskId: key.slice(5) };
  if (key.startsWith("item:")) return { kind: "item", supervisionItemId: key.slice(5) };
  return { kind: "task-force" };
}

/** The select value of a comment's own target. */
export function keyOfComment(c: Pick<Comment, "taskId" | "supervisionItemId">): string {
  if (c.supervisionItemId) return `item:${c.supervisionItemId}`;
  if (c.taskId) return `task:${c.taskId}`;
  return "tf";
}
