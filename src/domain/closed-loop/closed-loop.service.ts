import {
  type AssessmentWeights,
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
import { readFilter } from "../accounts/access.js";
import type { ServiceContext } from "../context.js";
import { goalResource } from "../goals/goal.resource.js";
import { toRecords } from "../resource/resource.service.js";
import type { Row } from "../resource/resource-def.js";
import { getSetting } from "../settings/settings.repository.js";
import { organisationStatusDate } from "../settings/settings.service.js";
import { taskForceResource } from "../task-forces/task-force.resources.js";
import { type ClosedLoopData, checkInputOf, overviewInputOf } from "./closed-loop.input.js";
import { closedLoopData } from "./closed-loop.snapshot.js";

/** The organisation's closed-loop settings (stored under the keys `lights` and `assessment`). */
export interface ClosedLoopSettings {
  readonly thresholds: Partial<LightThresholds>;
  readonly dispatchRound: DispatchRound;
  readonly weights: Partial<AssessmentWeights>;
}

/** Reads the light thresholds, dispatch round and assessment weights (defaults where unset). */
export async function closedLoopSettings(ctx: ServiceContext): Promise<ClosedLoopSettings> {
  const db = ctx.trx ?? ctx.database.db;
  const lights =
    (await getSetting<{ thresholds?: Partial<LightThresholds>; dispatchRound?: DispatchRound }>(
      db,
      "lights",
    )) ?? {};
  const assessment = (await getSetting<{ weights?: Partial<AssessmentWeights> }>(db, "assessment")) ?? {};
  return {
    thresholds: lights.thresholds ?? {},
    dispatchRound: lights.dispatchRound ?? "weekly",
    weights: assessment.weights ?? {},
  };
}

/** Task forces the caller may read (null: all). */
async function scopeOf(ctx: ServiceContext, only?: readonly string[]): Promise<string[] | null> {
  const filter = await readFilter(ctx, ctx.trx ?? ctx.database.db, taskForceResource);
  let ids = filter?.id ? [...filter.id] : null;
  if (only) ids = ids ? ids.filter((x) => only.includes(x)) : [...only];
  return ids;
}

/** The engines' overview and the records it was computed from. */
export interface OverviewComputation {
  readonly statusDate: IsoDate;
  readonly data: ClosedLoopData;
  readonly result: Overview;
  readonly goals: Row[];
}

/**
 * Lights, indicator progress and trends, scores and ranks for every task force the caller may read,
 * at `statusDate` (default: the organisation's status date).
 */
export async function computeOverview(
  ctx: ServiceContext,
  options: { statusDate?: IsoDate; taskForceIds?: readonly string[] } = {},
): Promise<OverviewComputation> {
  const db = ctx.trx ?? ctx.database.db;
  const statusDate = options.statusDate ?? (await organisationStatusDate(db, new Date(ctx.now())));
  const data = await closedLoopData(ctx, await scopeOf(ctx, options.taskForceIds));
  const settings = await closedLoopSettings(ctx);
  const input = await overviewInputOf(db, data, statusDate);
  const result = overview(input, {
    lights: { thresholds: settings.thresholds, dispatchRound: settings.dispatchRound },
    assessment: { weights: settings.weights },
  });
  const goals = await toRecords(
    db,
    goalResource,
    await db.selectFrom("goals").selectAll().orderBy("code").execute(),
  );
  return { statusDate, data, result, goals };
}

/** Lights of tasks and task forces (without scores), keyed by id: what the battle map colours. */
export async function lightsById(
  ctx: ServiceContext,
  taskForceIds: readonly string[] | null,
  statusDate: IsoDate,
): Promise<{ tasks: Record<string, Light>; taskForces: Record<string, Light> }> {
  const db = ctx.trx ?? ctx.database.db;
  const data = await closedLoopData(ctx, taskForceIds);
  const settings = await closedLoopSettings(ctx);
  const input = await overviewInputOf(db, data, statusDate);
  const lights = lightsFor(input, statusDate, {
    thresholds: settings.thresholds,
    dispatchRound: settings.dispatchRound,
  });
  const pick = (l: Light): Light => ({ color: l.color, reasons: l.reasons });
  return {
    tasks: Object.fromEntries(lights.tasks.map((l) => [l.taskId, pick(l)])),
    taskForces: Object.fromEntries(lights.taskForces.map((l) => [l.taskForceId, pick(l)])),
  };
}

/** The five-ization check over the task forces the caller may read. */
export async function runFiveIzationCheck(ctx: ServiceContext): Promise<CheckResult> {
  return checkFiveIzation(checkInputOf(await closedLoopData(ctx, await scopeOf(ctx))));
}

/** Ids of tasks (or task forces) whose light is one of `colors`, within the caller's scope. */
export async function idsWithLight(
  ctx: ServiceContext,
  kind: "tasks" | "task-forces",
  colors: readonly string[],
): Promise<string[]> {
  const db = ctx.trx ?? ctx.database.db;
  const statusDate = await organisationStatusDate(db, new Date(ctx.now()));
  const lights = await lightsById(ctx, await scopeOf(ctx), statusDate);
  const table = kind === "tasks" ? lights.tasks : lights.taskForces;
  return Object.entries(table)
    .filter(([, l]) => colors.includes(l.color))
    .map(([id]) => id);
}
