import type { Light } from "../../engines/index.js";
import { readFilter } from "../accounts/access.js";
import { lightsById } from "../closed-loop/closed-loop.service.js";
import type { ServiceContext } from "../context.js";
import { selectRows } from "../resource/resource.repository.js";
import { toRecords } from "../resource/resource.service.js";
import type { Row } from "../resource/resource-def.js";
import { organisationStatusDate } from "../settings/settings.service.js";
import { taskForceResource } from "../task-forces/task-force.resources.js";
import { dependencyResource, taskResource } from "../tasks/task.resources.js";
import { readScheduleRuns, type ScheduleRun } from "./schedule.service.js";

/** Filters of the battle map. */
export interface BattleMapFilter {
  readonly taskForceId?: readonly string[];
  readonly responsibleUnitId?: readonly string[];
  readonly responsiblePersonId?: readonly string[];
  readonly criticalOnly?: boolean;
}

/** Everything the battle map draws: task forces with their last schedule run, tasks, dependencies. */
export interface BattleMap {
  readonly statusDate: string;
  readonly taskForces: (Row & { schedule: ScheduleRun | null })[];
  readonly tasks: Row[];
  readonly dependencies: Row[];
  /** Lights of the tasks and task forces shown, with their reasons. */
  readonly lights: { tasks: Record<string, Light>; taskForces: Record<string, Light> };
}

const ALL = 10_000_000;

/**
 * The battle map of every task force the caller may read (all for leaders and the supervision
 * office), narrowed by the filters. Dependencies are those between the tasks shown.
 */
export async function readBattleMap(ctx: ServiceContext, filter: BattleMapFilter): Promise<BattleMap> {
  const db = ctx.trx ?? ctx.database.db;
  const scope = await readFilter(ctx, db, taskForceResource);
  let tfIds = scope?.id ? [...scope.id] : null;
  if (filter.taskForceId?.length)
    tfIds = tfIds ? tfIds.filter((x) => filter.taskForceId!.includes(x)) : [...filter.taskForceId];
  const dialect = ctx.database.dialect;
  const byTf: Record<string, readonly string[]> = tfIds ? { taskForceId: tfIds } : {};
  const statusDate = await organisationStatusDate(db, new Date(ctx.now()));
  if (tfIds && tfIds.length === 0) {
    return { statusDate, taskForces: [], tasks: [], dependencies: [], lights: { tasks: {}, taskForces: {} } };
  }
  const tfRows = await selectRows(
    db,
    taskForceResource,
    { filters: tfIds ? { id: tfIds } : {}, sort: [{ field: "code", desc: false }], limit: ALL, offset: 0 },
    dialect,
  );
  const taskFilters: Record<string, readonly string[]> = { ...byTf };
  if (filter.responsibleUnitId?.length) taskFilters.responsibleUnitId = filter.responsibleUnitId;
  if (filter.responsiblePersonId?.length) taskFilters.responsiblePersonId = filter.responsiblePersonId;
  if (filter.criticalOnly) taskFilters.critical = ["1"];
  const sort = [
    { field: "taskForceId", desc: false },
    { field: "code", desc: false },
  ];
  const tasks = await toRecords(
    db,
    taskResource,
    await selectRows(db, taskResource, { filters: taskFilters, sort, limit: ALL, offset: 0 }, dialect),
  );
  const shown = new Set(tasks.map((t) => t.id as string));
  const deps = await selectRows(
    db,
    dependencyResource,
    { filters: byTf, sort: [{ field: "id", desc: false }], limit: ALL, offset: 0 },
    dialect,
  );
  const runs = await readScheduleRuns(
    db,
    tfRows.map((r) => r.id as string),
  );
  const taskForces: (Row & { schedule: ScheduleRun | null })[] = (
    await toRecords(db, taskForceResource, tfRows)
  ).map((tf) => ({ ...tf, schedule: runs.get(tf.id as string) ?? null }));
  const all = await lightsById(
    ctx,
    taskForces.map((t) => t.id as string),
    statusDate,
  );
  return {
    statusDate,
    taskForces,
    tasks,
    dependencies: (await toRecords(db, dependencyResource, deps)).filter(
      (d) => shown.has(d.predecessorId as string) && shown.has(d.successorId as string),
    ),
    lights: {
      tasks: Object.fromEntries(tasks.map((t) => [t.id as string, all.tasks[t.id as string]!])),
      taskForces: all.taskForces,
    },
  };
}
