import {
  buildWorkCalendar,
  CascadeError,
  type CascadeFinding,
  type CascadeIndicator,
  checkCascade,
  type IsoDate,
  type MonthlySplit,
  planAtMonthEnd,
  rollUp,
  splitMonthly,
  splitTarget,
  type TargetSplit,
} from "../../engines/index.js";
import type {
  CascadeNode,
  CascadeView,
  MonthlySplitRequest,
  MonthlySplitResult,
  SplitRequest,
  SplitResult,
} from "../../shared/api/cascade.js";
import { AppError, type ErrorDetail } from "../../shared/errors.js";
import { ruleDetail } from "../../shared/messages.js";
import { assertMayRead, indicatorEditorKey, mayEditIndicator, mayReadTaskForce } from "../accounts/scope.js";
import { computeOverview } from "../closed-loop/closed-loop.service.js";
import { readerOf, type ServiceContext, type WriteContext } from "../context.js";
import type { Indicator } from "../indicators/indicator.js";
import { toIndicator } from "../indicators/indicator.repository.js";
import { getIndicator, updateIndicator } from "../indicators/indicator.service.js";
import { getById } from "../records/record-ops.js";
import { write } from "../records/transaction.js";
import { calendarOf, cascadeToleranceOf, organisationSettings } from "../settings/settings.service.js";
import { childrenOf, namesOf, readingsOfSameCode, tasksByIndicator } from "./cascade.repository.js";

const rule = (details: ErrorDetail[]) =>
  new AppError("INDICATOR_RULE", `${details[0]!.path}: ${details[0]!.message}`, details);

/** Months from the first reading's to the status date's, `YYYY-MM`, ascending. */
function monthsUpTo(periods: Iterable<string>, statusDate: IsoDate): string[] {
  const last = statusDate.slice(0, 7);
  return [...new Set(periods)].filter((m) => m <= last).sort();
}

/**
 * Indicator cascades (层层衔接) at a status date, in pre-order: every indicator with its rolled-up
 * actual, light, trend and findings. Computed over the whole organisation (a district figure is the
 * sum of every task force's share), then narrowed to what the caller may read: a share of a task
 * force the caller cannot read is left out with its own shares.
 */
export async function readCascades(
  ctx: ServiceContext,
  q: {
    readonly statusDate?: IsoDate;
    readonly goalId?: string;
    readonly taskForceId?: string;
    readonly indicatorId?: string;
  },
): Promise<CascadeView> {
  if (q.indicatorId) await getIndicator(ctx, q.indicatorId);
  // Named explicitly, a task force the caller may not read is refused, not answered with nothing.
  if (q.taskForceId) assertMayRead(ctx, q.taskForceId);
  const system: ServiceContext = { ...ctx, principal: undefined };
  const { statusDate, data, result } = await computeOverview(
    system,
    q.statusDate ? { statusDate: q.statusDate } : {},
  );
  const db = readerOf(ctx);
  const settings = await organisationSettings(ctx);
  const indicators = data.indicators;
  const byId = new Map(indicators.map((i) => [i.id, i]));
  const children = new Map<string, Indicator[]>();
  for (const i of indicators)
    if (i.parentId && byId.has(i.parentId)) {
      const list = children.get(i.parentId) ?? [];
      list.push(i);
      children.set(i.parentId, list);
    }
  const rolled = rollUp(
    indicators,
    data.readings,
    monthsUpTo(
      data.readings.map((r) => r.period),
      statusDate,
    ),
  );
  const tasks = await tasksByIndicator(db);
  const findings = new Map<string, CascadeFinding[]>();
  for (const f of checkCascade(indicators, {
    tolerance: cascadeToleranceOf(settings),
    linkedIndicatorIds: new Set(tasks.keys()),
  })) {
    const list = findings.get(f.indicatorId) ?? [];
    list.push(f);
    findings.set(f.indicatorId, list);
  }
  const names = await namesOf(db);
  const forces = new Map(data.taskForces.map((f) => [f.id, `${f.code} ${f.name}`]));
  const servedBy = new Map(data.taskForces.map((f) => [f.id, f.goalIds]));
  const progress = new Map(result.indicators.map((i) => [i.indicatorId, i]));
  const lights = new Map(result.lights.indicators.map((l) => [l.indicatorId, l.color]));

  const rootOf = (i: Indicator): Indicator => {
    let at = i;
    const seen = new Set<string>();
    while (at.parentId && byId.has(at.parentId) && !seen.has(at.id)) {
      seen.add(at.id);
      at = byId.get(at.parentId)!;
    }
    return at;
  };
  const reaches = (root: Indicator, taskForceId: string): boolean => {
    const stack = [root];
    while (stack.length) {
      const i = stack.pop()!;
      if (i.taskForceId === taskForceId) return true;
      stack.push(...(children.get(i.id) ?? []));
    }
    return false;
  };
  let roots = indicators.filter((i) => !i.parentId || !byId.has(i.parentId));
  if (q.indicatorId) {
    const root = rootOf(byId.get(q.indicatorId)!);
    roots = [root];
  }
  if (q.goalId) {
    const goal = q.goalId;
    roots = roots.filter((r) =>
      r.goalId
        ? r.goalId === goal
        : r.taskForceId !== null && (servedBy.get(r.taskForceId) ?? []).includes(goal),
    );
  }
  if (q.taskForceId) roots = roots.filter((r) => reaches(r, q.taskForceId!));

  // Ids of other task forces' records stay out of the answer, as their nodes do.
  const taskForceOfTask = new Map(data.tasks.map((t) => [t.id, t.taskForceId]));
  const readable = (taskForceId: string | null | undefined) =>
    taskForceId !== undefined && mayReadTaskForce(ctx.principal, taskForceId);
  const nodes: CascadeNode[] = [];
  const visit = (i: Indicator, depth: number) => {
    if (!mayReadTaskForce(ctx.principal, i.taskForceId)) return;
    const r = rolled.get(i.id);
    const shown = r?.latest ?? null;
    const p = progress.get(i.id);
    const parent = i.parentId ? byId.get(i.parentId) : undefined;
    const plan =
      i.monthlyPlan && shown
        ? planAtMonthEnd(i.monthlyPlan, shown.period)
        : i.kind === "cumulative" && p
          ? (i.target * p.progress.timeProgress) / 100
          : null;
    nodes.push({
      indicatorId: i.id,
      parentId: i.parentId,
      depth,
      code: i.code,
      name: i.name,
      unit: i.unit,
      kind: i.kind,
      direction: i.direction,
      year: i.year,
      taskForceId: i.taskForceId,
      taskForceName: i.taskForceId ? (forces.get(i.taskForceId) ?? null) : null,
      goalId: i.goalId,
      orgUnitId: i.orgUnitId,
      orgUnitName: i.orgUnitId ? (names.units.get(i.orgUnitId) ?? null) : null,
      ownerPersonId: i.ownerPersonId,
      ownerName: i.ownerPersonId ? (names.persons.get(i.ownerPersonId) ?? null) : null,
      weight: i.weight,
      baseline: i.baseline,
      target: i.target,
      monthlyPlan: i.monthlyPlan,
      version: i.version,
      period: shown?.period ?? null,
      actual: shown?.actual ?? null,
      source: shown?.source ?? "none",
      computed: shown?.computed ?? null,
      difference: shown?.difference ?? null,
      missing: (shown?.missing ?? []).filter((c) => readable(byId.get(c)?.taskForceId)),
      plan: plan === null ? null : Math.round(plan * 1e4) / 1e4,
      light: lights.get(i.id) ?? "grey",
      workProgress: p?.progress.workProgress ?? null,
      timeProgress: p?.progress.timeProgress ?? 0,
      trend: p?.trend ?? "unknown",
      taskIds: (tasks.get(i.id) ?? []).filter((t) => readable(taskForceOfTask.get(t))),
      findings: (findings.get(i.id) ?? []).map((f) => ({ ...f })),
      editable: mayEditIndicator(ctx.principal, i, parent !== undefined && parent.taskForceId === null),
    });
    for (const c of children.get(i.id) ?? []) visit(c, depth + 1);
  };
  for (const r of roots) visit(r, 0);
  return { statusDate, nodes };
}

/**
 * The parameters a cached read of the cascades is kept under (with its status date and the task
 * forces the caller may read): the filters, and what decides which nodes the caller may edit.
 * Refuses a task force named that the caller may not read, before any cache is consulted.
 */
export function cascadesReadParams(
  ctx: ServiceContext,
  q: { readonly goalId?: string; readonly taskForceId?: string },
): object {
  if (q.taskForceId) assertMayRead(ctx, q.taskForceId);
  return {
    goalId: q.goalId ?? null,
    taskForceId: q.taskForceId ?? null,
    editor: indicatorEditorKey(ctx.principal),
  };
}

/** Cascade findings of every indicator (for the five-ization check), with the tolerance of the settings. */
export async function cascadeFindings(ctx: ServiceContext): Promise<CascadeFinding[]> {
  const db = readerOf(ctx);
  const settings = await organisationSettings(ctx);
  const indicators = (await db.selectFrom("indicators").selectAll().execute()).map(toIndicator);
  const tasks = await tasksByIndicator(db);
  return checkCascade(indicators, {
    tolerance: cascadeToleranceOf(settings),
    linkedIndicatorIds: new Set(tasks.keys()),
  });
}

/** A cascade engine refusal as the API's 422, located on the request's field. */
function refusal(e: unknown, field: (engineField: string | null) => string): never {
  if (!(e instanceof CascadeError)) throw e;
  const key =
    e.code === "SPLIT_NEGATIVE" ? "splitNegative" : e.code === "SPLIT_ZERO" ? "splitAllZero" : "splitLength";
  throw rule([ruleDetail(field(e.field), key, { n: 12 })]);
}

/**
 * Splits an indicator's target among its shares (分解): evenly, by last year's actuals (each
 * share's baseline, 基期值) or by typed shares. With `dryRun` it only answers the preview; else it
 * saves every share's target (and a rate's or level's weight) at the version the preview showed,
 * in one transaction, each share's change audited, in id order (one lock order for every writer).
 */
export async function splitIndicator(
  ctx: ServiceContext,
  id: string,
  req: SplitRequest,
): Promise<SplitResult> {
  const plan = async (w: ServiceContext) => {
    const db = readerOf(w);
    const parent = toIndicator(await getById(db, "indicators", id, "indicator"));
    const shares = (await childrenOf(db, id)).map(toIndicator);
    if (!req.dryRun && !mayEditIndicator(w.principal, parent, false) && w.principal)
      throw new AppError("FORBIDDEN", "only who may change this indicator may split its target");
    if (shares.length === 0) throw rule([ruleDetail("children", "splitNoChildren")]);
    const known = new Map(shares.map((c) => [c.id, c]));
    const details: ErrorDetail[] = [];
    req.children.forEach((c, k) => {
      if (!known.has(c.id)) details.push(ruleDetail(`children.${k}.id`, "splitNotChild"));
    });
    if (details.length) throw rule(details);
    const asked = new Set(req.children.map((c) => c.id));
    if (asked.size !== shares.length || shares.some((c) => !asked.has(c.id)))
      throw rule([ruleDetail("children", "splitLength", { n: shares.length })]);
    let split: TargetSplit;
    if (req.method === "even") split = { method: "even" };
    else if (req.method === "last-year") {
      if (parent.kind !== "cumulative") throw rule([ruleDetail("method", "lastYearNotForRates")]);
      const missing = req.children.flatMap((c, k) =>
        known.get(c.id)!.baseline === null ? [ruleDetail(`children.${k}.id`, "noLastYear")] : [],
      );
      if (missing.length) throw rule(missing);
      split = { method: "last-year", lastYear: req.children.map((c) => known.get(c.id)!.baseline ?? 0) };
    } else {
      const missing = req.children.flatMap((c, k) =>
        c.share === undefined ? [ruleDetail(`children.${k}.share`, "splitLength", { n: shares.length })] : [],
      );
      if (missing.length) throw rule(missing);
      split = { method: "shares", shares: req.children.map((c) => c.share ?? 0) };
    }
    let parts: ReturnType<typeof splitTarget>;
    try {
      parts = splitTarget(
        {
          kind: parent.kind,
          target: parent.target,
          ...(req.decimals !== undefined ? { decimals: req.decimals } : {}),
        },
        split,
        req.children.length,
      );
    } catch (e) {
      refusal(e, (f) => (f?.startsWith("shares.") ? `children.${f.slice(7)}.share` : "children"));
    }
    const weighted = parent.kind !== "cumulative";
    const lines = req.children.map((c, k) => {
      const before = known.get(c.id)!;
      return {
        indicatorId: c.id,
        code: before.code,
        name: before.name,
        version: c.version,
        before: { target: before.target, weight: before.weight },
        after: { target: parts[k]!.target, weight: weighted ? parts[k]!.weight : before.weight },
      };
    });
    const total = weighted
      ? lines.reduce((s, l) => s + l.after.target * (l.after.weight ?? 1), 0) /
        lines.reduce((s, l) => s + (l.after.weight ?? 1), 0)
      : lines.reduce((s, l) => s + l.after.target, 0);
    return { parent, lines, total: Math.round(total * 1e6) / 1e6 };
  };
  const answer = (p: Awaited<ReturnType<typeof plan>>, saved: boolean): SplitResult => ({
    indicatorId: id,
    method: req.method,
    target: p.parent.target,
    lines: p.lines.map(({ version: _v, ...l }) => l),
    total: p.total,
    saved,
  });
  if (req.dryRun) {
    await getIndicator(ctx, id);
    return answer(await plan(ctx), false);
  }
  return write(ctx, async (w) => {
    const p = await plan(w);
    for (const l of [...p.lines].sort((a, b) => (a.indicatorId < b.indicatorId ? -1 : 1))) {
      const changes =
        p.parent.kind === "cumulative"
          ? { target: l.after.target }
          : { target: l.after.target, weight: l.after.weight };
      await updateIndicator(asSystemWrite(w), l.indicatorId, { version: l.version, ...changes });
    }
    return answer(p, true);
  });
}

/** The write's context without its principal: the split's own permission check already ran. */
const asSystemWrite = (w: WriteContext): WriteContext => ({ ...w, principal: undefined });

/** Working days of each month of `year` in the organisation's calendar. */
function workingDaysByMonth(calendar: ReturnType<typeof buildWorkCalendar>, year: number): number[] {
  return Array.from({ length: 12 }, (_, m) => {
    const first = `${year}-${String(m + 1).padStart(2, "0")}-01`;
    const last = new Date(Date.UTC(year, m + 1, 0)).toISOString().slice(0, 10);
    return calendar.workdaysInRange(first, last);
  });
}

/**
 * Spreads a cumulative indicator's annual target over its months (月度计划): by the working days of
 * the organisation's calendar, by last year's monthly profile (the readings of the same code a year
 * earlier) or by twelve typed monthly amounts. Preview with `dryRun`; else saved at `version`.
 */
export async function splitIndicatorMonths(
  ctx: ServiceContext,
  id: string,
  req: MonthlySplitRequest,
): Promise<MonthlySplitResult> {
  const indicator = await getIndicator(ctx, id);
  if (indicator.kind !== "cumulative") throw rule([ruleDetail("method", "monthlyOnlyCumulative")]);
  let split: MonthlySplit;
  if (req.method === "working-days") {
    const settings = await organisationSettings(ctx);
    const calendar = buildWorkCalendar(calendarOf(settings), { origin: `${indicator.year}-01-01` });
    split = { method: "working-days", workingDays: workingDaysByMonth(calendar, indicator.year) };
  } else if (req.method === "profile") {
    if (!req.monthly) throw rule([ruleDetail("monthly", "splitLength", { n: 12 })]);
    split = { method: "profile", monthly: req.monthly };
  } else {
    const year = indicator.year - 1;
    const readings = await readingsOfSameCode(readerOf(ctx), indicator.code, indicator.taskForceId, year);
    const ytd = new Map(readings.map((r) => [r.period, r.actual]));
    const months = Array.from({ length: 12 }, (_, m) => `${year}-${String(m + 1).padStart(2, "0")}`);
    if (months.some((m) => !ytd.has(m))) throw rule([ruleDetail("method", "noLastYearMonths", { year })]);
    split = {
      method: "profile",
      monthly: months.map((m, k) => Math.max(0, ytd.get(m)! - (k ? ytd.get(months[k - 1]!)! : 0))),
    };
  }
  let after: Record<string, number>;
  try {
    after = splitMonthly(
      indicator.target,
      indicator.year,
      split,
      ...(req.decimals !== undefined ? [req.decimals] : []),
    );
  } catch (e) {
    refusal(e, (f) => (req.method === "profile" && f?.startsWith("monthly.") ? f : "monthly"));
  }
  const result = {
    indicatorId: id,
    method: req.method,
    target: indicator.target,
    before: indicator.monthlyPlan,
    after,
  };
  if (req.dryRun) return { ...result, saved: false };
  await updateIndicator(ctx, id, { version: req.version, monthlyPlan: after });
  return { ...result, saved: true };
}

export type { CascadeIndicator };
