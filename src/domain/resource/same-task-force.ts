import { AppError } from "../../shared/errors.js";
import type { Executor, ServiceContext } from "../context.js";
import type { Row } from "./resource-def.js";

/**
 * A beforeWrite hook for records that belong to a task force and may name one of its tasks
 * (indicators, supervision items): the task must be of the same task force. `code` names the rule.
 */
export function taskOfSameTaskForce(code: string) {
  return async (_ctx: ServiceContext, trx: Executor, next: Row): Promise<undefined> => {
    if (!next.taskId) return undefined;
    const task = await trx
      .selectFrom("tasks")
      .select("taskForceId")
      .where("id", "=", next.taskId as string)
      .executeTakeFirst();
    if (task && task.taskForceId !== next.taskForceId) {
      throw new AppError("unprocessable", `taskId: task ${next.taskId} belongs to another task force`, {
        code,
        details: [{ path: "taskId", message: "belongs to another task force" }],
      });
    }
    return undefined;
  };
}
