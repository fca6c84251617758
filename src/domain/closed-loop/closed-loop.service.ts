import {
  type AssessmentWeights,
  buildWorkCalendar,
  type CheckResult,
  checkFiveIzation,
  type DispatchRound,
  type IsoDate,
  type Light,
  type LightThresholds,
  lightsFor,
  type Overview,
  overview,
} from "../../engines/index.js";
import type { Settings } from "../../shared/api/settings.js";
import { readScope } from "../accounts/scope.js";
import { tasksByIndicator } from "../cascade/cascade.repository.js";
import { unansweredDeductions } from "../chasing/chase-counts.js";
import { readerOf, type ServiceContext } from "../context.js";
import type { Goal } from "../goals/goal.js";
import { allGoals } from "../goals/goal.repository.js";
import { RevisionMemo } from "../read-cache.js";
import { memoReadModel } from "../read-model.js";
import { reminderSettingsOf } from "../reminders/reminder.service.js";
import { schedulesOf, taskSchedulesOf } from "../schedule/schedule-read-model.js";
import {
  calendarOf,
  cascadeToleranceOf,
  organisationSettings,
  statusDateOf,
} from "../settings/settings.service.js";
import { checkInputOf, overviewInputOf } from "./closed-loop.input.js";
import { type ClosedLoopView, closedLoopData } from "./closed-loop.snapshot.js";

/** Assessment points off per 催办 left unanswered past the owner's grace, unless settings say otherwise. */
export const DEFAULT_UNANSWERED_DEDUCTION = 0.5;

/** The organisation's closed-loop settings (stored under the keys `lights` and `assessment`). */
export interface ClosedLoopSettings {
  readonly thresholds: Partial<LightThresholds>;
  readonly dispatchRound: DispatchRound;
  readonly weights: Partial<AssessmentWeights>;
}

/** The light thresholds, dispatch round and assessment weights of the settings. */
export const closedLoopSettingsOf = (s: Settings): ClosedLoopSettings => ({
  thresholds: s.lights.thresholds,
  dispatchRound: s.lights.dispatchRound,
  weights: s.assessment.weights,
});

/** The engines' overview and the records it was computed from. */
export interface OverviewComputation {
  readonly statusDate: IsoDate;
  readonly data: ClosedLoopView;
  readonly result: Overview;
  readonly goals: Goal[];
}

/** The records, settings and per-task schedules the lights of some task forces need, at a status date. */
async function lightsInput(ctx: ServiceContext, ids: readonly string[] | null, statusDate?: IsoDate) {
  const settings = await organisationSettings(ctx);
  const at = statusDate ?? statusDateOf(settings, new Date(ctx.now()));
  const data = await closedLoopData(ctx, ids);
  const schedules = taskSchedulesOf(await schedulesOf(ctx, data, at));
  const deductions = await unansweredDeductions(readerOf(ctx), {
    taskForceIds: data.taskForces.map((f) => f.id),
    statusDate: at,
    calendar: buildWorkCalendar(calendarOf(settings), { origin: `${at.slice(0, 4)}-01-01` }),
    grace: reminderSettingsOf(settings).grace.owner,
    points: settings.reminders.unansweredDeduction ?? DEFAULT_UNANSWERED_DEDUCTION,
  });
  const input = { ...overviewInputOf(calendarOf(settings), data, at, schedules), deductions };
  return { statusDate: at, data, input, settings: closedLoopSettingsOf(settings) };
}

/**
 * Lights, indicator progress and trends, scores and ranks for every task force the caller may read
 * (or those of `taskForceIds` among them), at `statusDate` (default: the organisation's).
 */
export async function computeOverview(
  ctx: ServiceContext,
  options: { statusDate?: IsoDate; taskForceIds?: readonly string[] } = {},
): Promise<OverviewComputation> {
  // Within a write the data may be ahead of the recorded revision: never kept.
  if (options.taskForceIds || ctx.uow) return overviewOf(ctx, options);
  let memo = kept.get(ctx.database);
  if (!memo) {
    memo = new RevisionMemo(4);
    kept.set(ctx.database, memo);
  }
  return memoReadModel(ctx, memo, { name: "overview-computation", statusDate: options.statusDate }, (at) =>
    overviewOf(ctx, { statusDate: at }),
  );
}

/**
 * The whole overview per data revision, status date and reader scope: the overview, its summary and
 * pages, the dispatch report and the answer sheet of one revision share one computation.
 */
const kept = new WeakMap<object, RevisionMemo<OverviewComputation>>();

async function overviewOf(
  ctx: ServiceContext,
  options: { statusDate?: IsoDate; taskForceIds?: readonly string[] },
): Promise<OverviewComputation> {
  const { statusDate, data, input, settings } = await lightsInput(
    ctx,
    readScope(ctx, options.taskForceIds),
    options.statusDate,
  );
  const result = overview(input, {
    lights: { thresholds: settings.thresholds, dispatchRound: settings.dispatchRound },
    assessment: { weights: settings.weights },
  });
  return { statusDate, data, result, goals: await allGoals(readerOf(ctx)) };
}

/** Lights of tasks and task forces (without scores), keyed by id: what the battle map colours. */
export async function lightsById(
  ctx: ServiceContext,
  taskForceIds: readonly string[] | null,
  statusDate: IsoDate,
): Promise<{ tasks: Record<string, Light>; taskForces: Record<string, Light> }> {
  // The reader's whole scope outside a write: the overview's lights, computed once per revision
  // for every page that reads them (a province's lights take a second).
  const lights =
    !ctx.uow && sameScope(taskForceIds, readScope(ctx))
      ? (await computeOverview(ctx, { statusDate })).result.lights
      : await lightsOf(ctx, taskForceIds, statusDate);
  const pick = (l: Light): Light => ({ color: l.color, reasons: l.reasons });
  return {
    tasks: Object.fromEntries(lights.tasks.map((l) => [l.taskId, pick(l)])),
    taskForces: Object.fromEntries(lights.taskForces.map((l) => [l.taskForceId, pick(l)])),
  };
}

async function lightsOf(ctx: ServiceContext, taskForceIds: readonly string[] | null, statusDate: IsoDate) {
  const { input, settings } = await lightsInput(ctx, taskForceIds, statusDate);
  return lightsFor(input, statusDate, {
    thresholds: settings.thresholds,
    dispatchRound: settings.dispatchRound,
  });
}

const sameScope = (a: readonly string[] | null, b: readonly string[] | null) =>
  a === b || (a !== null && b !== null && a.length === b.length && a.every((id, i) => id === b[i]));

/** The five-ization check over the task forces the caller may read. */
export async function runFiveIzationCheck(ctx: ServiceContext): Promise<CheckResult> {
  const data = await closedLoopData(ctx, readScope(ctx));
  const linked = await tasksByIndicator(readerOf(ctx));
  return checkFiveIzation({
    ...checkInputOf(data),
    linkedIndicatorIds: new Set(linked.keys()),
    cascadeTolerance: cascadeToleranceOf(await organisationSettings(ctx)),
  });
}

/** Ids of tasks (or task forces) whose light is one of `colors`, within the caller's scope. */
export async function idsWithLight(
  ctx: ServiceContext,
  kind: "tasks" | "task-forces",
  colors: readonly string[],
): Promise<string[]> {
  const statusDate = statusDateOf(await organisationSettings(ctx), new Date(ctx.now()));
  const lights = await lightsById(ctx, readScope(ctx), statusDate);
  const table = kind === "tasks" ? lights.tasks : lights.taskForces;
  return Object.entries(table)
    .filter(([, l]) => colors.includes(l.color))
    .map(([id]) => id);
}
