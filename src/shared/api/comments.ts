import { z } from "zod";
import { id, requiredText } from "./common.js";
import { defineEntity } from "./define.js";

/** A comment (批示/意见) on a task force, one of its tasks or a supervision item. */
export const commentSchemas = defineEntity({
  name: "Comment",
  fields: {
    taskForceId: id,
    taskId: id.nullable(),
    supervisionItemId: id.nullable(),
    body: requiredText(4000),
  },
  readOnly: {
    /** Username of the author (who alone may change the comment). */
    author: z.string(),
    /** The author's display name when the comment was written (null on older comments). */
    authorName: z.string().nullable(),
  },
  required: ["taskForceId", "body"],
  defaults: { taskId: null, supervisionItemId: null },
});
export type Comment = z.output<typeof commentSchemas.entity>;
