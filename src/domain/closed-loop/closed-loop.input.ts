import {
  type AssessTask,
  buildWorkCalendar,
  type CalendarSpec,
  type CheckInput,
  type IsoDate,
  type LightIndicator,
  type LightsCalendar,
  type LightTask,
  type OverviewInput,
  type Reading,
  rollUp,
  type SupervisionDue,
} from "../../engines/index.js";
import type { TaskSchedule } from "../tasks/task.js";
import type { ClosedLoopData, ClosedLoopTask } from "./closed-loop.repository.js";

/**
 * Records → the engines' overview input at a status date, with each task's computed schedule.
 * `given` may hold what the caller already has: each indicator's monthly series (default:
 * {@link cascadeReadings} of the records) and the calendar built for the status date's year.
 */
export function overviewInputOf(
  calendarSpec: CalendarSpec,
  d: Pick<
    ClosedLoopData,
    "taskForces" | "tasks" | "indicators" | "readings" | "supervisionItems" | "lastReports"
  >,
  statusDate: IsoDate,
  schedules: ReadonlyMap<string, TaskSchedule>,
  given: { readingsOf?: ReadonlyMap<string, readonly Reading[]>; calendar?: LightsCalendar } = {},
): OverviewInput {
  const readingsOf = given.readingsOf ?? cascadeReadings(d);
  const calendar =
    given.calendar ?? buildWorkCalendar(calendarSpec, { origin: `${statusDate.slice(0, 4)}-01-01` });
  const supervisionByTask = new Map<string, SupervisionDue[]>();
  for (const s of d.supervisionItems) {
    if (!s.taskId) continue;
    const list = supervisionByTask.get(s.taskId) ?? [];
    list.push({ id: s.id, code: s.code, dueDate: s.dueDate, state: s.state });
    supervisionByTask.set(s.taskId, list);
  }
  // One literal per task (a spread of a built one cost twice the time at 50,000 tasks).
  const tasks = d.tasks.map((t): LightTask & AssessTask => {
    const s = schedules.get(t.id);
    return {
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
      duration: t.duration,
      isMilestone: t.duration === 0,
      responsibleUnitId: t.responsibleUnitId,
      responsiblePersonId: t.responsiblePersonId,
    };
  });
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
    supervisionItems: supervisionInputOf(d.supervisionItems),
  };
}

/** Supervision items → the assessment's. */
export const supervisionInputOf = (items: ClosedLoopData["supervisionItems"]) =>
  items.map((s) => ({
    id: s.id,
    taskId: s.taskId,
    taskForceId: s.taskForceId,
    dueDate: s.dueDate,
    state: s.state,
    verifiedDate: s.verifiedOn,
  }));

/** One task force's records, or (key "") the district-level indicators'. */
export interface TaskForceShare
  extends Pick<ClosedLoopData, "taskForces" | "tasks" | "indicators" | "readings" | "supervisionItems"> {}

/** Rows by their task force, in the order given. */
export function groupByTaskForce<R extends { readonly taskForceId: string }>(
  rows: readonly R[],
): Map<string, R[]> {
  const out = new Map<string, R[]>();
  for (const r of rows) {
    const list = out.get(r.taskForceId);
    if (list) list.push(r);
    else out.set(r.taskForceId, [r]);
  }
  return out;
}

/** The first index in `rows` (sorted by `key`, byte-wise) whose key is not below `value`. */
function lowerBound<R>(rows: readonly R[], key: (r: R) => string, value: string, from = 0): number {
  let lo = from;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (key(rows[mid]!) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The rows of `rows` (sorted by `key`) whose key is `value`, found by bisection. */
function rangeOf<R>(rows: readonly R[], key: (r: R) => string, value: string): readonly R[] {
  const from = lowerBound(rows, key, value);
  let to = from;
  while (to < rows.length && key(rows[to]!) === value) to++;
  return rows.slice(from, to);
}

const taskForceOfTask = (t: ClosedLoopTask) => t.taskForceId;
const taskForceOfIndicator = (i: ClosedLoopData["indicators"][number]) => i.taskForceId ?? "";
const indicatorOfReading = (r: ClosedLoopData["readings"][number]) => r.indicatorId;

/**
 * The keys of the records' shares in the order of the whole lists: "" (the district-level
 * indicators) first, then the task forces by id, as tasks and indicators are sorted
 * (`CLOSED_LOOP_ORDER`). So the shares' tasks and indicators taken in turn are the records'.
 */
export function shareKeys(d: Pick<ClosedLoopData, "taskForces">): string[] {
  return ["", ...d.taskForces.map((f) => f.id).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))];
}

/**
 * One task force's records (`key` its id), or the district-level indicators' (`key` ""), taken from
 * the sorted lists by bisection, without reading every record. A task force's indicators roll up only
 * its own (a task-force indicator's parent is in its task force or at district level); the district's
 * cascades span task forces ({@link districtSeriesOf}).
 */
export function shareOf(d: ClosedLoopData, key: string, index: ShareIndex): TaskForceShare {
  const indicators = shareIndicators(d, key);
  const readings = indicators.flatMap((i) => rangeOf(d.readings, indicatorOfReading, i.id));
  return {
    taskForces: index.taskForces.get(key) ?? [],
    tasks: key === "" ? [] : rangeOf(d.tasks, taskForceOfTask, key),
    indicators,
    readings,
    supervisionItems: index.supervisionItems.get(key) ?? [],
  };
}

/** The indicators of one share (see {@link shareOf}). */
export const shareIndicators = (d: Pick<ClosedLoopData, "indicators">, key: string) =>
  rangeOf(d.indicators, taskForceOfIndicator, key);

/**
 * The district-level indicators' monthly series, rolled up from every indicator whose chain of
 * parents reaches one of them (the task forces' shares) and those indicators' readings.
 */
export function districtSeriesOf(d: Pick<ClosedLoopData, "indicators" | "readings">): Map<string, Reading[]> {
  const byId = new Map(d.indicators.map((i) => [i.id, i]));
  const under = new Map<string, boolean>();
  const reaches = (id: string, depth: number): boolean => {
    const known = under.get(id);
    if (known !== undefined) return known;
    const i = byId.get(id);
    const parent = i?.parentId ? byId.get(i.parentId) : undefined;
    const yes =
      i !== undefined &&
      (i.taskForceId === null || (!!parent && depth < 64 && reaches(parent.id, depth + 1)));
    under.set(id, yes);
    return yes;
  };
  const cascade = d.indicators.filter((i) => reaches(i.id, 0));
  const ids = new Set(cascade.map((i) => i.id));
  return cascadeReadings({ indicators: cascade, readings: d.readings.filter((r) => ids.has(r.indicatorId)) });
}

/** The records {@link shareOf} finds by task force id, not by bisection (task forces, supervision items). */
export interface ShareIndex {
  readonly taskForces: ReadonlyMap<string, ClosedLoopData["taskForces"]>;
  readonly supervisionItems: ReadonlyMap<string, ClosedLoopData["supervisionItems"]>;
}

export function shareIndexOf(d: Pick<ClosedLoopData, "taskForces" | "supervisionItems">): ShareIndex {
  const supervisionItems = new Map<string, ClosedLoopData["supervisionItems"][number][]>();
  for (const s of d.supervisionItems) {
    const list = supervisionItems.get(s.taskForceId ?? "");
    if (list) list.push(s);
    else supervisionItems.set(s.taskForceId ?? "", [s]);
  }
  return { taskForces: new Map(d.taskForces.map((f) => [f.id, [f]])), supervisionItems };
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
