/**
 * The cascade (层层衔接) as a tree: strategy → programme → annual goal → task force. A task force
 * hangs under each deepest goal it serves (a goal's ancestors are implied); a goal's light is the
 * worst light of the task forces below it (none: grey).
 */
import type { Goal, LightColor, OverviewTaskForce } from "../../api/types";

/** A node of the cascade tree. */
export interface CascadeNode {
  readonly key: string;
  readonly kind: "goal" | "task-force";
  readonly goal?: Goal;
  readonly taskForce?: OverviewTaskForce;
  readonly light: LightColor | null;
  readonly children: CascadeNode[];
}

const RANK: Record<LightColor, number> = { red: 0, yellow: 1, green: 2, grey: 3, blue: 4 };

/** The worse of two lights (red is worst; null means none). */
export function worse(a: LightColor | null, b: LightColor | null): LightColor | null {
  if (a === null) return b;
  if (b === null) return a;
  return RANK[a] <= RANK[b] ? a : b;
}

/** Builds the cascade tree; goals sorted by code, task forces by code. */
export function buildCascade(
  goals: readonly Goal[],
  taskForces: readonly OverviewTaskForce[],
): CascadeNode[] {
  const byId = new Map(goals.map((g) => [g.id, g]));
  const children = new Map<string | null, Goal[]>();
  for (const g of goals) {
    const p = g.parentId && byId.has(g.parentId) ? g.parentId : null;
    children.set(p, [...(children.get(p) ?? []), g]);
  }
  const ancestors = (id: string) => {
    const out = new Set<string>();
    for (let g = byId.get(id); g?.parentId && !out.has(g.parentId); g = byId.get(g.parentId))
      out.add(g.parentId);
    return out;
  };
  const tfsUnder = new Map<string, OverviewTaskForce[]>();
  const orphans: OverviewTaskForce[] = [];
  for (const tf of taskForces) {
    const known = tf.goalIds.filter((g) => byId.has(g));
    const implied = new Set(known.flatMap((g) => [...ancestors(g)]));
    const deepest = known.filter((g) => !implied.has(g));
    if (deepest.length === 0) orphans.push(tf);
    for (const g of deepest) tfsUnder.set(g, [...(tfsUnder.get(g) ?? []), tf]);
  }
  const tfNode = (tf: OverviewTaskForce, parent: string): CascadeNode => ({
    key: `${parent}/${tf.id}`,
    kind: "task-force",
    taskForce: tf,
    light: tf.light,
    children: [],
  });
  const byCode = <T extends { code: string }>(a: T, b: T) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
  const build = (g: Goal, path: string): CascadeNode => {
    const key = `${path}/${g.id}`;
    const kids = [
      ...(children.get(g.id) ?? []).sort(byCode).map((c) => build(c, key)),
      ...(tfsUnder.get(g.id) ?? []).sort(byCode).map((tf) => tfNode(tf, key)),
    ];
    return {
      key,
      kind: "goal",
      goal: g,
      light: kids.reduce<LightColor | null>((l, k) => worse(l, k.light), null),
      children: kids,
    };
  };
  const roots = (children.get(null) ?? []).sort(byCode).map((g) => build(g, ""));
  return [...roots, ...orphans.sort(byCode).map((tf) => tfNode(tf, ""))];
}
