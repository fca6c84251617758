import { isoDateOfDay, parseIsoDate } from "../../vocabulary/dates.js";
import type { CalendarSpec, DayNumber } from "../calendar/types.js";
import { validateCalendarSpec } from "../calendar/validate-calendar-spec.js";
import { isRecord, Problems, shown } from "./problems.js";
import { type DependencyArrays, readDependencies } from "./read-dependencies.js";
import { readTasks, type TaskArrays } from "./read-tasks.js";
import type { ScheduleOptions } from "./types.js";

/** A checked schedule file: struct-of-arrays plus the project's dates as day numbers. */
export interface ScheduleInput {
  readonly calendar: CalendarSpec | undefined;
  readonly projectStart: DayNumber;
  readonly deadline: DayNumber | undefined;
  readonly statusDate: DayNumber | undefined;
  readonly tasks: TaskArrays;
  readonly deps: DependencyArrays;
  /** Earliest and latest date mentioned anywhere (the calendar's first window). */
  readonly minDay: DayNumber;
  readonly maxDay: DayNumber;
  /**
   * False when the dates plus every duration and lag could leave 0001…9999: the computed dates are
   * then checked after the passes (`outOfRange` in schedule.ts). A coarse bound (the sum over all
   * tasks) refused a million parallel tasks that end in months.
   */
  readonly rangeSafe: boolean;
}

export const FIRST_DAY = parseIsoDate("0001-01-01")!;
export const LAST_DAY = parseIsoDate("9999-12-31")!;
/** Days the calendar's first window reaches beyond the file's dates (schedule.ts). */
export const WINDOW_MARGIN = 14;

function topDate(
  file: Record<string, unknown>,
  field: string,
  p: Problems,
  required = false,
): DayNumber | undefined {
  const v = file[field];
  if (v === undefined || v === null) {
    if (required) p.add("BAD_DATE", field, `${field}: missing (a YYYY-MM-DD date is required)`);
    return undefined;
  }
  const day = parseIsoDate(v);
  if (day === undefined) p.add("BAD_DATE", field, `${field}: not a valid YYYY-MM-DD date: ${shown(v)}`);
  return day;
}

/** Tasks and dependencies already read and checked (read-schedule-bytes.ts), with their dates' range. */
export interface PreRead {
  readonly tasks: TaskArrays;
  readonly deps: DependencyArrays;
  readonly minDay: number;
  readonly maxDay: number;
}

/**
 * Checks a schedule file and turns it into arrays in linear time; the second element lists every
 * problem found (at most 100), and the input is usable only when that list is empty. With `pre`,
 * the file's lists stand for those arrays (only its other fields are read).
 */
export function readScheduleInput(
  file: unknown,
  options: ScheduleOptions = {},
  pre?: PreRead,
): [ScheduleInput | undefined, Problems] {
  const p = new Problems();
  if (!isRecord(file)) {
    p.add("BAD_FILE", "", `the schedule file must be a JSON object, got ${shown(file)}`);
    return [undefined, p];
  }
  for (const d of validateCalendarSpec(file.calendar))
    p.add("BAD_CALENDAR", d.path, `${d.path}: ${d.message}`);
  const projectStart = topDate(file, "projectStart", p, true);
  const deadline = topDate(file, "deadline", p);
  const statusDate =
    options.statusDate === null
      ? undefined
      : topDate(
          options.statusDate === undefined ? file : { statusDate: options.statusDate },
          "statusDate",
          p,
        );
  if (projectStart !== undefined && deadline !== undefined && deadline < projectStart)
    p.add(
      "DEADLINE_BEFORE_START",
      "deadline",
      `deadline: ${file.deadline} is before projectStart ${file.projectStart}`,
    );
  if (!Array.isArray(file.tasks))
    p.add("BAD_FILE", "tasks", `tasks: must be a list of tasks, got ${shown(file.tasks)}`);
  const rawDeps = file.dependencies ?? [];
  if (!Array.isArray(rawDeps))
    p.add("BAD_FILE", "dependencies", `dependencies: must be a list, got ${shown(rawDeps)}`);
  if (projectStart === undefined || !Array.isArray(file.tasks)) return [undefined, p];
  const ctx = {
    projectStart,
    min: projectStart,
    max: Math.max(projectStart, deadline ?? projectStart, statusDate ?? projectStart),
  };
  if (statusDate !== undefined && statusDate < ctx.min) ctx.min = statusDate;
  if (pre) {
    ctx.min = Math.min(ctx.min, pre.minDay);
    ctx.max = Math.max(ctx.max, pre.maxDay);
  }
  const tasks = pre ? pre.tasks : readTasks(file.tasks, ctx, p);
  const deps = pre ? pre.deps : readDependencies(Array.isArray(rawDeps) ? rawDeps : [], tasks.index, p);
  // Every slot the passes compute lies within ±(date span + all durations + all lags): keep that
  // inside ±2^29 so the passes can use Int32Array with sentinels at ±2^30.
  if (ctx.max - ctx.min + tasks.totalDuration + deps.totalLag > 2 ** 29)
    p.add(
      "BAD_FILE",
      "tasks",
      "the schedule is too long: its dates, durations and lags span more than 500 million days",
    );
  // Dates print as four-digit years: the file's own dates (with the calendar's margin) must stay
  // within 0001-01-01 … 9999-12-31; so must the computed ones: surely so when the latest date plus
  // every duration and lag (working days, at most twice as many calendar days) fits, else checked
  // after the passes.
  const reach = 2 * (tasks.totalDuration + deps.totalLag);
  const fieldAt = (day: number) =>
    (["deadline", "statusDate", "projectStart"] as const).find((f) => parseIsoDate(file[f]) === day) ??
    "tasks";
  if (ctx.max + WINDOW_MARGIN > LAST_DAY)
    p.add(
      "DATE_OUT_OF_RANGE",
      fieldAt(ctx.max),
      `${fieldAt(ctx.max)}: the schedule would reach past 9999-12-31 (its latest date ${isoDateOfDay(ctx.max)} plus the tasks' durations and lags); use real dates`,
    );
  else if (ctx.min - WINDOW_MARGIN < FIRST_DAY)
    p.add(
      "DATE_OUT_OF_RANGE",
      fieldAt(ctx.min),
      `${fieldAt(ctx.min)}: the schedule would reach before 0001-01-01 (its earliest date ${isoDateOfDay(ctx.min)} less the tasks' durations and lags); use real dates`,
    );
  const rangeSafe = ctx.max + reach <= LAST_DAY && ctx.min - reach >= FIRST_DAY;
  const input: ScheduleInput = {
    calendar: file.calendar as CalendarSpec | undefined,
    projectStart,
    deadline,
    statusDate,
    tasks,
    deps,
    minDay: ctx.min,
    maxDay: ctx.max,
    rangeSafe,
  };
  return [p.list.length === 0 ? input : undefined, p];
}
