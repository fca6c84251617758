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
  readonly taskForces: Row[];
  readonly tasks: Row[];
  readonly indicators: Row[];
  readonly readings: Row[];
  readonly supervisionItems: Row[];
  readonly lastReports: Map<string, string>;
}

/** Reads everything the overview, lights, check and assessment need, in a handful of queries. */
export async function readClosedLoopData(
  db: Executor,
  ids: readonly string[] | null,
): Promise<ClosedLoopData> {
  // biome-ignore lint/suspicious/noExplicitAny: the query builder is generic over table names
  const scope = <Q extends { where: any }>(q: Q, column: string): Q =>
    ids ? q.where(column, "in", ids as string[]) : q;
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
  const taskForces = await toRecords(
    db,
    taskForceResource,
    await scope(db.selectFrom("task_forces").selectAll(), "id").orderBy("code").execute(),
  );
  const taskColumns = [
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
  // Only the columns the engines read: at a province's size the rest is megabytes of garbage.
  const taskRows = await scope(db.selectFrom("tasks").select([...taskColumns]), "taskForceId")
    .orderBy("taskForceId")
    .orderBy("code")
    .execute();
  const tasks = taskRows.map((r) => ({ ...r, critical: r.critical == null ? null : Boolean(r.critical) }));
  const indicators = await toRecords(
    db,
    indicatorResource,
    await scope(db.selectFrom("indicators").selectAll(), "taskForceId")
      .orderBy("taskForceId")
      .orderBy("code")
      .execute(),
  );
  let readingsQuery = db
    .selectFrom("indicator_readings")
    .selectAll()
    .orderBy("indicatorId")
    .orderBy("period");
  if (ids)
    readingsQuery = readingsQuery.where(
      "indicatorId",
      "in",
      db
        .selectFrom("indicators")
        .select("id")
        .where("taskForceId", "in", ids as string[]),
    );
  const readings = await readingsQuery.execute();
  const supervisionItems = await scope(db.selectFrom("supervision_items").selectAll(), "taskForceId")
    .orderBy("code")
    .execute();
  let reportQuery = db
    .selectFrom("progress_reports")
    .select(["taskId"])
    .select((eb) => eb.fn.max("reportDate").as("last"))
    .groupBy("taskId");
  if (ids) reportQuery = reportQuery.where("taskForceId", "in", ids as string[]);
  const lastReports = new Map(
    (await reportQuery.execute()).map((r) => [r.taskId as string, r.last as string]),
  );
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
