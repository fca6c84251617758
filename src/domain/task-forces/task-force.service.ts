import type { ServiceContext } from "../context.js";
import { indicatorResource, readingResource } from "../indicators/indicator.resources.js";
import type { ResourceDef, Row } from "../resource/resource-def.js";
import { selectRows } from "../resource/resource.repository.js";
import { getRecord, toRecords } from "../resource/resource.service.js";
import { supervisionItemResource } from "../supervision/supervision.resource.js";
import { dependencyResource, taskResource } from "../tasks/task.resources.js";
import { memberResource, taskForceResource } from "./task-force.resources.js";

const ALL = 1_000_000;

async function allOf(
  ctx: ServiceContext,
  def: ResourceDef,
  filters: Record<string, string[]>,
): Promise<Row[]> {
  const db = ctx.trx ?? ctx.database.db;
  const sort = def.defaultSort.map((field) => ({ field, desc: false }));
  const rows = await selectRows(db, def, { filters, sort, limit: ALL, offset: 0 }, ctx.database.dialect);
  return toRecords(db, def, rows);
}

/** A task force with everything the battle map and the task book need, read in one call. */
export interface TaskForceFull {
  readonly taskForce: Row;
  readonly members: Row[];
  readonly tasks: Row[];
  readonly dependencies: Row[];
  readonly indicators: Row[];
  readonly supervisionItems: Row[];
}

/** Reads a task force with its members, tasks, dependencies, indicators (with readings) and supervision items. */
export async function readTaskForceFull(ctx: ServiceContext, id: string): Promise<TaskForceFull> {
  const taskForce = await getRecord(ctx, taskForceResource, id);
  const byTf = { taskForceId: [id] };
  const [members, tasks, dependencies, indicators, supervisionItems] = await Promise.all([
    allOf(ctx, memberResource, byTf),
    allOf(ctx, taskResource, byTf),
    allOf(ctx, dependencyResource, byTf),
    allOf(ctx, indicatorResource, byTf),
    allOf(ctx, supervisionItemResource, byTf),
  ]);
  const readings = indicators.length
    ? await allOf(ctx, readingResource, { indicatorId: indicators.map((i) => i.id as string) })
    : [];
  const byIndicator = new Map<string, Row[]>();
  for (const r of readings) {
    const list = byIndicator.get(r.indicatorId as string) ?? [];
    list.push(r);
    byIndicator.set(r.indicatorId as string, list);
  }
  return {
    taskForce,
    members,
    tasks,
    dependencies,
    indicators: indicators.map((i) => ({ ...i, readings: byIndicator.get(i.id as string) ?? [] })),
    supervisionItems,
  };
}
