import {
  buildWorkCalendar,
  type CheckInput,
  type IsoDate,
  type LightIndicator,
  type LightTask,
  type OverviewInput,
} from "../../engines/index.js";
import type { Executor } from "../context.js";
import { indicatorResource } from "../indicators/indicator.resources.js";
import { toRecords } from "../resource/resource.service.js";
import type { Row } from "../resource/resource-def.js";
import { organisationCalendar } from "../settings/settings.service.js";
import { taskForceResource } from "../task-forces/task-force.resources.js";

/** The records the closed-loop engines read, for some task forces (all when `ids` is null). */
export interface ClosedLoopData {
  readonly taskForces: readonly Row[];
  readonly tasks: readonly Row[];
  readonly indicators: readonly Row[];
  readonly readings: readonly Row[];
  readonly supervisionItems: readonly Row[];
  readonly lastReports: ReadonlyMap<string, string>;
}

/** Which rows to read: all, those whose `column` is one of `values`. */
export type RowFilter = { readonly column: string; readonly values: readonly string[] } | null;

// biome-ignore lint/suspicious/noExplicitAny: the query builder is generic over table names
function where<Q extends { where: any }>(q: Q, filter: RowFilter): Q {
  return filter ? q.where(filter.column, "in", filter.values as string[]) : q;
}

/** Only the task columns the engines read: at a province's size the rest is megabytes of garbage. */
const TASK_COLUMNS = [
  "id",
  "taskForceId",
  "parentId",
  "code",
  "title",
  "status",
  "percent",
  "duration",
  "deadline",
  "baselineStart",
  "baselineFinish",
  "actualStart",
  "actualFinish",
  "lateStart",
  "totalFloat",
  "critical",
  "responsibleUnitId",
  "responsiblePersonId",
  "responsiblePost",
  "weight",
  "acceptance",
] as const;

/**
 * The orders every reader gets rows in. They are applied here, in JavaScript, and not by SQL:
 * PostgreSQL's collation may order "01.10" before "01.1.1", SQLite never does, and the in-memory
 * snapshot must agree with both.
 */
const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
export const CLOSED_LOOP_ORDER = {
  taskForces: (a: Row, b: Row) => byString(a.code as string, b.code as string),
  tasks: (a: Row, b: Row) =>
    byString(a.taskForceId as string, b.taskForceId as string) ||
    byString(a.code as string, b.code as string),
  indicators: (a: Row, b: Row) =>
    byString(a.taskForceId as string, b.taskForceId as string) ||
    byString(a.code as string, b.code as string),
  readings: (a: Row, b: Row) =>
    byString(a.indicatorId as string, b.indicatorId as string) ||
    byString(a.period as string, b.period as string),
  supervisionItems: (a: Row, b: Row) => byString(a.code as string, b.code as string),
} as const;

export async function readTaskForces(db: Executor, filter: RowFilter): Promise<Row[]> {
  const rows = await where(db.selectFrom("task_forces").selectAll(), filter).execute();
  return (await toRecords(db, taskForceResource, rows)).sort(CLOSED_LOOP_ORDER.taskForces);
}

export async function readTasks(db: Executor, filter: RowFilter): Promise<Row[]> {
  const rows = await where(db.selectFrom("tasks").select([...TASK_COLUMNS]), filter).execute();
  return rows
    .map((r) => ({ ...r, critical: r.critical == null ? null : Boolean(r.critical) }))
    .sort(CLOSED_LOOP_ORDER.tasks);
}

export async function readIndicators(db: Executor, filter: RowFilter): Promise<Row[]> {
  const rows = await where(db.selectFrom("indicators").selectAll(), filter).execute();
  return (await toRecords(db, indicatorResource, rows)).sort(CLOSED_LOOP_ORDER.indicators);
}

/** Readings by their own ids, or of the indicators of some task forces (`taskForceIds`). */
export async function readReadings(
  db: Executor,
  filter: RowFilter,
  taskForceIds: readonly string[] | null = null,
): Promise<Row[]> {
  let q = where(db.selectFrom("indicator_readings").selectAll(), filter);
  if (taskForceIds)
    q = q.where(
      "indicatorId",
      "in",
      db
        .selectFrom("indicators")
        .select("id")
        .where("taskForceId", "in", taskForceIds as string[]),
    );
  return (await q.execute()).sort(CLOSED_LOOP_ORDER.readings);
}

export async function readSupervisionItems(db: Executor, filter: RowFilter): Promise<Row[]> {
  const rows = await where(db.selectFrom("supervision_items").selectAll(), filter).execute();
  return rows.sort(CLOSED_LOOP_ORDER.supervisionItems);
}

/** The date of each task's latest progress report (tasks of some task forces, or all). */
export async function readLastReports(
  db: Executor,
  taskForceIds: readonly string[] | null,
): Promise<Map<string, string>> {
  const q = db
    .selectFrom("progress_reports")
    .select(["taskId"])
    .select((eb) => eb.fn.max("reportDate").as("last"))
    .groupBy("taskId");
  const rows = await where(q, taskForceIds && { column: "taskForceId", values: taskForceIds }).execute();
  return new Map(rows.map((r) => [r.taskId as string, r.last as string]));
}

/**
 * Reads everything the overview, lights, check and assessment need, in a handful of queries, for
 * the task forces `ids` (all when null). Outside a transaction prefer `closedLoopData`, which
 * keeps these records in memory and re-reads only what changed.
 */
export async function readClosedLoopData(
  db: Executor,
  ids: readonly string[] | null,
): Promise<ClosedLoopData> {
  if (ids && ids.length === 0) {
    return {
      taskForces: [],
      tasks: [],
      indicators: [],
      readings: [],
      supervisionItems: [],
      lastReports: new Map(),
    };
  }
  const byForce: RowFilter = ids && { column: "taskForceId", values: ids };
  const taskForces = await readTaskForces(db, ids && { column: "id", values: ids });
  const tasks = await readTasks(db, byForce);
  const indicators = await readIndicators(db, byForce);
  const readings = await readReadings(db, null, ids);
  const supervisionItems = await readSupervisionItems(db, byForce);
  const lastReports = await readLastReports(db, ids);
  return { taskForces, tasks, indicators, readings, supervisionItems, lastReports };
}

/** Records → the engines' overview input at a status date, on the organisation's calendar. */
export async function overviewInputOf(
  db: Executor,
  d: ClosedLoopData,
  statusDate: IsoDate,
): Promise<OverviewInput> {
  const calendar = buildWorkCalendar(await organisationCalendar(db), {
    origin: `${statusDate.slice(0, 4)}-01-01`,
  });
  const supervisionByTask = new Map<string, { id: string; dueDate: string; state: "open" }[]>();
  for (const s of d.supervisionItems) {
    if (!s.taskId) continue;
    const list = supervisionByTask.get(s.taskId as string) ?? [];
    list.push({ id: s.id as string, dueDate: s.dueDate as string, state: s.state as "open" });
    supervisionByTask.set(s.taskId as string, list);
  }
  const tasks = d.tasks.map(
    (
      t,
    ): LightTask & {
      duration: number | null;
      isMilestone: boolean;
      responsibleUnitId: string | null;
      responsiblePersonId: string | null;
    } => ({
      id: t.id as string,
      taskForceId: t.taskForceId as string,
      parentId: (t.parentId as string | null) ?? null,
      code: t.code as string,
      status: t.status as LightTask["status"],
      percent: t.percent as number,
      deadline: (t.deadline as string | null) ?? null,
      baselineStart: (t.baselineStart as string | null) ?? null,
      baselineFinish: (t.baselineFinish as string | null) ?? null,
      actualStart: (t.actualStart as string | null) ?? null,
      actualFinish: (t.actualFinish as string | null) ?? null,
      lateStart: (t.lateStart as string | null) ?? null,
      totalFloat: (t.totalFloat as number | null) ?? null,
      lastReportDate: d.lastReports.get(t.id as string) ?? null,
      supervision: supervisionByTask.get(t.id as string) ?? [],
      duration: (t.duration as number | null) ?? null,
      isMilestone: t.duration === 0,
      responsibleUnitId: (t.responsibleUnitId as string | null) ?? null,
      responsiblePersonId: (t.responsiblePersonId as string | null) ?? null,
    }),
  );
  const readingsOf = new Map<string, { period: string; actual: number }[]>();
  for (const r of d.readings) {
    const list = readingsOf.get(r.indicatorId as string) ?? [];
    list.push({ period: r.period as string, actual: r.actual as number });
    readingsOf.set(r.indicatorId as string, list);
  }
  const indicators: LightIndicator[] = d.indicators.map((i) => ({
    indicator: {
      id: i.id as string,
      name: i.name as string,
      unit: i.unit as string,
      kind: i.kind as "rate",
      direction: i.direction as "up",
      baseline: (i.baseline as number | null) ?? 0,
      target: i.target as number,
      year: i.year as number,
      taskForceId: i.taskForceId as string,
      ...(i.taskId ? { taskId: i.taskId as string } : {}),
      ...(i.monthlyPlan ? { monthlyPlan: i.monthlyPlan as Record<string, number> } : {}),
    },
    readings: readingsOf.get(i.id as string) ?? [],
  }));
  return {
    statusDate,
    calendar,
    taskForces: d.taskForces.map((f) => ({ id: f.id as string })),
    tasks,
    indicators,
    supervisionItems: d.supervisionItems.map((s) => ({
      id: s.id as string,
      taskId: (s.taskId as string | null) ?? null,
      taskForceId: s.taskForceId as string,
      dueDate: s.dueDate as string,
      state: s.state as "open",
      verifiedDate: (s.verifiedOn as string | null) ?? null,
    })),
  };
}

/** Records → the five-ization check's input. */
export function checkInputOf(d: ClosedLoopData): CheckInput {
  return {
    taskForces: d.taskForces.map((f) => ({
      id: f.id as string,
      code: f.code as string,
      name: f.name as string,
      goalIds: f.goalIds as string[],
      leadLeaderId: (f.leadLeaderId as string | null) ?? null,
      leadUnitId: (f.leadUnitId as string | null) ?? null,
      tasks: d.tasks
        .filter((t) => t.taskForceId === f.id)
        .map((t) => ({
          id: t.id as string,
          code: t.code as string,
          title: t.title as string,
          parentId: (t.parentId as string | null) ?? null,
          duration: (t.duration as number | null) ?? null,
          deadline: (t.deadline as string | null) ?? null,
          responsibleUnitId: (t.responsibleUnitId as string | null) ?? null,
          responsiblePersonId: (t.responsiblePersonId as string | null) ?? null,
          responsiblePost: (t.responsiblePost as string | null) ?? null,
          weight: (t.weight as number | null) ?? null,
          acceptanceCriterion: (t.acceptance as string | null) ?? null,
        })),
    })),
    indicators: d.indicators.map((i) => ({
      id: i.id as string,
      taskId: (i.taskId as string | null) ?? null,
      target: i.target as number,
    })),
  };
}
