/**
 * The weekly (or monthly) dispatch report (调度报告) the supervision office prints: per task force
 * and in total, lights now, what was finished in the round, what is overdue, what falls due next,
 * who did not report, supervision items that moved, indicators reported, and the key points.
 */

import type { IsoDate } from "../indicators/dates.js";
import { emptyTrendCounts } from "../indicators/trend.js";
import type { LightColor } from "../lights/light.js";
import { emptyCounts } from "../lights/lights-for.js";
import { cascadeDrags } from "./cascade-drags.js";
import { dispatchRounds } from "./dispatch-rounds.js";
import { keyPoints } from "./key-points.js";
import {
  indicatorEntries,
  reportedInRound,
  type SectionInput,
  supervisionLists,
  taskLists,
} from "./section.js";
import type {
  DispatchIndicator,
  DispatchInput,
  DispatchOptions,
  DispatchReport,
  DispatchSection,
  DispatchSummary,
  DispatchSupervisionItem,
  DispatchTask,
  DispatchTaskForce,
  GivenTaskLight,
} from "./types.js";

/**
 * Builds the dispatch report at `input.statusDate` from records and the lights engine's output
 * (reasons are passed through, never recomputed). Task forces are ordered by code, lists by WBS code;
 * records of task forces not in `input.taskForces` are ignored. Days overdue / left are working days
 * when a calendar is given, else calendar days (`dayUnit`).
 * Example: a task due 2022-08-12 (Fri), not done, at Monday 2022-08-15 with a Mon–Fri calendar is in
 * `overdue` with `daysOverdue: 1`.
 */
export function dispatchReport(input: DispatchInput, options: DispatchOptions = {}): DispatchReport {
  return dispatchReportOf(input, dispatchSections(input), options);
}

/**
 * The sections of `input.taskForces`, ordered by code: each from its own task force's records
 * alone, so a caller may keep a task force's section until those records change and put the report
 * together with {@link dispatchReportOf}.
 */
export function dispatchSections(input: DispatchInput): DispatchSection[] {
  const T = input.statusDate;
  const rounds = dispatchRounds(input.round, T);
  const calendar = input.calendar ?? null;
  const lightOf = new Map<string, GivenTaskLight>(input.taskLights.map((l) => [l.taskId, l]));
  const parents = new Set<string>();
  const codeOf = new Map<string, string>();
  for (const t of input.tasks) {
    if (t.parentId && t.parentId !== t.id) parents.add(t.parentId);
    codeOf.set(t.id, t.code);
  }
  const tasksOf = group<DispatchTask>(input.tasks);
  const itemsOf = group<DispatchSupervisionItem>(input.supervisionItems ?? []);
  const indicatorsOf = group<DispatchIndicator>(input.indicators ?? []);
  const reportedIndicators = reportedInRound(input.indicators ?? [], rounds.current);
  return [...input.taskForces].sort(byCode).map((tf) =>
    sectionOf(
      tf,
      {
        statusDate: T,
        rounds,
        calendar,
        tasks: tasksOf.get(tf.id) ?? [],
        lightOf,
        parents,
        codeOf,
        supervisionItems: itemsOf.get(tf.id) ?? [],
        indicators: indicatorsOf.get(tf.id) ?? [],
        reportedIndicators,
      },
      input.taskForceColors?.[tf.id] ?? null,
    ),
  );
}

const byCode = (a: { code: string; id: string }, b: { code: string; id: string }) =>
  a.code < b.code ? -1 : a.code > b.code ? 1 : a.id < b.id ? -1 : 1;

/**
 * The report from its task forces' sections (in any order; each {@link dispatchSections} of its own
 * task force's records): the total, the key points and the cascade over `input.indicators` (every
 * indicator, district-level ones too). Equal to `dispatchReport(input)` when the sections are
 * those of `input.taskForces` and no task force's records refer to another's (a task's parent, an
 * indicator's share).
 */
export function dispatchReportOf(
  input: Pick<DispatchInput, "statusDate" | "round" | "calendar" | "indicators">,
  sections: readonly DispatchSection[],
  options: DispatchOptions = {},
): DispatchReport {
  const T = input.statusDate;
  const taskForces = [...sections].sort((a, b) =>
    byCode({ code: a.code, id: a.taskForceId }, { code: b.code, id: b.taskForceId }),
  );
  const dayUnit = input.calendar ? "workdays" : "calendar-days";
  return {
    statusDate: T as IsoDate,
    rounds: dispatchRounds(input.round, T),
    dayUnit,
    total: sumSummaries(taskForces.map((s) => s.summary)),
    taskForces,
    keyPoints: keyPoints(taskForces, dayUnit, options.maxKeyPoints ?? 10),
    cascade: cascadeDrags(input.indicators ?? []),
  };
}

function sectionOf(tf: DispatchTaskForce, s: SectionInput, color: LightColor | null): DispatchSection {
  const section = {
    taskForceId: tf.id,
    code: tf.code,
    name: tf.name,
    color,
    ...taskLists(s),
    supervision: supervisionLists(s),
    indicators: indicatorEntries(s),
  };
  return { ...section, summary: summarise(section, s.tasks, s.lightOf) };
}

/** Records by task force; those of none (district-level indicators) are in no section. */
function group<T extends { readonly taskForceId: string | null }>(xs: readonly T[]): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of xs) {
    if (x.taskForceId === null) continue;
    const list = m.get(x.taskForceId);
    if (list) list.push(x);
    else m.set(x.taskForceId, [x]);
  }
  return m;
}

function summarise(
  s: Omit<DispatchSection, "summary">,
  tasks: readonly DispatchTask[],
  lightOf: ReadonlyMap<string, GivenTaskLight>,
): DispatchSummary {
  const taskCounts = emptyCounts();
  // A task the lights engine did not light counts grey (not yet due), as its entry shows.
  for (const t of tasks) taskCounts[lightOf.get(t.id)?.color ?? "grey"]++;
  const indicatorCounts = emptyCounts();
  const trends = emptyTrendCounts();
  for (const i of s.indicators) {
    indicatorCounts[i.color]++;
    trends[i.trend]++;
  }
  return {
    tasks: tasks.length,
    taskCounts,
    indicatorCounts,
    completed: s.completed.length,
    due: s.due.length,
    overdue: s.overdue.length,
    noReport: s.noReport.length,
    red: s.red.length,
    yellow: s.yellow.length,
    supervision: {
      raised: s.supervision.raised.length,
      submitted: s.supervision.submitted.length,
      verified: s.supervision.verified.length,
      overdue: s.supervision.overdue.length,
    },
    indicators: s.indicators.length,
    indicatorsReported: s.indicators.filter((i) => i.reportedInRound).length,
    trends,
  };
}

/** The sum of summaries, field by field. */
export function sumSummaries(list: readonly DispatchSummary[]): DispatchSummary {
  const add = (a: Record<string, number>, b: Readonly<Record<string, number>>) => {
    for (const k of Object.keys(b)) a[k] = (a[k] ?? 0) + b[k]!;
  };
  const taskCounts: Record<LightColor, number> = emptyCounts();
  const indicatorCounts: Record<LightColor, number> = emptyCounts();
  const trends = emptyTrendCounts();
  const supervision = { raised: 0, submitted: 0, verified: 0, overdue: 0 };
  const n = { tasks: 0, completed: 0, due: 0, overdue: 0, noReport: 0, red: 0, yellow: 0 };
  const ind = { indicators: 0, indicatorsReported: 0 };
  for (const s of list) {
    add(taskCounts, s.taskCounts);
    add(indicatorCounts, s.indicatorCounts);
    add(trends, s.trends);
    add(supervision, s.supervision);
    for (const k of Object.keys(n) as (keyof typeof n)[]) n[k] += s[k];
    ind.indicators += s.indicators;
    ind.indicatorsReported += s.indicatorsReported;
  }
  return { ...n, taskCounts, indicatorCounts, supervision, ...ind, trends };
}
