import { assertCanRead } from "../accounts/access.js";
import type { ServiceContext } from "../context.js";
import { indicatorResource, readingResource } from "../indicators/indicator.resources.js";
import type { CachedBody, ReadCache } from "../read-cache.js";
import { selectRows } from "../resource/resource.repository.js";
import { getRecord, toRecords } from "../resource/resource.service.js";
import type { ResourceDef, Row } from "../resource/resource-def.js";
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

/**
 * The nested read rendered by `render` (the route's serializer), cached until the next audited
 * change. Access is checked for every caller before the shared copy is used.
 */
export async function readTaskForceFullCached(
  ctx: ServiceContext,
  cache: ReadCache,
  id: string,
  render: (full: TaskForceFull) => string,
): Promise<CachedBody> {
  const db = ctx.trx ?? ctx.database.db;
  try {
    await assertCanRead(ctx, db, taskForceResource, { id });
  } catch (e) {
    await getRecord({ ...ctx, principal: undefined }, taskForceResource, id); // unknown ids answer 404, as elsewhere
    throw e;
  }
  return cache.get(
    db,
    `task-force-full:${id}`,
    async () => render(await readTaskForceFull(ctx, id)),
    ctx.trx ? undefined : ctx.dataRevision,
  );
}
