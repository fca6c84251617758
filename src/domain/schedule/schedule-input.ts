import type { CalendarSpec, IsoDate, ScheduleFile, ScheduleTaskInput } from "../../engines/index.js";
import type { Row } from "../resource/resource-def.js";

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
  taskForce: Row,
  tasks: readonly Row[],
  dependencies: readonly Row[],
  calendar: CalendarSpec,
  statusDate: IsoDate,
): { file: ScheduleFile; skipped: SkippedTask[] } {
  const children = new Map<string, Row[]>();
  for (const t of tasks) {
    if (!t.parentId) continue;
    const list = children.get(t.parentId as string) ?? [];
    list.push(t);
    children.set(t.parentId as string, list);
  }
  const included = new Map<string, boolean>();
  const include = (t: Row): boolean => {
    const id = t.id as string;
    const known = included.get(id);
    if (known !== undefined) return known;
    const kids = children.get(id);
    const result = kids ? kids.map(include).some(Boolean) : t.duration != null;
    included.set(id, result);
    return result;
  };
  const skipped: SkippedTask[] = [];
  const rows: ScheduleTaskInput[] = [];
  for (const t of tasks) {
    if (!include(t)) {
      if (!children.has(t.id as string))
        skipped.push({ taskId: t.id as string, code: t.code as string, reason: "no_duration" });
      continue;
    }
    rows.push(taskInput(t, children.has(t.id as string), statusDate));
  }
  const deps = dependencies
    .filter((d) => included.get(d.predecessorId as string) && included.get(d.successorId as string))
    .map((d) => ({
      from: d.predecessorId as string,
      to: d.successorId as string,
      type: d.type as "FS",
      lag: d.lag as number,
    }));
  const starts = tasks.map((t) => t.baselineStart as string | null).filter((d): d is string => !!d);
  const projectStart =
    (taskForce.startDate as string | null) ?? (starts.length ? starts.sort()[0]! : statusDate);
  return {
    file: {
      calendar,
      projectStart,
      ...(taskForce.deadline ? { deadline: taskForce.deadline as string } : {}),
      statusDate,
      tasks: rows,
      dependencies: deps,
    },
    skipped,
  };
}

/** One task as the engine reads it: progress facts only for work that has begun. */
function taskInput(t: Row, summary: boolean, statusDate: IsoDate): ScheduleTaskInput {
  const base = {
    id: t.id as string,
    name: t.title as string,
    ...(summary ? {} : { duration: t.duration as number }),
    ...(t.parentId ? { parent: t.parentId as string } : {}),
    ...(t.deadline ? { deadline: t.deadline as string } : {}),
    ...(t.notBefore ? { notBefore: t.notBefore as string } : {}),
  };
  if (summary) return base;
  if (t.status === "done") {
    const finish = (t.actualFinish as string | null) ?? statusDate;
    const start = (t.actualStart as string | null) ?? finish;
    const earlier = [start, finish].sort()[0]!; // ISO dates compare as text
    return { ...base, actualStart: earlier, actualFinish: finish };
  }
  if (t.actualStart && (t.actualStart as string) <= statusDate) {
    return { ...base, actualStart: t.actualStart as string, percent: Math.min(99, t.percent as number) };
  }
  return base;
}
