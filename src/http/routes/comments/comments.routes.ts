import type { FastifyInstance } from "fastify";
import type { DatabaseHandle } from "../../../db/connection.js";
import { COMMENT_LIST } from "../../../domain/comments/comment.js";
import {
  createComment,
  deleteComment,
  getComment,
  listComments,
  updateComment,
} from "../../../domain/comments/comment.service.js";
import { commentSchemas } from "../../../shared/api/comments.js";
import { crudRoutes } from "../crud-routes.js";

/** Comments (批示) on task forces, tasks and supervision items. */
export async function commentRoutes(app: FastifyInstance, opts: { database: DatabaseHandle }): Promise<void> {
  crudRoutes(app, {
    database: opts.database,
    path: "comments",
    label: "comment",
    schemas: commentSchemas,
    fields: COMMENT_LIST,
    service: {
      list: listComments,
      get: getComment,
      create: (ctx, input) => createComment(ctx, input),
      update: updateComment,
      remove: deleteComment,
    },
  });
}
