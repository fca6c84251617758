import { describe, expect, it } from "vitest";
import { buildRows, indexBattleMap } from "./row-model";
import { windowRows } from "./row-window";
import { buildDependency, buildTask, buildTaskForce } from "./test-factories";

function model() {
  const tasks = ["01.1", "01.2", "01.3", "01.4", "01.5"].map((code, i) => buildTask({ id: `t${i}`, code }));
  return buildRows(
    indexBattleMap({
      statusDate: "2022-08-15",
      taskForces: [buildTaskForce({ id: "tf-01", code: "01" })],
      tasks,
      dependencies: [buildDependency("t0", "t1"), buildDependency("t2", "t3"), buildDependency("t3", "t4")],
    }),
    new Set(),
  );
}

describe("windowRows", () => {
  it("keeps the rows of the window renumbered from 0, with the links inside it", () => {
    const m = model(); // [01] 01.1 … 01.5: rows 0…5; links 1→2, 3→4, 4→5
    const w = windowRows(m, { first: 3, count: 3 });
    expect(w.rows.map((r) => r.id)).toEqual(["t2", "t3", "t4"]);
    expect(w.links.map((l) => [l.from, l.to])).toEqual([
      [0, 1],
      [1, 2],
    ]);
    expect(w.rowOfTask.get("t2")).toBe(0);
    expect(w.rowOfTask.has("t0")).toBe(false);
  });
  it("clamps a window past the end and returns the model itself when it covers every row", () => {
    const m = model();
    expect(windowRows(m, { first: 4, count: 10 }).rows).toHaveLength(2);
    expect(windowRows(m, { first: 0, count: 99 })).toBe(m);
    expect(windowRows(m, { first: 9, count: 3 }).rows).toHaveLength(0);
  });
});
