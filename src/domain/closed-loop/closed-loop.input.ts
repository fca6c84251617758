import {
  buildWorkCalendar,
  type CalendarSpec,
  type CheckInput,
  type IsoDate,
  type LightIndicator,
  type LightTask,
  type OverviewInput,
  type Reading,
  rollUp,
  type SupervisionDue,
} from "../../engines/index.js";
import type { TaskSchedule } from "../tasks/task.js";
import type { ClosedLoopData, ClosedLoopTask } from "./closed-loop.repository.js";

/** Records → the engines' overview input at a status date, with each task's computed schedule. */
export function overviewInputOf(
  calendarSpec: CalendarSpec,
  d: ClosedLoopData,
  statusDate: IsoDate,
  schedules: ReadonlyMap<string, TaskSchedule>,
): OverviewInput {
  const calendar = buildWorkCalendar(calendarSpec, { origin: `${statusDate.slice(0, 4)}-01-01` });
  const supervisionByTask = new Map<string, SupervisionDue[]>();
  for (const s of d.supervisionItems) {
    if (!s.taskId) continue;
    const list = supervisionByTask.get(s.taskId) ?? [];
    list.push({ id: s.id, code: s.code, dueDate: s.dueDate, state: s.state });
    supervisionByTask.set(s.taskId, list);
  }
  const tasks = d.tasks.map((t) => {
    const s = schedules.get(t.id);
    const light: LightTask = {
      id: t.id,
      taskForceId: t.taskForceId,
      parentId: t.parentId,
      code: t.code,
      status: t.status,
      completion: t.completion,
      percent: t.percent,
      deadline: t.deadline,
      baselineStart: t.baselineStart,
      baselineFinish: t.baselineFinish,
      actualStart: t.actualStart,
      actualFinish: t.actualFinish,
      lateStart: s?.lateStart ?? null,
      totalFloat: s?.totalFloat ?? null,
      lastReportDate: d.lastReports.get(t.id) ?? null,
      supervision: supervisionByTask.get(t.id) ?? [],
    };
    return {
      ...light,
      duration: t.duration,
      isMilestone: t.duration === 0,
      responsibleUnitId: t.responsibleUnitId,
      responsiblePersonId: t.responsiblePersonId,
    };
  });
  const readingsOf = cascadeReadings(d);
  const indicators: LightIndicator[] = d.indicators.map((i) => ({
    indicator: {
      id: i.id,
      name: i.name,
      unit: i.unit,
      kind: i.kind,
      direction: i.direction,
      baseline: i.baseline ?? 0,
      target: i.target,
      year: i.year,
      taskForceId: i.taskForceId,
      ...(i.taskId ? { taskId: i.taskId } : {}),
      ...(i.monthlyPlan ? { monthlyPlan: i.monthlyPlan } : {}),
    },
    readings: readingsOf.get(i.id) ?? [],
  }));
  return {
    statusDate,
    calendar,
    taskForces: d.taskForces.map((f) => ({ id: f.id })),
    tasks,
    indicators,
    supervisionItems: d.supervisionItems.map((s) => ({
      id: s.id,
      taskId: s.taskId,
      taskForceId: s.taskForceId,
      dueDate: s.dueDate,
      state: s.state,
      verifiedDate: s.verifiedOn,
    })),
  };
}

/**
 * Each indicator's monthly series as the engines measure it: a leaf's own readings; an indicator with
 * shares (层层衔接) the roll-up of its children's actuals, where its own reading (e.g. the statistics
 * bureau's) wins in the months it has one. So a parent's actual is computed, never typed twice.
 */
export function cascadeReadings(d: Pick<ClosedLoopData, "indicators" | "readings">): Map<string, Reading[]> {
  const out = new Map<string, Reading[]>();
  for (const r of d.readings) {
    const list = out.get(r.indicatorId) ?? [];
    list.push({ period: r.period, actual: r.actual });
    out.set(r.indicatorId, list);
  }
  const parents = new Set<string>();
  for (const i of d.indicators) if (i.parentId) parents.add(i.parentId);
  if (parents.size === 0) return out;
  const months = [...new Set(d.readings.map((r) => r.period))].sort();
  const rolled = rollUp(d.indicators, d.readings, months);
  for (const id of parents) {
    const r = rolled.get(id);
    if (!r) continue;
    out.set(
      id,
      r.months.flatMap((m) => (m.actual === null ? [] : [{ period: m.period, actual: m.actual }])),
    );
  }
  return out;
}

/** Records → the five-ization check's input. */
export function checkInputOf(d: ClosedLoopData): CheckInput {
  const tasksOf = new Map<string, ClosedLoopTask[]>();
  for (const t of d.tasks) {
    const list = tasksOf.get(t.taskForceId) ?? [];
    list.push(t);
    tasksOf.set(t.taskForceId, list);
  }
  return {
    taskForces: d.taskForces.map((f) => ({
      id: f.id,
      code: f.code,
      name: f.name,
      goalIds: f.goalIds,
      leadLeaderId: f.leadLeaderId,
      leadUnitId: f.leadUnitId,
      tasks: (tasksOf.get(f.id) ?? []).map((t) => ({
        id: t.id,
        code: t.code,
        title: t.title,
        parentId: t.parentId,
        duration: t.duration,
        deadline: t.deadline,
        responsibleUnitId: t.responsibleUnitId,
        responsiblePersonId: t.responsiblePersonId,
        responsiblePost: t.responsiblePost,
        weight: t.weight,
        acceptanceCriterion: t.acceptance,
      })),
    })),
    indicators: d.indicators.map((i) => ({
      id: i.id,
      taskId: i.taskId,
      target: i.target,
      taskForceId: i.taskForceId,
      code: i.code,
      name: i.name,
      unit: i.unit,
      parentId: i.parentId,
      kind: i.kind,
      direction: i.direction,
      monthlyPlan: i.monthlyPlan,
      weight: i.weight,
      ownerPersonId: i.ownerPersonId,
    })),
  };
}
