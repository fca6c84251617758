import { describe, expect, it } from "vitest";
import { buildRows, collapsibleIds, indexBattleMap, type Row } from "./row-model";
import { buildDependency, buildDistrict, buildTask, buildTaskForce } from "./test-factories";
import type { BattleMapData } from "./types";

const codes = (rows: readonly Row[]) =>
  rows.map((r) => (r.kind === "task" ? r.task.code : `[${r.taskForce.code}]`));

function small(): BattleMapData {
  const tasks = [
    buildTask({ id: "b", code: "01.2", duration: null }),
    buildTask({ id: "b10", code: "01.2.10", parentId: "b", critical: true, responsibleUnitId: "ou-9" }),
    buildTask({ id: "b2", code: "01.2.2", parentId: "b", status: "done" }),
    buildTask({ id: "a", code: "01.1" }),
    buildTask({ id: "x", code: "02.1", taskForceId: "tf-02", responsiblePersonId: "p-7" }),
  ];
  return {
    statusDate: "2022-08-15",
    taskForces: [buildTaskForce({ id: "tf-02", code: "02" }), buildTaskForce({ id: "tf-01", code: "01" })],
    tasks,
    dependencies: [buildDependency("b2", "b10"), buildDependency("a", "x", "SS")],
  };
}

describe("buildRows", () => {
  it("groups by task force in code order and orders tasks by WBS, parents before children", () => {
    const m = buildRows(indexBattleMap(small()), new Set());
    expect(codes(m.rows)).toEqual(["[01]", "01.1", "01.2", "01.2.2", "01.2.10", "[02]", "02.1"]);
    const depth = m.rows.map((r) => (r.kind === "task" ? r.depth : -1));
    expect(depth).toEqual([-1, 0, 0, 1, 1, -1, 0]);
    expect(m.rows[0]!.kind === "taskForce" && m.rows[0]!.taskCount).toBe(4);
  });
  it("leaves out the subtree of a collapsed task or task force", () => {
    const index = indexBattleMap(small());
    expect(codes(buildRows(index, new Set(["b"])).rows)).toEqual(["[01]", "01.1", "01.2", "[02]", "02.1"]);
    expect(codes(buildRows(index, new Set(["tf-01"])).rows)).toEqual(["[01]", "[02]", "02.1"]);
    expect(buildRows(index, new Set(collapsibleIds(index))).rows).toHaveLength(2);
  });
  it("links visible rows only, marking links between critical tasks", () => {
    const index = indexBattleMap(small());
    const m = buildRows(index, new Set());
    expect(m.links).toHaveLength(2);
    expect(m.links[0]).toMatchObject({ from: m.rowOfTask.get("b2"), to: m.rowOfTask.get("b10"), type: "FS" });
    expect(buildRows(index, new Set(["b"])).links).toHaveLength(1);
  });
  it("keeps the ancestors of matching tasks and drops task forces with no match", () => {
    const index = indexBattleMap(small());
    expect(codes(buildRows(index, new Set(), { criticalOnly: true }).rows)).toEqual([
      "[01]",
      "01.2",
      "01.2.10",
    ]);
    expect(codes(buildRows(index, new Set(), { responsibleUnitId: "ou-9" }).rows)).toEqual([
      "[01]",
      "01.2",
      "01.2.10",
    ]);
    expect(codes(buildRows(index, new Set(), { responsiblePersonId: "p-7" }).rows)).toEqual(["[02]", "02.1"]);
    expect(codes(buildRows(index, new Set(), { taskForceIds: ["tf-02"] }).rows)).toEqual(["[02]", "02.1"]);
    expect(codes(buildRows(index, new Set(), { lights: ["blue"] }).rows)).toEqual(["[01]", "01.2", "01.2.2"]);
  });
  it("colours a task force by the API's light, else by the worst of its tasks", () => {
    const data = small();
    expect(indexBattleMap(data).forceLights.get("tf-01")!.color).toBe("green");
    const lights = { tasks: {}, taskForces: { "tf-01": { color: "red" as const, reasons: [] } } };
    expect(indexBattleMap({ ...data, lights }).forceLights.get("tf-01")!.color).toBe("red");
  });
  // Its speed is measured by `npm run bench:ui`, not asserted here: a timed unit test fails on a busy machine.
  it("builds the rows and links of 5,000 tasks", () => {
    const data = buildDistrict(20, 10, 25); // 20 × (10 + 250) = 5,200 tasks, 4,800 links
    const m = buildRows(indexBattleMap(data), new Set());
    expect(m.rows).toHaveLength(5_220);
    expect(m.links).toHaveLength(4_800);
  });
});
