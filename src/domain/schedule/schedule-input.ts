import type { CalendarSpec, IsoDate, ScheduleFile, ScheduleTaskInput } from "../../engines/index.js";
import type { ClosedLoopDependency, ClosedLoopTask } from "../closed-loop/closed-loop.repository.js";
import type { TaskForce } from "../task-forces/task-force.js";

/** A task left out of a schedule run, and why (shown to the user; the five-ization check flags it too). */
export interface SkippedTask {
  readonly taskId: string;
  readonly code: string;
  readonly reason: "no_duration";
}

/**
 * A task force's plan as a schedule file. Leaf tasks without a duration cannot be placed in time:
 * they are left out (with summaries left without children, and dependencies touching them) and
 * listed, so the rest of the task force still gets its dates.
 */
export function scheduleFileOf(
  taskForce: Pick<TaskForce, "startDate" | "deadline">,
  tasks: readonly ClosedLoopTask[],
  dependencies: readonly ClosedLoopDependency[],
  calendar: CalendarSpec,
  statusDate: IsoDate,
): { file: ScheduleFile; skipped: SkippedTask[] } {
  const children = new Map<string, ClosedLoopTask[]>();
  for (const t of tasks) {
    if (!t.parentId) continue;
    const list = children.get(t.parentId) ?? [];
    list.push(t);
    children.set(t.parentId, list);
  }
  const included = new Map<string, boolean>();
  const include = (t: ClosedLoopTask): boolean => {
    const known = included.get(t.id);
    if (known !== undefined) return known;
    const kids = children.get(t.id);
    const result = kids ? kids.map(include).some(Boolean) : t.duration != null;
    included.set(t.id, result);
    return result;
  };
  const skipped: SkippedTask[] = [];
  const rows: ScheduleTaskInput[] = [];
  for (const t of tasks) {
    if (!include(t)) {
      if (!children.has(t.id)) skipped.push({ taskId: t.id, code: t.code, reason: "no_duration" });
      continue;
    }
    rows.push(taskInput(t, children.has(t.id), statusDate));
  }
  const deps = dependencies
    .filter((d) => included.get(d.predecessorId) && included.get(d.successorId))
    .map((d) => ({ from: d.predecessorId, to: d.successorId, type: d.type, lag: d.lag }));
  let projectStart = taskForce.startDate;
  for (const t of tasks)
    if (!taskForce.startDate && t.baselineStart && (!projectStart || t.baselineStart < projectStart))
      projectStart = t.baselineStart;
  return {
    file: {
      calendar,
      projectStart: projectStart ?? statusDate,
      ...(taskForce.deadline ? { deadline: taskForce.deadline } : {}),
      statusDate,
      tasks: rows,
      dependencies: deps,
    },
    skipped,
  };
}

/** One task as the engine reads it: progress facts only for work that has begun. */
function taskInput(t: ClosedLoopTask, summary: boolean, statusDate: IsoDate): ScheduleTaskInput {
  const base = {
    id: t.id,
    name: t.title,
    ...(summary || t.duration === null ? {} : { duration: t.duration }),
    ...(t.parentId ? { parent: t.parentId } : {}),
    ...(t.deadline ? { deadline: t.deadline } : {}),
    ...(t.notBefore ? { notBefore: t.notBefore } : {}),
  };
  if (summary) return base;
  if (t.status === "done") {
    const finish = t.actualFinish ?? statusDate;
    const start = t.actualStart ?? finish;
    // ISO dates sort as text.
    return { ...base, actualStart: [start, finish].sort()[0]!, actualFinish: finish };
  }
  if (t.actualStart && t.actualStart <= statusDate) {
    return { ...base, actualStart: t.actualStart, percent: Math.min(99, t.percent) };
  }
  return base;
}
