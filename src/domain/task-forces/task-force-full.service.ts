import type { IsoDate } from "../../engines/index.js";
import { mayReadTaskForce } from "../accounts/scope.js";
import { readerOf, type ServiceContext } from "../context.js";
import type { Indicator, Reading } from "../indicators/indicator.js";
import { indicatorsWhere, readingsWhere } from "../indicators/indicator.repository.js";
import type { SupervisionItem } from "../supervision/supervision.js";
import { supervisionItemsWhere } from "../supervision/supervision.repository.js";
import type { Dependency, Task } from "../tasks/task.js";
import { dependencyRowsOf } from "../tasks/task.repository.js";
import { tasksOfTaskForce } from "../tasks/task.service.js";
import type { Member, TaskForce } from "./task-force.js";
import { membersOf } from "./task-force.repository.js";
import { getTaskForce } from "./task-force.service.js";

/** A task force with everything the battle map and the task book need, read in one call. */
export interface TaskForceFull {
  readonly taskForce: TaskForce;
  readonly members: Member[];
  readonly tasks: Task[];
  readonly dependencies: Dependency[];
  readonly indicators: (Indicator & { readings: Reading[] })[];
  readonly supervisionItems: SupervisionItem[];
}

const byText =
  <T>(key: (x: T) => string) =>
  (a: T, b: T) =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;

/**
 * Whether the caller may read task force `id`: decided from the principal alone when it may (a
 * cached nested read then costs no query; an unknown id is answered 404 when the read is rendered),
 * else by reading the task force (404 when there is none, 403 when it is another's).
 */
export async function assertMayReadTaskForce(ctx: ServiceContext, id: string): Promise<void> {
  if (!mayReadTaskForce(ctx.principal, id)) await getTaskForce(ctx, id);
}

/**
 * A task force (403/404 as its own read) with its members, tasks (scheduled at `statusDate`),
 * dependencies, indicators with readings and supervision items.
 */
export async function readTaskForceFull(
  ctx: ServiceContext,
  id: string,
  statusDate: IsoDate,
): Promise<TaskForceFull> {
  const taskForce = await getTaskForce(ctx, id);
  const db = readerOf(ctx);
  const [members, tasks, dependencies, indicators, readings, supervisionItems] = await Promise.all([
    membersOf(db, id),
    tasksOfTaskForce(ctx, id, statusDate),
    dependencyRowsOf(db, [id]),
    indicatorsWhere(db, { taskForceIds: [id] }),
    readingsWhere(db, { taskForceIds: [id] }),
    supervisionItemsWhere(db, { taskForceIds: [id] }),
  ]);
  const byIndicator = new Map<string, Reading[]>();
  for (const r of readings.sort(byText((x) => x.period))) {
    const list = byIndicator.get(r.indicatorId) ?? [];
    list.push(r);
    byIndicator.set(r.indicatorId, list);
  }
  return {
    taskForce,
    members,
    tasks,
    dependencies: dependencies.sort(byText((d) => `${d.predecessorId}\u0000${d.successorId}`)),
    indicators: indicators
      .sort(byText((i) => i.code))
      .map((i) => ({ ...i, readings: byIndicator.get(i.id) ?? [] })),
    supervisionItems: supervisionItems.sort(byText((s) => s.code)),
  };
}
