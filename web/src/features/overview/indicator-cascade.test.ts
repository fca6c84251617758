import { describe, expect, it } from "vitest";
import type { Goal } from "../../api/types";
import {
  actualAgainstPlan,
  buildIndicatorTree,
  type CascadeNode,
  cascadeOf,
  formatFigure,
  goalKeys,
  type IndicatorTreeNode,
  rootOf,
  shareName,
  withUnit,
} from "./indicator-cascade";

const goal = (id: string, level: Goal["level"], parentId: string | null): Goal => ({
  id,
  version: 1,
  createdAt: "",
  updatedAt: "",
  code: id,
  title: id,
  level,
  parentId,
  orgUnitId: null,
  description: null,
  year: 2022,
});

/** A cascade node; depth follows from `parentId` in the fixtures below. */
function node(over: Partial<CascadeNode> & { indicatorId: string; code: string }): CascadeNode {
  return {
    parentId: null,
    depth: 0,
    name: over.code,
    unit: "亿元",
    kind: "cumulative",
    direction: "up",
    year: 2022,
    taskForceId: null,
    taskForceName: null,
    goalId: null,
    orgUnitId: null,
    orgUnitName: null,
    ownerPersonId: null,
    ownerName: null,
    weight: null,
    baseline: null,
    target: 100,
    monthlyPlan: null,
    version: 1,
    period: "2022-07",
    actual: 50,
    source: "reported",
    computed: null,
    difference: null,
    missing: [],
    plan: 60,
    light: "green",
    workProgress: 50,
    timeProgress: 60,
    trend: "rebounding",
    taskIds: [],
    findings: [],
    editable: false,
    ...over,
  };
}

const goals = [
  goal("S", "strategy", null),
  goal("A", "annual", "S"),
  goal("B", "annual", "S"),
  goal("C", "annual", "S"),
];
const taskForces = [
  { id: "tf-1", goalIds: ["A", "S"] },
  { id: "tf-2", goalIds: ["B"] },
];
// Pre-order, as the API answers: a district cascade Q → ZB1 (tf-1) → street shares, then a task
// force's own indicator, then one of no goal at all.
const nodes = [
  node({ indicatorId: "q", code: "QZB-1", goalId: "A", light: "red" }),
  node({
    indicatorId: "z1",
    code: "ZB01-1",
    parentId: "q",
    depth: 1,
    taskForceId: "tf-1",
    taskForceName: "01 专班",
  }),
  node({
    indicatorId: "z1b",
    code: "ZB01-1.2",
    parentId: "z1",
    depth: 2,
    taskForceId: "tf-1",
    orgUnitName: "青龙街道",
    light: "yellow",
  }),
  node({
    indicatorId: "z1a",
    code: "ZB01-1.1",
    parentId: "z1",
    depth: 2,
    taskForceId: "tf-1",
    orgUnitName: "南湖街道",
    light: "red",
  }),
  node({ indicatorId: "z2", code: "ZB02-1", parentId: "q", depth: 1, taskForceId: "tf-2" }),
  node({ indicatorId: "own", code: "ZB02-2", taskForceId: "tf-2", light: "yellow" }),
  node({ indicatorId: "lost", code: "ZB09-1", taskForceId: "tf-9" }),
];

/** The tree as indented lines "key-part light". */
function lines(tree: readonly IndicatorTreeNode[], depth = 0): string[] {
  return tree.flatMap((n) => [
    `${"  ".repeat(depth)}${n.goal?.code ?? n.indicator?.code ?? n.kind} ${n.light ?? "-"}`,
    ...lines(n.children, depth + 1),
  ]);
}

describe("buildIndicatorTree", () => {
  it("hangs district cascades under their goal, a task force's own under the deepest goals it serves", () => {
    expect(lines(buildIndicatorTree(goals, taskForces, nodes))).toEqual([
      "S red",
      "  A red",
      "    QZB-1 red",
      "      ZB01-1 green",
      "        ZB01-1.1 red",
      "        ZB01-1.2 yellow",
      "      ZB02-1 green",
      "  B yellow",
      "    ZB02-2 yellow",
      "no-goal green",
      "  ZB09-1 green",
    ]);
  });
  it("leaves out goals without indicators and opens on the goals only", () => {
    const tree = buildIndicatorTree(goals, taskForces, nodes);
    expect(goalKeys(tree)).toEqual(["/S", "/S/A", "/S/B", "/no-goal"]);
  });
  it("starts a tree at a share whose parent the caller cannot read", () => {
    const tree = buildIndicatorTree(goals, taskForces, nodes.slice(1, 4));
    expect(lines(tree)).toEqual([
      "S green",
      "  A green",
      "    ZB01-1 green",
      "      ZB01-1.1 red",
      "      ZB01-1.2 yellow",
    ]);
  });
  it("keys are unique when a task force serves two goals", () => {
    const tree = buildIndicatorTree(goals, [{ id: "tf-2", goalIds: ["B", "C"] }], [nodes[5]!]);
    const keys = lines(tree);
    expect(keys).toEqual(["S yellow", "  B yellow", "    ZB02-2 yellow", "  C yellow", "    ZB02-2 yellow"]);
  });
});

describe("cascades", () => {
  it("finds the top of a cascade and lists it parents first, siblings by code", () => {
    expect(rootOf(nodes, "z1b")?.code).toBe("QZB-1");
    expect(rootOf(nodes, "own")?.code).toBe("ZB02-2");
    expect(rootOf(nodes, "nope")).toBeUndefined();
    expect(cascadeOf(nodes, "q").map((n) => n.code)).toEqual([
      "QZB-1",
      "ZB01-1",
      "ZB01-1.1",
      "ZB01-1.2",
      "ZB02-1",
    ]);
    expect(cascadeOf(nodes, "nope")).toEqual([]);
  });
  it("names a share by its street, else its task force", () => {
    expect(nodes.map(shareName)).toEqual([
      "QZB-1",
      "01 专班",
      "青龙街道",
      "南湖街道",
      "ZB02-1",
      "ZB02-2",
      "ZB09-1",
    ]);
  });
});

describe("figures", () => {
  const words = { plan: "计划", target: "目标" };
  it.each([
    [-4.836667, "-4.84"],
    [62, "62"],
    [70.25, "70.25"],
    [null, "—"],
  ])("formats %s as %s", (v, s) => {
    expect(formatFigure(v)).toBe(s);
  });
  it("puts the actual against the plan, or the target when there is no plan", () => {
    expect(actualAgainstPlan({ actual: 62.5, plan: 70.2, target: 160, unit: "亿元" }, words)).toBe(
      "62.5 / 计划 70.2 亿元",
    );
    expect(actualAgainstPlan({ actual: -5.8, plan: null, target: 8.5, unit: "%" }, words)).toBe(
      "-5.8 / 目标 8.5%",
    );
    expect(actualAgainstPlan({ actual: null, plan: 3, target: 7, unit: "起" }, words)).toBe("— / 计划 3 起");
    expect(withUnit(5, "")).toBe("5");
  });
});
