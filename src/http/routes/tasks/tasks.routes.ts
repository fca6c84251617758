import type { FastifyInstance } from "fastify";
import type { DatabaseHandle } from "../../../db/connection.js";
import {
  createDependency,
  deleteDependency,
  getDependency,
  listDependencies,
  updateDependency,
} from "../../../domain/tasks/dependency.service.js";
import { DEPENDENCY_LIST, TASK_LIST } from "../../../domain/tasks/task.js";
import {
  createTask,
  deleteTask,
  getTask,
  getTaskEncoded,
  listTasks,
  listTasksEncoded,
  updateTask,
} from "../../../domain/tasks/task.service.js";
import { dependencySchemas, taskSchemas } from "../../../shared/api/tasks.js";
import { crudRoutes } from "../crud-routes.js";

/** Tasks of the WBS and the dependencies between them. */
export async function taskRoutes(app: FastifyInstance, opts: { database: DatabaseHandle }): Promise<void> {
  crudRoutes(app, {
    database: opts.database,
    path: "tasks",
    label: "task",
    schemas: taskSchemas,
    fields: TASK_LIST,
    lighted: true,
    keyset: true,
    service: {
      list: listTasks,
      get: (ctx, id) => getTask(ctx, id),
      create: (ctx, input) => createTask(ctx, input),
      update: updateTask,
      remove: deleteTask,
    },
    encoded: { list: listTasksEncoded, get: getTaskEncoded },
  });
  crudRoutes(app, {
    database: opts.database,
    path: "dependencies",
    label: "dependency",
    schemas: dependencySchemas,
    fields: DEPENDENCY_LIST,
    service: {
      list: listDependencies,
      get: getDependency,
      create: (ctx, input) => createDependency(ctx, input),
      update: updateDependency,
      remove: deleteDependency,
    },
  });
}
