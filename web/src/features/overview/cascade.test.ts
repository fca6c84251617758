import { describe, expect, it } from "vitest";
import type { Goal, OverviewTaskForce } from "../../api/types";
import { buildCascade, worse } from "./cascade";

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
const tf = (id: string, goalIds: string[], light: OverviewTaskForce["light"]): OverviewTaskForce => ({
  id,
  code: id,
  name: id,
  goalIds,
  leadUnitId: null,
  leadLeaderId: null,
  light,
  reasons: [],
  counts: { red: 0, yellow: 0, green: 0, grey: 0, blue: 0 },
  score: null,
  rank: null,
  redLights: 0,
});

describe("buildCascade", () => {
  const goals = [
    goal("S", "strategy", null),
    goal("P", "programme", "S"),
    goal("A", "annual", "P"),
    goal("A2", "annual", "P"),
  ];

  it("hangs a task force under its deepest goal only", () => {
    const [s] = buildCascade(goals, [tf("t1", ["A", "P"], "green")]);
    const a = s?.children[0]?.children.find((n) => n.goal?.id === "A");
    expect(a?.children.map((n) => n.taskForce?.id)).toEqual(["t1"]);
    expect(s?.children[0]?.children.filter((n) => n.kind === "task-force")).toEqual([]);
  });

  it("gives a goal the worst light below it", () => {
    const [s] = buildCascade(goals, [tf("t1", ["A"], "green"), tf("t2", ["A2"], "red")]);
    expect(s?.light).toBe("red");
    expect(s?.children[0]?.children.find((n) => n.goal?.id === "A")?.light).toBe("green");
  });

  it("lists task forces without a known goal at the top", () => {
    const nodes = buildCascade(goals, [tf("t9", ["nope"], "yellow")]);
    expect(nodes.at(-1)?.taskForce?.id).toBe("t9");
  });

  it("ranks lights red worst, then yellow", () => {
    expect(worse("green", "yellow")).toBe("yellow");
    expect(worse(null, "blue")).toBe("blue");
    expect(worse("red", "grey")).toBe("red");
  });
});
