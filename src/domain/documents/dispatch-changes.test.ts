import { describe, expect, it } from "vitest";
import { type DispatchTask, dispatchReport, type LightColor } from "../../engines/index.js";
import { changesSince, previousRoundDate } from "./dispatch-changes.js";

const forces = [
  { id: "tf-a", code: "01", name: "甲专班" },
  { id: "tf-b", code: "02", name: "乙专班" },
];

function task(id: string, taskForceId: string, o: Partial<DispatchTask> = {}): DispatchTask {
  return { id, taskForceId, code: id, title: `任务${id}`, status: "in_progress", percent: 50, ...o };
}

/** A weekly report at `statusDate` over `tasks` (each with the given light) and task-force colours. */
function reportAt(
  statusDate: string,
  tasks: readonly (readonly [DispatchTask, LightColor])[],
  colors: Record<string, LightColor>,
  taskForces = forces,
) {
  return dispatchReport({
    statusDate,
    round: "weekly",
    taskForces,
    tasks: tasks.map(([t]) => t),
    taskLights: tasks.map(([t, color]) => ({ taskId: t.id, color, reasons: [], summary: false })),
    taskForceColors: colors,
  });
}

describe("changesSince", () => {
  it("lists the task forces whose light changed, from and to", () => {
    const previous = reportAt("2022-08-14", [], { "tf-a": "green", "tf-b": "yellow" });
    const current = reportAt("2022-08-15", [], { "tf-a": "red", "tf-b": "yellow" });
    const c = changesSince(current, previous);
    expect(c.previousStatusDate).toBe("2022-08-14");
    expect(c.colorChanges).toEqual([
      { taskForceId: "tf-a", code: "01", name: "甲专班", from: "green", to: "red" },
    ]);
  });

  it("counts a task force missing from either report as a change from or to nothing", () => {
    const previous = reportAt("2022-08-14", [], { "tf-a": "green" }, [forces[0]!]);
    const current = reportAt("2022-08-15", [], { "tf-b": "red" }, [forces[1]!]);
    expect(changesSince(current, previous).colorChanges).toEqual([
      { taskForceId: "tf-b", code: "02", name: "乙专班", from: null, to: "red" },
      { taskForceId: "tf-a", code: "01", name: "甲专班", from: "green", to: null },
    ]);
  });

  it("finds the tasks that fell overdue in the round and those that left the overdue list", () => {
    const late = task("01.1", "tf-a", { deadline: "2022-08-12" });
    const old = task("02.1", "tf-b", { deadline: "2022-08-10" });
    const oldDone = { ...old, status: "done" as const, percent: 100, actualFinish: "2022-08-15" };
    const still = task("01.2", "tf-a", { deadline: "2022-08-01" });
    const previous = reportAt(
      "2022-08-11",
      [
        [late, "yellow"],
        [old, "red"],
        [still, "red"],
      ],
      {},
    );
    const current = reportAt(
      "2022-08-15",
      [
        [late, "red"],
        [oldDone, "blue"],
        [still, "red"],
      ],
      {},
    );
    const c = changesSince(current, previous);
    expect(c.newlyOverdue.map((e) => e.taskId)).toEqual(["01.1"]);
    expect(c.newlyOverdue[0]!.daysOverdue).toBe(3);
    expect(c.noLongerOverdue.map((e) => e.taskId)).toEqual(["02.1"]);
    expect(c.counts).toEqual({
      red: { previous: 2, current: 2 },
      yellow: { previous: 1, current: 0 },
      overdue: { previous: 2, current: 2 },
    });
  });

  it("reports nothing changed between a report and itself", () => {
    const r = reportAt("2022-08-15", [[task("01.1", "tf-a", { deadline: "2022-08-01" }), "red"]], {
      "tf-a": "red",
    });
    const c = changesSince(r, r);
    expect(c.colorChanges).toEqual([]);
    expect(c.newlyOverdue).toEqual([]);
    expect(c.noLongerOverdue).toEqual([]);
  });
});

describe("previousRoundDate", () => {
  it.each([
    ["2022-08-15", "2022-08-14"],
    ["2022-08-01", "2022-07-31"],
    ["2024-03-01", "2024-02-29"],
    ["2023-01-01", "2022-12-31"],
  ])("ends the round before one starting %s on %s", (start, expected) => {
    expect(previousRoundDate(start)).toBe(expected);
  });
});
