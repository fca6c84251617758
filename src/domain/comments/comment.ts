import type { z } from "zod";
import type { commentSchemas } from "../../shared/api/comments.js";
import type { ListFields } from "../records/list.js";

export type Comment = z.output<typeof commentSchemas.entity>;
export type CommentCreate = z.output<typeof commentSchemas.create>;
export type CommentUpdate = z.output<typeof commentSchemas.update>;

/** Lists of comments (批示). */
export const COMMENT_LIST: ListFields = {
  filters: ["taskForceId", "taskId", "supervisionItemId", "author"],
  sorts: { createdAt: "text" },
  defaultSort: ["createdAt"],
  search: ["body"],
};
