import type { FastifyInstance } from "fastify";
import type { DatabaseHandle } from "../../../db/connection.js";
import { GOAL_LIST } from "../../../domain/goals/goal.js";
import {
  createGoal,
  deleteGoal,
  getGoal,
  listGoals,
  updateGoal,
} from "../../../domain/goals/goal.service.js";
import { goalSchemas } from "../../../shared/api/goals.js";
import { crudRoutes } from "../crud-routes.js";

/** Goals of the cascade (层层衔接). */
export async function goalRoutes(app: FastifyInstance, opts: { database: DatabaseHandle }): Promise<void> {
  crudRoutes(app, {
    database: opts.database,
    path: "goals",
    label: "goal",
    schemas: goalSchemas,
    fields: GOAL_LIST,
    service: {
      list: listGoals,
      get: getGoal,
      create: (ctx, input) => createGoal(ctx, input),
      update: updateGoal,
      remove: deleteGoal,
    },
  });
}
