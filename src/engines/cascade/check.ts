/**
 * The cascade check (层层衔接检查): whether children's targets and monthly plans add up to their
 * parent's, whether children match their parent's kind and have owners, and whether some task
 * advances each indicator.
 */
import { buildCascadeTree, type CascadeTree } from "./cascade-tree.js";
import { hasPlan, lastPlanned, type MonthlyPlan, plannedMonths, planValueAt } from "./monthly-plan.js";
import { roundCascadeValue } from "./round-cascade-value.js";
import {
  type CascadeFinding,
  type CascadeIndicator,
  type CascadeTolerance,
  DEFAULT_CASCADE_TOLERANCE,
} from "./types.js";

/** Options of {@link checkCascade}. */
export interface CascadeCheckOptions {
  readonly tolerance?: Partial<CascadeTolerance>;
  /** Indicators some task advances; when given, `INDICATOR_NO_TASK` is checked. */
  readonly linkedIndicatorIds?: ReadonlySet<string>;
}

/** Absolute slack below which a difference is float noise, not a finding. */
const NOISE = 1e-9;
const beyond = (difference: number, limit: number): boolean => Math.abs(difference) - limit > NOISE;

/**
 * Checks a cascade of indicators and returns its findings, sorted by the indicators' order in the
 * input, then by code (then month):
 * - `CASCADE_SHARES` (on the parent): children's targets sum (`cumulative`) or weigh up (`rate`,
 *   `level`: Σwᵢtᵢ / Σwᵢ) to other than the parent's target, by more than the tolerance
 *   (`relative` × |target| for `cumulative`/`level`, `ratePoints` for `rate`);
 * - `CASCADE_MONTHS`: a cumulative monthly plan whose last month differs from the target, or a
 *   cumulative parent whose children all have plans that do not sum to its plan in some month
 *   (a child's missing month carries its previous one; the first failing month is reported);
 * - `CASCADE_KIND` (on the child): a kind or direction other than its parent's;
 * - `CASCADE_OWNER`: a child (`parentId` set) without an owner;
 * - `INDICATOR_NO_TASK`, only when `linkedIndicatorIds` is given: neither the indicator nor any of
 *   its descendants is linked to a task.
 * A parent outside the list makes the indicator a root. Throws {@link CascadeError}
 * `CASCADE_CYCLE` when the parents loop.
 *
 * Example: a cumulative 160 with children 60 and 50 gives
 * `{ code: "CASCADE_SHARES", indicatorId, expected: 160, actual: 110 }`.
 */
export function checkCascade(
  indicators: readonly CascadeIndicator[],
  opts: CascadeCheckOptions = {},
): CascadeFinding[] {
  const tree = buildCascadeTree(indicators);
  const tolerance: CascadeTolerance = {
    relative: opts.tolerance?.relative ?? DEFAULT_CASCADE_TOLERANCE.relative,
    ratePoints: opts.tolerance?.ratePoints ?? DEFAULT_CASCADE_TOLERANCE.ratePoints,
  };
  const covered = opts.linkedIndicatorIds ? coverage(indicators, tree, opts.linkedIndicatorIds) : null;
  const out: CascadeFinding[] = [];
  const mine: CascadeFinding[] = [];
  const add = (finding: CascadeFinding | null) => {
    if (finding) mine.push(finding);
  };
  for (let i = 0; i < indicators.length; i++) {
    const ind = indicators[i]!;
    const p = tree.parent[i]!;
    mine.length = 0;
    if (p >= 0 && (indicators[p]!.kind !== ind.kind || indicators[p]!.direction !== ind.direction))
      add({ code: "CASCADE_KIND", indicatorId: ind.id });
    if (ind.parentId !== null && ind.parentId !== undefined && !ind.ownerPersonId)
      add({ code: "CASCADE_OWNER", indicatorId: ind.id });
    if (covered && !covered[i]) add({ code: "INDICATOR_NO_TASK", indicatorId: ind.id });
    if (ind.kind === "cumulative") add(planEndFinding(ind, tolerance));
    const children = childrenOf(tree, i);
    if (children.length > 0) {
      add(
        sharesFinding(
          ind,
          children.map((c) => indicators[c]!),
          tolerance,
        ),
      );
      if (ind.kind === "cumulative" && hasPlan(ind.monthlyPlan)) {
        const plans = children.map((c) => indicators[c]!.monthlyPlan);
        if (plans.every(hasPlan)) add(childMonthsFinding(ind, ind.monthlyPlan, plans, tolerance));
      }
    }
    // Per indicator, by code (then month): the input order of indicators is kept as it is.
    if (mine.length > 1)
      mine.sort((a, b) => compare(a.code, b.code) || compare(a.period ?? "", b.period ?? ""));
    out.push(...mine);
  }
  return out;
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Whether each indicator or one of its descendants is linked to a task (1) or not (0). */
function coverage(
  indicators: readonly CascadeIndicator[],
  tree: CascadeTree,
  linked: ReadonlySet<string>,
): Uint8Array {
  const covered = new Uint8Array(indicators.length);
  for (const i of tree.order) {
    if (linked.has(indicators[i]!.id)) covered[i] = 1;
    if (covered[i] && tree.parent[i]! >= 0) covered[tree.parent[i]!] = 1;
  }
  return covered;
}

function childrenOf(tree: CascadeTree, i: number): number[] {
  const out: number[] = [];
  for (let e = tree.childStart[i]!; e < tree.childStart[i + 1]!; e++) out.push(tree.childList[e]!);
  return out;
}

/** Children's targets against the parent's: a sum, or a weighted mean (weight missing = 1). */
function sharesFinding(
  parent: CascadeIndicator,
  children: readonly CascadeIndicator[],
  tolerance: CascadeTolerance,
): CascadeFinding | null {
  const finding = (actual?: number): CascadeFinding => ({
    code: "CASCADE_SHARES",
    indicatorId: parent.id,
    expected: parent.target,
    ...(actual === undefined ? {} : { actual: roundCascadeValue(actual) }),
  });
  if (parent.kind === "cumulative") {
    const sum = children.reduce((s, c) => s + c.target, 0);
    return beyond(sum - parent.target, tolerance.relative * Math.abs(parent.target)) ? finding(sum) : null;
  }
  let total = 0;
  let weights = 0;
  for (const c of children) {
    const w = typeof c.weight === "number" && Number.isFinite(c.weight) ? c.weight : 1;
    total += w * c.target;
    weights += w;
  }
  if (weights === 0) return finding(); // the children's weighted result is undefined
  const limit = parent.kind === "rate" ? tolerance.ratePoints : tolerance.relative * Math.abs(parent.target);
  return beyond(total / weights - parent.target, limit) ? finding(total / weights) : null;
}

/** A cumulative plan's last month against the annual target. */
function planEndFinding(ind: CascadeIndicator, tolerance: CascadeTolerance): CascadeFinding | null {
  const last = lastPlanned(ind.monthlyPlan);
  if (last === null) return null;
  const value = ind.monthlyPlan![last]!;
  if (!beyond(value - ind.target, tolerance.relative * Math.abs(ind.target))) return null;
  return { code: "CASCADE_MONTHS", indicatorId: ind.id, expected: ind.target, actual: value, period: last };
}

/** The first month of the parent's plan that its children's plans do not sum to. */
function childMonthsFinding(
  parent: CascadeIndicator,
  plan: MonthlyPlan,
  childPlans: readonly MonthlyPlan[],
  tolerance: CascadeTolerance,
): CascadeFinding | null {
  const limit = tolerance.relative * Math.abs(parent.target);
  for (const month of plannedMonths(plan)) {
    let sum = 0;
    for (const child of childPlans) sum += planValueAt(child, month);
    if (beyond(sum - plan[month]!, limit))
      return {
        code: "CASCADE_MONTHS",
        indicatorId: parent.id,
        expected: plan[month]!,
        actual: roundCascadeValue(sum),
        period: month,
      };
  }
  return null;
}
