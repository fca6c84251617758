import { describe, expect, it } from "vitest";
import type { CascadeNode } from "../../../../src/shared/api/cascade";
import {
  allKeys,
  buildCascadeRows,
  differenceText,
  findingText,
  findRow,
  levelOf,
  type Translate,
  withUnit,
} from "./cascade-rows";

let n = 0;
/** A cascade node with the fields the page reads; ids and codes made up. */
function node(p: Partial<CascadeNode> & { indicatorId: string }): CascadeNode {
  return {
    parentId: null,
    depth: 0,
    code: `C${++n}`,
    name: "招商引资到位资金",
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
    actual: 10,
    source: "computed",
    computed: 10,
    difference: null,
    missing: [],
    plan: null,
    light: "green",
    workProgress: null,
    timeProgress: 50,
    trend: "unknown",
    taskIds: [],
    findings: [],
    editable: false,
    ...p,
  };
}

/** The district's 160 split among two task forces; tf-1's among a street, whose share a person's. */
const nodes = [
  node({ indicatorId: "d", target: 160, missing: ["tf2"] }),
  node({ indicatorId: "tf1", parentId: "d", depth: 1, taskForceId: "tf-1" }),
  node({ indicatorId: "s1", parentId: "tf1", depth: 2, taskForceId: "tf-1", orgUnitId: "ou-jd" }),
  node({ indicatorId: "p1", parentId: "s1", depth: 3, taskForceId: "tf-1", ownerPersonId: "p" }),
  node({ indicatorId: "tf1-p", parentId: "tf1", depth: 2, taskForceId: "tf-1" }),
  node({ indicatorId: "tf2", parentId: "d", depth: 1, taskForceId: "tf-2", source: "none", actual: null }),
];

/** A translation that shows the key and its parameters. */
const t: Translate = (key, params) => `${key}${params ? JSON.stringify(params) : ""}`;

describe("buildCascadeRows", () => {
  it("nests the pre-order nodes and names each level from its place", () => {
    const rows = buildCascadeRows(nodes);
    expect(rows.map((r) => r.key)).toEqual(["d"]);
    expect(rows[0]!.children?.map((r) => r.key)).toEqual(["tf1", "tf2"]);
    expect(allKeys(rows)).toEqual(["d", "tf1", "s1", "p1", "tf1-p", "tf2"]);
    const level = (id: string) => findRow(rows, id)?.level;
    expect(["d", "tf1", "s1", "p1", "tf1-p", "tf2"].map(level)).toEqual([
      "district",
      "taskForce",
      "unit",
      "person",
      "person",
      "taskForce",
    ]);
    // A leaf has no children array, so antd draws no expand button for it.
    expect(findRow(rows, "p1")?.children).toBeUndefined();
  });

  it("marks a share its parent's value misses (未报)", () => {
    const rows = buildCascadeRows(nodes);
    expect(findRow(rows, "tf2")?.missing).toBe(true);
    expect(findRow(rows, "tf1")?.missing).toBe(false);
  });

  it("starts a tree at a node whose parent the caller may not read", () => {
    const rows = buildCascadeRows(nodes.filter((x) => x.indicatorId !== "tf1"));
    expect(rows.map((r) => r.key)).toEqual(["d", "s1", "tf1-p"]);
    // Without its task force's indicator above it, a street's share is the top of its task force.
    expect(rows[1]!.level).toBe("taskForce");
  });

  it("takes a task force's share of another task force's indicator as that task force's top", () => {
    const own = node({ indicatorId: "x", taskForceId: "tf-3" });
    const row = buildCascadeRows([own])[0]!;
    expect(levelOf(node({ indicatorId: "y", taskForceId: "tf-4", parentId: "x" }), row)).toBe("taskForce");
  });
});

describe("the words of a node", () => {
  it("writes a value with its unit, a percent sign on the number", () => {
    expect(withUnit(45, "亿元")).toBe("45 亿元");
    expect(withUnit(8.123456, "%")).toBe("8.1235%");
    expect(withUnit(3, "")).toBe("3");
  });

  it("shows a reported figure against its shares' only when they differ", () => {
    const reported = node({
      indicatorId: "r",
      source: "reported",
      actual: 62.5,
      computed: 60,
      difference: 2.5,
    });
    expect(differenceText(reported, t)).toBe(
      'cas.difference{"reported":"62.5 亿元","computed":"60 亿元","difference":"2.5 亿元"}',
    );
    expect(differenceText({ ...reported, kind: "rate", unit: "%" }, t)).toContain("cas.differenceWeighted");
    expect(differenceText({ ...reported, difference: 0 }, t)).toBeNull();
    expect(differenceText({ ...reported, source: "computed" }, t)).toBeNull();
  });

  it("words each kind of finding with the node's unit", () => {
    const d = node({ indicatorId: "d" });
    expect(findingText({ code: "CASCADE_SHARES", indicatorId: "d", expected: 160, actual: 150 }, d, t)).toBe(
      'cas.findings.sharesSum{"expected":"160 亿元","actual":"150 亿元","period":""}',
    );
    expect(
      findingText(
        { code: "CASCADE_SHARES", indicatorId: "d", expected: 8.5, actual: 8.2 },
        { ...d, kind: "rate" },
        t,
      ),
    ).toContain("cas.findings.sharesWeighted");
    expect(
      findingText(
        { code: "CASCADE_MONTHS", indicatorId: "d", expected: 10, actual: 15, period: "2022-12" },
        d,
        t,
      ),
    ).toBe('cas.findings.months{"expected":"10 亿元","actual":"15 亿元","period":"2022-12"}');
    expect(findingText({ code: "INDICATOR_NO_TASK", indicatorId: "d" }, d, t)).toContain(
      "cas.findings.INDICATOR_NO_TASK",
    );
  });
});
