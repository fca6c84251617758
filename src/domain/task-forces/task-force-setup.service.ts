/**
 * Setting up a task force (专班) in one go: the task force and all its members in one transaction,
 * each written by the same service as its own route, so every rule of those routes holds here too.
 */
import type { TaskForceSetup } from "../../shared/api/task-forces.js";
import { AppError, isAppError } from "../../shared/errors.js";
import { asSystem, type ServiceContext } from "../context.js";
import { write } from "../records/transaction.js";
import { createMember } from "./member.service.js";
import type { Member, TaskForce } from "./task-force.js";
import { createTaskForce } from "./task-force.service.js";

/** What a setup made: the task force and its memberships in the order they were sent. */
export interface TaskForceSetupResult {
  readonly taskForce: TaskForce;
  readonly members: Member[];
}

/**
 * Runs `fn`, naming the part of the setup body a refusal is about: `code` of the task force becomes
 * `taskForce.code`, `post` of the third member `members.2.post`. Refusals without details (403)
 * pass as they are; bugs are not touched.
 */
async function within<T>(prefix: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (!isAppError(e) || e.details.length === 0) throw e;
    const details = e.details.map((d) => ({ ...d, path: `${prefix}.${d.path}` }));
    throw new AppError(e.code, `${prefix}: ${e.message}`, details);
  }
}

/**
 * Creates a task force and its members in one write: who may create a task force (admins and the
 * supervision office, organisation-wide) may also man it. Members are added as a consequence of the
 * creation (the plan's lead rule would ask for a lead the new task force cannot have yet); each is
 * checked and audited as `POST /members` does. Any refusal writes nothing.
 */
export function setUpTaskForce(ctx: ServiceContext, input: TaskForceSetup): Promise<TaskForceSetupResult> {
  return write(ctx, async (w) => {
    const taskForce = await within("taskForce", () => createTaskForce(w, input.taskForce));
    const members: Member[] = [];
    for (const [i, m] of input.members.entries()) {
      const created = await within(`members.${i}`, () =>
        createMember(asSystem(w), { ...m, taskForceId: taskForce.id }),
      );
      members.push(created);
    }
    return { taskForce, members };
  });
}
