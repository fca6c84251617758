/**
 * The answer sheet's rows, read off the overview's computation: indicators with the overview's
 * figures and their turns, milestones, supervision items, the assessment. Pure: the service gathers
 * the records, these lay them out.
 */
import {
  type EntityScore,
  type IsoDate,
  type OverviewIndicator,
  trendHistory,
  trendTurns,
} from "../../engines/index.js";
import type {
  AnswerSheetIndicator,
  MilestoneOutcome,
  TaskForceAnswerSheet,
} from "../../shared/api/answer-sheet.js";
import { isConfirmedDone } from "../../vocabulary/index.js";
import { cascadeReadings } from "../closed-loop/closed-loop.input.js";
import type { ClosedLoopTask } from "../closed-loop/closed-loop.repository.js";
import type { OverviewComputation } from "../closed-loop/closed-loop.service.js";
import type { Indicator } from "../indicators/indicator.js";
import type { SupervisionItem } from "../supervision/supervision.js";

type Milestones = TaskForceAnswerSheet["milestones"];
type Supervision = TaskForceAnswerSheet["supervision"];
type Assessment = TaskForceAnswerSheet["assessment"];

/** A ratio in %, unrounded (a document rounds what it shows). */
const percentOf = (ratio: number | null) => (ratio === null ? null : ratio * 100);

/** An indicator as the engines read it (as closed-loop.input.ts hands it to the overview). */
const engineIndicator = (i: Indicator) => ({
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
});

/**
 * Lays out indicators with the overview's progress, light and trend, and the months their stage
 * turned to 止跌, 回升 or 转正 (walked with the overview's own rule). The computation's figures and
 * series are read once, here: the district's sheet asks for each of its task forces (thousands at
 * province size), and the cascade's roll-up costs as much as all of them.
 */
export function indicatorRowsOf(
  comp: OverviewComputation,
): (indicators: readonly Indicator[]) => AnswerSheetIndicator[] {
  const computed = new Map<string, OverviewIndicator>(comp.result.indicators.map((i) => [i.indicatorId, i]));
  // The series the overview measured: a parent indicator's is its shares' roll-up.
  const readingsOf = cascadeReadings(comp.data);
  return (indicators) =>
    indicators.map((i) => {
      const o = computed.get(i.id)!;
      const p = o.progress;
      // The overview is computed without indicator options or ε (closed-loop.service.ts): so is this.
      const history = trendHistory(engineIndicator(i), readingsOf.get(i.id) ?? [], comp.statusDate);
      return {
        id: i.id,
        taskForceId: i.taskForceId,
        code: i.code,
        name: i.name,
        unit: i.unit,
        kind: i.kind,
        direction: i.direction,
        baseline: i.baseline,
        target: i.target,
        actual: p.reading?.actual ?? null,
        actualPeriod: p.reading?.period ?? null,
        workProgress: p.workProgress,
        timeProgress: p.timeProgress,
        gap: p.gap,
        achievement: percentOf(p.achievement),
        light: p.light.color,
        trend: o.trend,
        turns: trendTurns(history),
      };
    });
}

/**
 * How a milestone stands at `statusDate`, by the assessment's rule (engines/scoring/assess.ts,
 * `milestoneOutcome`): done (confirmed) by its date or without a finish date → on time; done after
 * it → late; not done and its date passed → overdue; otherwise open (not yet due).
 */
export function milestoneOutcomeAt(t: ClosedLoopTask, statusDate: IsoDate): MilestoneOutcome {
  const date = t.deadline ?? t.baselineFinish;
  if (isConfirmedDone(t)) return !t.actualFinish || !date || t.actualFinish <= date ? "on-time" : "late";
  return date && date < statusDate ? "overdue" : "open";
}

/** The milestones (tasks of duration 0) among `tasks`, with their counts by outcome. */
export function milestoneRows(tasks: readonly ClosedLoopTask[], statusDate: IsoDate): Milestones {
  const items = tasks
    .filter((t) => t.duration === 0)
    .map((t) => ({
      id: t.id,
      code: t.code,
      title: t.title,
      date: t.deadline ?? t.baselineFinish,
      actualFinish: t.actualFinish,
      outcome: milestoneOutcomeAt(t, statusDate),
    }));
  return { ...milestoneCounts(items.map((m) => m.outcome)), items };
}

/** Counts of milestone outcomes. */
export function milestoneCounts(outcomes: readonly MilestoneOutcome[]): Omit<Milestones, "items"> {
  const n = (o: MilestoneOutcome) => outcomes.filter((x) => x === o).length;
  return {
    total: outcomes.length,
    onTime: n("on-time"),
    late: n("late"),
    overdue: n("overdue"),
    open: n("open"),
  };
}

/**
 * Supervision items raised in the status date's year up to it; closed when signed off (销号) by the
 * status date (an item signed off without a date counts as closed on time, as the assessment has it).
 */
export function supervisionRows(items: readonly SupervisionItem[], statusDate: IsoDate): Supervision {
  const yearStart = `${statusDate.slice(0, 4)}-01-01`;
  const rows = items
    .filter((s) => s.raisedOn >= yearStart && s.raisedOn <= statusDate)
    .map((s) => {
      const closed = s.state === "verified" && (!s.verifiedOn || s.verifiedOn <= statusDate);
      return {
        id: s.id,
        code: s.code,
        issue: s.issue,
        raisedOn: s.raisedOn,
        dueDate: s.dueDate,
        state: s.state,
        verifiedOn: s.verifiedOn,
        closedOnTime: closed ? !s.verifiedOn || s.verifiedOn <= s.dueDate : null,
      };
    });
  return { ...supervisionCounts(rows, statusDate), items: rows };
}

/** Counts of supervision rows: raised, closed, closed on time, open past due. */
export function supervisionCounts(
  rows: readonly Pick<Supervision["items"][number], "closedOnTime" | "dueDate">[],
  statusDate: IsoDate,
): Omit<Supervision, "items"> {
  return {
    raised: rows.length,
    closed: rows.filter((r) => r.closedOnTime !== null).length,
    closedOnTime: rows.filter((r) => r.closedOnTime === true).length,
    overdue: rows.filter((r) => r.closedOnTime === null && r.dueDate < statusDate).length,
  };
}

/** A task force's score, rank among `of` task forces, and the components, as the assessment gives them. */
export function assessmentRow(score: EntityScore | undefined, of: number): Assessment {
  const c = (k: "milestones" | "indicators" | "supervision") => {
    const x = score?.components[k];
    return { ratio: x?.ratio ?? null, met: x?.met ?? 0, counted: x?.counted ?? 0 };
  };
  return {
    score: score?.score ?? null,
    rank: score?.rank ?? null,
    of,
    components: { milestones: c("milestones"), indicators: c("indicators"), supervision: c("supervision") },
    redLights: score?.redLights ?? 0,
    deducted: score?.deducted ?? 0,
  };
}
