/**
 * The indicator cascade (层层衔接) as the overview and the big screen show it: the API's cascades
 * (`GET /indicator-cascades`, trees in pre-order) hung under the goals they serve, and each node's
 * actual against plan in words. Pure, so it is tested without a browser.
 */
import type { CascadeNode } from "../../../../src/shared/api/cascade";
import type { Goal, LightColor } from "../../api/types";
import { worse } from "./cascade";

export type { CascadeNode };

/** A node of the overview's indicator tree: a goal, or an indicator with its shares below. */
export interface IndicatorTreeNode {
  readonly key: string;
  readonly kind: "goal" | "indicator" | "no-goal";
  readonly goal?: Goal;
  readonly indicator?: CascadeNode;
  /** An indicator's own light; a goal's is the worst of the cascades below it. */
  readonly light: LightColor | null;
  readonly children: IndicatorTreeNode[];
}

/** What a task force contributes to the tree: the goals it serves. */
export interface GoalServer {
  readonly id: string;
  readonly goalIds: readonly string[];
}

/** Codes in natural order: ZB01-2 before ZB01-10, QZB-1 before ZB01-1. */
export const byCode = <T extends { code: string }>(a: T, b: T) =>
  a.code.localeCompare(b.code, "en", { numeric: true });

/** Children of each indicator in the order given (pre-order keeps the API's order), roots under null. */
export function childrenByParent(nodes: readonly CascadeNode[]): Map<string | null, CascadeNode[]> {
  const ids = new Set(nodes.map((n) => n.indicatorId));
  const out = new Map<string | null, CascadeNode[]>();
  for (const n of nodes) {
    // A share whose parent the caller may not read starts a tree of its own.
    const p = n.parentId && ids.has(n.parentId) ? n.parentId : null;
    const list = out.get(p);
    if (list) list.push(n);
    else out.set(p, [n]);
  }
  return out;
}

/** The top indicator of the cascade holding `indicatorId`, or undefined when it is not among `nodes`. */
export function rootOf(nodes: readonly CascadeNode[], indicatorId: string): CascadeNode | undefined {
  const byId = new Map(nodes.map((n) => [n.indicatorId, n]));
  let n = byId.get(indicatorId);
  const seen = new Set<string>();
  while (n?.parentId && byId.has(n.parentId) && !seen.has(n.indicatorId)) {
    seen.add(n.indicatorId);
    n = byId.get(n.parentId);
  }
  return n;
}

/** The cascade under `root` (itself first), parents before children, siblings by code. */
export function cascadeOf(nodes: readonly CascadeNode[], rootId: string): CascadeNode[] {
  const kids = childrenByParent(nodes);
  const root = nodes.find((n) => n.indicatorId === rootId);
  if (!root) return [];
  const out: CascadeNode[] = [];
  const walk = (n: CascadeNode) => {
    out.push(n);
    for (const c of [...(kids.get(n.indicatorId) ?? [])].sort(byCode)) walk(c);
  };
  walk(root);
  return out;
}

/**
 * The tree strategy → programme → annual goal → indicator → share → share … A cascade hangs under
 * the goal its top indicator names (district level), else under the deepest goals its task force
 * serves (a goal's ancestors are implied); one without either under 未关联目标. Goals without an
 * indicator below them are left out. Goals and indicators are sorted by code.
 */
export function buildIndicatorTree(
  goals: readonly Goal[],
  taskForces: readonly GoalServer[],
  nodes: readonly CascadeNode[],
): IndicatorTreeNode[] {
  const goalById = new Map(goals.map((g) => [g.id, g]));
  const ancestors = (id: string) => {
    const out = new Set<string>();
    for (let g = goalById.get(id); g?.parentId && !out.has(g.parentId); g = goalById.get(g.parentId))
      out.add(g.parentId);
    return out;
  };
  const deepestOf = new Map<string, string[]>();
  for (const tf of taskForces) {
    const known = tf.goalIds.filter((g) => goalById.has(g));
    const implied = new Set(known.flatMap((g) => [...ancestors(g)]));
    deepestOf.set(
      tf.id,
      known.filter((g) => !implied.has(g)),
    );
  }
  const kids = childrenByParent(nodes);
  const rootsUnder = new Map<string, CascadeNode[]>();
  const orphans: CascadeNode[] = [];
  for (const root of kids.get(null) ?? []) {
    const named = root.goalId && goalById.has(root.goalId) ? [root.goalId] : [];
    const served = root.taskForceId ? (deepestOf.get(root.taskForceId) ?? []) : [];
    const under = named.length ? named : served;
    if (under.length === 0) orphans.push(root);
    for (const g of under) rootsUnder.set(g, [...(rootsUnder.get(g) ?? []), root]);
  }
  const indicatorNode = (n: CascadeNode, path: string): IndicatorTreeNode => {
    const key = `${path}/${n.indicatorId}`;
    return {
      key,
      kind: "indicator",
      indicator: n,
      light: n.light,
      children: [...(kids.get(n.indicatorId) ?? [])].sort(byCode).map((c) => indicatorNode(c, key)),
    };
  };
  const goalKids = new Map<string | null, Goal[]>();
  for (const g of goals) {
    const p = g.parentId && goalById.has(g.parentId) ? g.parentId : null;
    goalKids.set(p, [...(goalKids.get(p) ?? []), g]);
  }
  const goalNode = (g: Goal, path: string): IndicatorTreeNode | null => {
    const key = `${path}/${g.id}`;
    const children = [
      ...[...(goalKids.get(g.id) ?? [])]
        .sort(byCode)
        .map((c) => goalNode(c, key))
        .filter((c): c is IndicatorTreeNode => c !== null),
      ...[...(rootsUnder.get(g.id) ?? [])].sort(byCode).map((n) => indicatorNode(n, key)),
    ];
    if (children.length === 0) return null;
    return {
      key,
      kind: "goal",
      goal: g,
      light: children.reduce<LightColor | null>((l, c) => worse(l, c.light), null),
      children,
    };
  };
  const tree = [...(goalKids.get(null) ?? [])]
    .sort(byCode)
    .map((g) => goalNode(g, ""))
    .filter((g): g is IndicatorTreeNode => g !== null);
  if (orphans.length) {
    const children = orphans.sort(byCode).map((n) => indicatorNode(n, "/no-goal"));
    tree.push({
      key: "/no-goal",
      kind: "no-goal",
      light: children.reduce<LightColor | null>((l, c) => worse(l, c.light), null),
      children,
    });
  }
  return tree;
}

/** The keys of every goal node (the tree opens on its goals; indicators are drilled into). */
export function goalKeys(tree: readonly IndicatorTreeNode[]): string[] {
  const out: string[] = [];
  const walk = (n: IndicatorTreeNode) => {
    if (n.kind === "indicator") return;
    out.push(n.key);
    n.children.forEach(walk);
  };
  tree.forEach(walk);
  return out;
}

/** A figure as shown: at most two decimals, no trailing zeros (−4.836667 → "-4.84"); null → "—". */
export function formatFigure(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return "—";
  return String(Math.round(v * 100) / 100);
}

/** A figure with its unit: "62 亿元", "8.5%" (a per-cent sign is not spaced). */
export function withUnit(v: number | null | undefined, unit: string): string {
  const s = formatFigure(v);
  if (!unit || s === "—") return s;
  return unit === "%" || unit === "‰" ? `${s}${unit}` : `${s} ${unit}`;
}

/** Words for {@link actualAgainstPlan}. */
export interface PlanWords {
  readonly plan: string;
  readonly target: string;
}

/**
 * A node's actual against its plan to date: "42.6 / 计划 62 亿元"; against its target when it has
 * no plan (a rate without a monthly plan): "-5.8 / 目标 8.5%".
 */
export function actualAgainstPlan(
  n: Pick<CascadeNode, "actual" | "plan" | "target" | "unit">,
  words: PlanWords,
): string {
  return `${formatFigure(n.actual)} / ${yardstick(n, words)}`;
}

/** What a node's actual is measured against, in words: "计划 62 亿元", or "目标 8.5%" without a plan. */
export function yardstick(n: Pick<CascadeNode, "plan" | "target" | "unit">, words: PlanWords): string {
  return n.plan !== null
    ? `${words.plan} ${withUnit(n.plan, n.unit)}`
    : `${words.target} ${withUnit(n.target, n.unit)}`;
}

/** What a share is called in a list of shares: its street or unit, else its task force, else its name. */
export function shareName(n: Pick<CascadeNode, "depth" | "name" | "orgUnitName" | "taskForceName">): string {
  if (n.depth === 0) return n.name;
  return n.orgUnitName ?? n.taskForceName ?? n.name;
}
