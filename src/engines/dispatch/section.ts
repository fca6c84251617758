/**
 * One task force's part of the dispatch report: its task, supervision and indicator lists.
 */
import { isConfirmedDone } from "../../vocabulary/index.js";
import type { LightColor } from "../lights/light.js";
import { daysFrom, inWindow, sortByWbs } from "./dispatch-rounds.js";
import type {
  DispatchCalendar,
  DispatchIndicator,
  DispatchRounds,
  DispatchSupervisionItem,
  DispatchTask,
  GivenTaskLight,
  IndicatorEntry,
  LitEntry,
  SupervisionEntry,
  SupervisionLists,
  TaskEntry,
} from "./types.js";

/** What a section is built from: one task force's records, the lights, the windows. */
export interface SectionInput {
  readonly statusDate: string;
  readonly rounds: DispatchRounds;
  readonly calendar: DispatchCalendar | null;
  readonly tasks: readonly DispatchTask[];
  readonly lightOf: ReadonlyMap<string, GivenTaskLight>;
  /** Ids of tasks some task names as parent. */
  readonly parents: ReadonlySet<string>;
  readonly codeOf: ReadonlyMap<string, string>;
  readonly supervisionItems: readonly DispatchSupervisionItem[];
  readonly indicators: readonly DispatchIndicator[];
  /** Ids of indicators whose figure came in this round ({@link reportedInRound}). */
  readonly reportedIndicators: ReadonlySet<string>;
}

/** The task lists of a section: completed, due, overdue, no report, red, yellow. */
export function taskLists(s: SectionInput) {
  const T = s.statusDate;
  const tasks = sortByWbs(s.tasks);
  const entries = tasks.map((t) => entryOf(t, s.lightOf.get(t.id), s.parents.has(t.id)));
  const completed: TaskEntry[] = [];
  const due: (TaskEntry & { daysLeft: number })[] = [];
  const overdue: (TaskEntry & { daysOverdue: number })[] = [];
  const noReport: TaskEntry[] = [];
  const red: LitEntry[] = [];
  const yellow: LitEntry[] = [];
  const round = s.rounds.current;
  tasks.forEach((t, k) => {
    const e = entries[k]!;
    const done = isConfirmedDone(t);
    if (done && inWindow(t.actualFinish, round)) completed.push(e);
    if (!done && t.deadline && t.deadline < T)
      overdue.push({ ...e, daysOverdue: daysFrom(t.deadline, T, s.calendar) });
    if (!done && inWindow(t.deadline, s.rounds.due))
      due.push({ ...e, daysLeft: daysFrom(T, t.deadline!, s.calendar) });
    // The lights' NO_REPORT_THIS_ROUND rule, for every colour: work started in the round is exempt.
    if (!e.summary && t.status === "in_progress" && !inWindow(t.actualStart, round)) {
      if (!inWindow(t.lastReportDate, round)) noReport.push(e);
    }
    const light = s.lightOf.get(t.id);
    if (light && (light.color === "red" || light.color === "yellow")) {
      // A summary's CHILD_LIGHT reasons repeat its sub-tasks, which are listed themselves.
      const reasons = light.summary ? light.reasons.filter((r) => r.code !== "CHILD_LIGHT") : light.reasons;
      if (reasons.length) (light.color === "red" ? red : yellow).push({ ...e, reasons });
    }
  });
  return { completed, due, overdue, noReport, red, yellow };
}

function entryOf(t: DispatchTask, light: GivenTaskLight | undefined, summary: boolean): TaskEntry {
  return {
    taskId: t.id,
    taskForceId: t.taskForceId,
    code: t.code,
    title: t.title,
    summary,
    status: t.status,
    percent: t.percent,
    deadline: t.deadline ?? null,
    actualFinish: t.actualFinish ?? null,
    lastReportDate: t.lastReportDate ?? null,
    responsibleUnitId: t.responsibleUnitId ?? null,
    responsiblePersonId: t.responsiblePersonId ?? null,
    color: light?.color ?? ("grey" as LightColor),
  };
}

/** Supervision items raised, submitted, verified in the round, and those past due and not verified. */
export function supervisionLists(s: SectionInput): SupervisionLists {
  const T = s.statusDate;
  const round = s.rounds.current;
  const items = [...s.supervisionItems]
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : a.id < b.id ? -1 : 1))
    .map((i): SupervisionEntry => {
      const late = i.state !== "verified" && i.dueDate < T;
      return {
        id: i.id,
        code: i.code,
        taskForceId: i.taskForceId,
        taskId: i.taskId ?? null,
        taskCode: i.taskId ? (s.codeOf.get(i.taskId) ?? null) : null,
        state: i.state,
        issue: i.issue ?? "",
        raisedOn: i.raisedOn,
        submittedOn: i.submittedOn ?? null,
        verifiedOn: i.verifiedOn ?? null,
        dueDate: i.dueDate,
        daysOverdue: late ? daysFrom(i.dueDate, T, s.calendar) : null,
      };
    });
  return {
    raised: items.filter((i) => inWindow(i.raisedOn, round)),
    // Events of the round: an item submitted and then verified in the same week counts in both.
    submitted: items.filter((i) => inWindow(i.submittedOn, round)),
    verified: items.filter((i) => i.state === "verified" && inWindow(i.verifiedOn, round)),
    overdue: items.filter((i) => i.daysOverdue !== null),
  };
}

/** Indicators by code, each flagged when its latest reading was reported in the round. */
export function indicatorEntries(s: SectionInput): IndicatorEntry[] {
  return sortByWbs(s.indicators).map((i) => ({ ...i, reportedInRound: s.reportedIndicators.has(i.id) }));
}

/**
 * Indicators whose figure came in the current round: a reading entered in it, or (for an indicator
 * whose figure its shares make, 层层衔接) a share's figure that came in it, at any depth. A parent
 * nobody reports is not counted as missing its report.
 */
export function reportedInRound(
  indicators: readonly DispatchIndicator[],
  round: DispatchRounds["current"],
): Set<string> {
  const children = new Map<string, DispatchIndicator[]>();
  for (const i of indicators) {
    if (!i.parentId) continue;
    const list = children.get(i.parentId);
    if (list) list.push(i);
    else children.set(i.parentId, [i]);
  }
  const memo = new Map<string, boolean>();
  const reported = (i: DispatchIndicator, depth: number): boolean => {
    const known = memo.get(i.id);
    if (known !== undefined) return known;
    memo.set(i.id, false); // a parent cycle (refused on write) ends here
    const own = !!i.reading && inWindow(i.reportedOn, round);
    const yes = own || (depth < 64 && (children.get(i.id) ?? []).some((c) => reported(c, depth + 1)));
    memo.set(i.id, yes);
    return yes;
  };
  return new Set(indicators.filter((i) => reported(i, 0)).map((i) => i.id));
}
