import type { RecordColumns } from "../records/record.table.js";

/** `comments` (批示) on task forces, tasks and supervision items. */
export interface CommentTable extends RecordColumns {
  taskForceId: string;
  taskId: string | null;
  supervisionItemId: string | null;
  body: string;
  author: string;
  authorName: string | null;
}
