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
  type OverviewInput,
  type OverviewOptions,
  type OverviewPart,
  overview,
  overviewOfParts,
  overviewPart,
  type Reading,
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
import { schedulesOf, type TaskForceSchedule, taskSchedulesOf } from "../schedule/schedule-read-model.js";
import {
  calendarOf,
  cascadeToleranceOf,
  organisationSettings,
  statusDateOf,
} from "../settings/settings.service.js";
import {
  checkInputOf,
  districtSeriesOf,
  overviewInputOf,
  shareIndexOf,
  shareKeys,
  shareOf,
  supervisionInputOf,
} from "./closed-loop.input.js";
import { type ClosedLoopView, closedLoopData } from "./closed-loop.snapshot.js";
import { type KeptShares, keptSharesOf, shareStamp } from "./kept-shares.js";

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
  /** Each indicator's monthly series as the engines measured it (a parent's: its shares' roll-up). */
  readonly series: ReadonlyMap<string, readonly Reading[]>;
}

/** The records, settings and per-task schedules the lights of some task forces need, at a status date. */
async function lightsInput(ctx: ServiceContext, ids: readonly string[] | null, statusDate?: IsoDate) {
  const settings = await organisationSettings(ctx);
  const at = statusDate ?? statusDateOf(settings, new Date(ctx.now()));
  const data = await closedLoopData(ctx, ids);
  const schedules = taskSchedulesOf(await schedulesOf(ctx, data, at));
  const deductions = await deductionsOf(ctx, settings, data, at);
  const input = { ...overviewInputOf(calendarOf(settings), data, at, schedules), deductions };
  return { statusDate: at, data, input, settings: closedLoopSettingsOf(settings) };
}

/** Points off for 催办 left unanswered past the owner's grace, in the task forces of `data`. */
function deductionsOf(ctx: ServiceContext, settings: Settings, data: ClosedLoopView, at: IsoDate) {
  return unansweredDeductions(readerOf(ctx), {
    taskForceIds: data.taskForces.map((f) => f.id),
    statusDate: at,
    calendar: buildWorkCalendar(calendarOf(settings), { origin: `${at.slice(0, 4)}-01-01` }),
    grace: reminderSettingsOf(settings).grace.owner,
    points: settings.reminders.unansweredDeduction ?? DEFAULT_UNANSWERED_DEDUCTION,
  });
}

const overviewOptionsOf = (settings: ClosedLoopSettings): OverviewOptions => ({
  lights: { thresholds: settings.thresholds, dispatchRound: settings.dispatchRound },
  assessment: { weights: settings.weights },
});

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
  options: { statusDate?: IsoDate; taskForceIds?: readonly string[]; whole?: boolean },
): Promise<OverviewComputation> {
  const ids = readScope(ctx, options.taskForceIds);
  const settings = await organisationSettings(ctx);
  const at = options.statusDate ?? statusDateOf(settings, new Date(ctx.now()));
  const data = await closedLoopData(ctx, ids);
  const schedules = await schedulesOf(ctx, data, at);
  const deductions = await deductionsOf(ctx, settings, data, at);
  const engineOptions = overviewOptionsOf(closedLoopSettingsOf(settings));
  const split =
    options.whole || !data.dataStamps
      ? null
      : keptParts(
          ctx,
          settings,
          engineOptions,
          { data, stamps: data.dataStamps, narrowed: ids !== null },
          at,
          schedules,
        );
  const input = split
    ? { ...split.input, deductions }
    : { ...overviewInputOf(calendarOf(settings), data, at, taskSchedulesOf(schedules)), deductions };
  const result = split ? overviewOfParts(input, split.parts, engineOptions) : overview(input, engineOptions);
  const series = new Map((input.indicators ?? []).map((i) => [i.indicator.id, i.readings]));
  return { statusDate: at, data, result, goals: await allGoals(readerOf(ctx)), series };
}

/** The overview computed whole, without the kept parts: what the kept parts must add up to (tests). */
export function computeOverviewWhole(ctx: ServiceContext, options: { statusDate?: IsoDate } = {}) {
  return overviewOf(ctx, { ...options, whole: true });
}

/** One task force's share of the overview's input and its part. */
interface KeptPart {
  readonly input: OverviewInput;
  readonly part: OverviewPart;
}

/**
 * Each task force's part of the overview (its lights, indicator trends and forecasts), kept per
 * database until its records change (the snapshot's data stamps), so the overview after one change
 * recomputes one task force's part, not the 2,000 of a province. The district-level indicators' part
 * (key "") is kept until any indicator or reading changes: their cascades span task forces. Parts do
 * not depend on the reader (a narrowed view has the same records of a task force, and no district
 * part). Scores and ranks compare everyone and are computed over the whole input
 * (`overviewOfParts`), which the parts' inputs make up in order.
 */
const keptPartsOf = new WeakMap<object, KeptShares<KeptPart>>();

/** Parts computed and reused so far, and overviews that could not be made of parts (tests, diagnostics). */
export function overviewPartsStats(database: object): KeptShares<KeptPart>["stats"] {
  return { ...(keptPartsOf.get(database)?.stats ?? { computed: 0, reused: 0, unsplit: 0 }) };
}

function keptParts(
  ctx: ServiceContext,
  settings: Settings,
  options: OverviewOptions,
  view: { data: ClosedLoopView; stamps: ReadonlyMap<string, number>; narrowed: boolean },
  at: IsoDate,
  schedules: ReadonlyMap<string, TaskForceSchedule>,
): { input: OverviewInput; parts: OverviewPart[] } | null {
  const { data } = view;
  const kept = keptSharesOf(keptPartsOf, ctx.database);
  const calendar = calendarOf(settings);
  const key = JSON.stringify([at, calendar, options.lights]);
  const workCalendar = buildWorkCalendar(calendar, { origin: `${at.slice(0, 4)}-01-01` });
  const keys = shareKeys(data);
  const index = shareIndexOf(data);
  const none: TaskForceSchedule["tasks"] = new Map();
  const parts: OverviewPart[] = [];
  const tasks: OverviewInput["tasks"][] = [];
  const indicators: NonNullable<OverviewInput["indicators"]>[] = [];
  for (const tf of keys) {
    const entry = kept.get(tf, shareStamp(view, tf), key, () => {
      const share = shareOf(data, tf, index);
      const given = { calendar: workCalendar, ...(tf === "" ? { readingsOf: districtSeriesOf(data) } : {}) };
      const sched = schedules.get(tf)?.tasks ?? none;
      const input = overviewInputOf(calendar, { ...share, lastReports: data.lastReports }, at, sched, given);
      return { input, part: overviewPart(input, options) };
    });
    parts.push(entry.part);
    tasks.push(entry.input.tasks);
    indicators.push(entry.input.indicators ?? []);
  }
  if (!view.narrowed) kept.forgetGone(keys);
  const input: OverviewInput = {
    statusDate: at,
    calendar: workCalendar,
    taskForces: data.taskForces.map((f) => ({ id: f.id })),
    tasks: tasks.flat(),
    indicators: indicators.flat(),
    supervisionItems: supervisionInputOf(data.supervisionItems),
  };
  // Records of no task force in the view (none are): the parts would not add up to them.
  if (input.tasks.length !== data.tasks.length || input.indicators!.length !== data.indicators.length) {
    kept.stats.unsplit++;
    return null;
  }
  return { input, parts };
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
