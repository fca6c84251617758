/**
 * Assessment (考核): scores out of 100 for task forces, responsible units and persons, computed from
 * the record at a status date, and ranked.
 */

import { isConfirmedDone } from "../../vocabulary/index.js";
import type { IsoDate } from "../indicators/dates.js";
import { indicatorProgress } from "../indicators/progress.js";
import type { IndicatorProgress } from "../indicators/types.js";
import { rankEntities } from "./rank.js";
import {
  type AssessedKind,
  type AssessInput,
  type Assessment,
  type AssessmentWeights,
  type AssessOptions,
  type AssessSupervisionItem,
  type AssessTask,
  DEFAULT_ASSESSMENT_WEIGHTS,
  type EntityScore,
  type ScoreComponent,
} from "./types.js";

/** Counts gathered for one entity: met and counted per component. */
interface Tally {
  milestones: [met: number, counted: number];
  indicators: [met: number, counted: number];
  supervision: [met: number, counted: number];
  redLights: number;
  deducted: number;
}
const newTally = (): Tally => ({
  milestones: [0, 0],
  indicators: [0, 0],
  supervision: [0, 0],
  redLights: 0,
  deducted: 0,
});

/**
 * Scores and ranks task forces, units and persons at `input.statusDate` (T).
 * - Milestones (default 40): milestones (`isMilestone` or duration 0) dated on or before T, plus any
 *   already done; met when done and `actualFinish` ≤ its date (a done milestone without a finish date counts as met).
 * - Indicators (default 40): the mean of `indicatorProgress(...).achievement` (work over time progress,
 *   capped at 1); an indicator whose reading is due but missing counts 0; one not yet due is left out.
 * - Supervision (default 20): items past due (due date < T) or verified; met when verified by the due date.
 * A component with nothing to count yet is left out and its weight shared among the others in
 * proportion (so a task force is not rewarded or punished for what is not due); with nothing at all to
 * count, the score is `null` and the entity is ranked after all scored ones, without a rank.
 * Units and persons are scored from the tasks they are responsible for: those tasks' milestones,
 * the indicators linked to them (`indicator.taskId`) and their supervision items.
 * Indicator progress given with `input.lights.indicators[].progress` is reused (it must be for T).
 * Scores are rounded to 0.01 before ranking ({@link rankEntities}: ties broken by fewer red lights, then shared).
 */
export function assess(input: AssessInput, options: AssessOptions = {}): Assessment {
  const weights: AssessmentWeights = { ...DEFAULT_ASSESSMENT_WEIGHTS, ...options.weights };
  const T = input.statusDate;
  const forces = new Map<string, Tally>(input.taskForces.map((tf) => [tf.id, newTally()]));
  const units = new Map<string, Tally>();
  const persons = new Map<string, Tally>();
  // Index only the tasks that indicators and supervision items point to (not all 10^4–10^5 tasks).
  const taskById = new Map<string, AssessTask | undefined>();
  for (const i of input.indicators ?? []) if (i.indicator.taskId) taskById.set(i.indicator.taskId, undefined);
  for (const s of input.supervisionItems ?? []) if (s.taskId) taskById.set(s.taskId, undefined);
  if (taskById.size > 0) for (const t of input.tasks) if (taskById.has(t.id)) taskById.set(t.id, t);
  // Every tally a task's facts go to: its task force, its responsible unit and person (reused buffer).
  const buffer: Tally[] = [];
  const tallies = (task: AssessTask | undefined, taskForceId?: string | null): Tally[] => {
    buffer.length = 0;
    const tf = forces.get(task?.taskForceId ?? taskForceId ?? "");
    if (tf) buffer.push(tf);
    if (task?.responsibleUnitId) buffer.push(tallyOf(units, task.responsibleUnitId));
    if (task?.responsiblePersonId) buffer.push(tallyOf(persons, task.responsiblePersonId));
    return buffer;
  };
  for (const task of input.tasks) {
    const m = milestoneOutcome(task, T);
    if (m !== null) for (const t of tallies(task)) add(t.milestones, m ? 1 : 0);
    if (task.responsibleUnitId) tallyOf(units, task.responsibleUnitId);
    if (task.responsiblePersonId) tallyOf(persons, task.responsiblePersonId);
  }
  const known = new Map<string, IndicatorProgress>();
  for (const l of input.lights?.indicators ?? []) if (l.progress) known.set(l.indicatorId, l.progress);
  for (const { indicator, readings } of input.indicators ?? []) {
    const p = known.get(indicator.id) ?? indicatorProgress(indicator, readings, T, options.indicator);
    if (p.achievement === null && p.light.color === "grey") continue;
    const task = indicator.taskId ? taskById.get(indicator.taskId) : undefined;
    for (const t of tallies(task, indicator.taskForceId)) add(t.indicators, p.achievement ?? 0);
  }
  for (const item of input.supervisionItems ?? []) {
    const s = supervisionOutcome(item, T);
    if (s === null) continue;
    const task = item.taskId ? taskById.get(item.taskId) : undefined;
    for (const t of tallies(task, item.taskForceId)) add(t.supervision, s ? 1 : 0);
  }
  const taskLights = input.lights?.tasks ?? [];
  const aligned = taskLights.length === input.tasks.length; // as lightsFor returns them: same order
  let byId: Map<string, AssessTask> | null = null;
  for (let i = 0; i < taskLights.length; i++) {
    const l = taskLights[i]!;
    if (l.color !== "red" || l.summary) continue;
    let task: AssessTask | undefined = aligned ? input.tasks[i] : undefined;
    if (!task || task.id !== l.taskId) {
      byId ??= new Map(input.tasks.map((t) => [t.id, t]));
      task = byId.get(l.taskId);
    }
    for (const t of tallies(task)) t.redLights++;
  }
  const indicatorForce = new Map<string, string | null | undefined>();
  for (const i of input.indicators ?? []) indicatorForce.set(i.indicator.id, i.indicator.taskForceId);
  for (const l of input.lights?.indicators ?? []) {
    const tf = forces.get(indicatorForce.get(l.indicatorId) ?? "");
    if (l.color === "red" && tf) tf.redLights++;
  }
  // Points taken off (催办 left unanswered past grace), from the task force and the owner's unit and person.
  for (const d of input.deductions ?? []) {
    const tf = forces.get(d.taskForceId);
    if (tf) tf.deducted += d.points;
    if (d.unitId) tallyOf(units, d.unitId).deducted += d.points;
    if (d.personId) tallyOf(persons, d.personId).deducted += d.points;
  }
  const score = (kind: AssessedKind, map: Map<string, Tally>) =>
    rankEntities([...map].map(([id, tally]) => scoreOf(id, kind, tally, weights)));
  return {
    statusDate: T,
    weights,
    taskForces: score("task-force", forces),
    units: score("unit", units),
    persons: score("person", persons),
  };
}

/**
 * `true` met, `false` missed, `null` not counted (not a milestone, undated, or not yet due and not
 * done). A claimed completion is not done until confirmed; once confirmed, its reported finish counts.
 */
export function milestoneOutcome(task: AssessTask, statusDate: IsoDate): boolean | null {
  if (!(task.isMilestone || task.duration === 0) || !task.deadline) return null;
  const done = isConfirmedDone(task);
  if (!done && task.deadline >= statusDate) return null;
  return done && (!task.actualFinish || task.actualFinish <= task.deadline);
}

/** `true` verified by its due date, `false` late or still open past due, `null` not yet counted. */
export function supervisionOutcome(item: AssessSupervisionItem, statusDate: IsoDate): boolean | null {
  if (item.state === "verified") return !item.verifiedDate || item.verifiedDate <= item.dueDate;
  return item.dueDate < statusDate ? false : null;
}

function scoreOf(
  id: string,
  kind: AssessedKind,
  tally: Tally,
  weights: AssessmentWeights,
): Omit<EntityScore, "rank"> {
  const keys = ["milestones", "indicators", "supervision"] as const;
  const live = keys.filter((k) => tally[k][1] > 0);
  const liveWeight = live.reduce((s, k) => s + Math.max(0, weights[k]), 0);
  const component = (k: (typeof keys)[number]): ScoreComponent => {
    const [met, counted] = tally[k];
    const ratio = counted > 0 ? Math.min(1, Math.max(0, met / counted)) : null;
    const weight = ratio === null || liveWeight <= 0 ? 0 : (Math.max(0, weights[k]) / liveWeight) * 100;
    return { ratio, met, counted, weight, points: ratio === null ? 0 : weight * ratio };
  };
  const components = {
    milestones: component("milestones"),
    indicators: component("indicators"),
    supervision: component("supervision"),
  };
  const total =
    components.milestones.points +
    components.indicators.points +
    components.supervision.points -
    tally.deducted;
  const score =
    live.length === 0 || liveWeight <= 0 ? null : Math.min(100, Math.max(0, Math.round(total * 100) / 100));
  const deducted = Math.round(tally.deducted * 100) / 100;
  return { id, kind, score, components, redLights: tally.redLights, deducted };
}

function tallyOf(map: Map<string, Tally>, id: string): Tally {
  const known = map.get(id);
  if (known) return known;
  const fresh = newTally();
  map.set(id, fresh);
  return fresh;
}

function add(pair: [number, number], met: number): void {
  pair[0] += met;
  pair[1] += 1;
}
