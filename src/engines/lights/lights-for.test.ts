import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Indicator } from "../indicators/types.js";
import { LIGHT_SEVERITY } from "./light.js";
import { lightsFor } from "./lights-for.js";
import { buildTestCalendar } from "./test-calendar.fixture.js";
import type { LightsInput, LightTask } from "./types.js";

const calendar = buildTestCalendar();
const T = "2022-08-05";
const task = (id: string, over: Partial<LightTask> = {}): LightTask => ({
  id,
  taskForceId: "tf1",
  code: id,
  status: "in_progress",
  percent: 50,
  supervision: [],
  ...over,
});
const indicator: Indicator = {
  id: "i1",
  name: "新增市场主体",
  unit: "户",
  kind: "cumulative",
  direction: "up",
  baseline: 0,
  target: 1000,
  year: 2022,
  taskForceId: "tf1",
};
const run = (tasks: LightTask[], extra: Partial<LightsInput> = {}) =>
  lightsFor({ calendar, taskForces: [{ id: "tf1" }], tasks, ...extra }, T, { dispatchRound: "off" });

describe("lightsFor", () => {
  it("lights a summary task with its worst sub-task and says which", () => {
    const res = run([
      task("01"),
      task("01.1", { parentId: "01" }),
      task("01.2", { parentId: "01", totalFloat: 1 }),
      task("01.3", { parentId: "01", status: "done" }),
    ]);
    const summary = res.tasks[0]!;
    expect(summary).toMatchObject({ taskId: "01", summary: true, color: "yellow" });
    expect(summary.reasons.map((r) => [r.code, r.params.child])).toEqual([["CHILD_LIGHT", "01.2"]]);
  });

  it("makes a summary blue only when every sub-task is done, ignoring its own stale deadline", () => {
    const res = run([
      task("01", { deadline: "2022-08-01" }),
      task("01.1", { parentId: "01", status: "done" }),
      task("01.2", { parentId: "01", status: "done" }),
    ]);
    expect(res.tasks[0]!.color).toBe("blue");
    expect(res.taskForces[0]!.color).toBe("blue");
  });

  it("reds a summary for its own overdue supervision item and names it in the task force", () => {
    const res = run([
      task("01", { supervision: [{ dueDate: "2022-08-01", state: "open" }] }),
      task("01.1", { parentId: "01" }),
    ]);
    expect(res.tasks[0]!.color).toBe("red");
    expect(res.taskForces[0]!.reasons.map((r) => [r.code, r.params.taskCode])).toEqual([
      ["TASK_LIGHT", "SUPERVISION_OVERDUE"],
    ]);
  });

  it("lights a task force with its worst task or indicator and counts colours", () => {
    const res = run([task("a"), task("b", { status: "done" })], {
      indicators: [{ indicator, readings: [{ period: "2022-07", actual: 100 }] }],
    });
    const tf = res.taskForces[0]!;
    expect(tf.color).toBe("red");
    expect(tf.reasons.map((r) => r.code)).toEqual(["INDICATOR_LIGHT"]);
    expect(tf.taskCounts).toMatchObject({ green: 1, blue: 1 });
    expect(tf.indicatorCounts.red).toBe(1);
    expect(tf.counts).toMatchObject({ green: 1, blue: 1, red: 1 });
    expect(res.indicators[0]!.progress.workProgress).toBeCloseTo(10);
  });

  it.each([
    ["green and grey", [task("a"), task("b", { status: "not_started", lateStart: "2022-09-01" })], "green"],
    [
      "grey and blue",
      [task("a", { status: "done" }), task("b", { status: "not_started", lateStart: "2022-09-01" })],
      "grey",
    ],
    ["all done", [task("a", { status: "done" })], "blue"],
    ["nothing", [], "grey"],
  ])("orders severity red > yellow > green > grey > blue: %s gives %s", (_, tasks, color) => {
    expect(run(tasks).taskForces[0]!.color).toBe(color);
  });

  it("survives a parent cycle and an unknown parent", () => {
    const res = run([
      task("a", { parentId: "b" }),
      task("b", { parentId: "a" }),
      task("c", { parentId: "zz" }),
    ]);
    expect(res.tasks).toHaveLength(3);
  });

  const arbTask = fc.record({
    status: fc.constantFrom("not_started", "in_progress", "done", "suspended"),
    percent: fc.integer({ min: 0, max: 100 }),
    deadlineDay: fc.option(fc.integer({ min: 1, max: 28 })),
    lateDay: fc.option(fc.integer({ min: 1, max: 28 })),
    float: fc.option(fc.integer({ min: -3, max: 6 })),
    parent: fc.option(fc.nat(30)),
    overdue: fc.boolean(),
  });
  it("never lights a task force or a summary better than any of its tasks", () => {
    fc.assert(
      fc.property(fc.array(arbTask, { maxLength: 30 }), (specs) => {
        const day = (d: number) => `2022-08-${String(d).padStart(2, "0")}`;
        const tasks = specs.map((s, k) =>
          task(`t${k}`, {
            status: s.status as LightTask["status"],
            percent: s.percent,
            deadline: s.deadlineDay === null ? null : day(s.deadlineDay),
            lateStart: s.lateDay === null ? null : day(s.lateDay),
            totalFloat: s.float,
            parentId: s.parent === null || s.parent >= k ? null : `t${s.parent}`,
            supervision: s.overdue ? [{ dueDate: "2022-08-01", state: "open" }] : [],
          }),
        );
        const res = run(tasks);
        const tf = LIGHT_SEVERITY[res.taskForces[0]!.color];
        const byId = new Map(res.tasks.map((l) => [l.taskId, l]));
        for (const l of res.tasks) {
          expect(tf).toBeGreaterThanOrEqual(LIGHT_SEVERITY[l.color]);
          const parent = tasks.find((t) => t.id === l.taskId)!.parentId;
          if (parent)
            expect(LIGHT_SEVERITY[byId.get(parent)!.color]).toBeGreaterThanOrEqual(LIGHT_SEVERITY[l.color]);
          expect(l.reasons.length).toBeGreaterThan(0);
        }
      }),
    );
  });
});

describe("lightsFor reasons", () => {
  it("shares equal reasons between tasks and names the task only at task-force level", () => {
    const res = run([
      task("a", { status: "done" }),
      task("b", { status: "done" }),
      task("c", { deadline: "2022-08-01" }),
    ]);
    expect(res.tasks[0]!.reasons[0]).toBe(res.tasks[1]!.reasons[0]);
    expect(Object.isFrozen(res.tasks[0]!.reasons[0])).toBe(true);
    expect(res.taskForces[0]!.reasons[0]!.text).toEqual({
      zh: "任务c为红灯：已超过截止日期2022-08-01（逾期4个工作日）且未完成",
      en: "Task c is red: past its deadline 2022-08-01 (4 working days) and not done",
    });
    expect(JSON.parse(JSON.stringify(res.tasks[2]!.reasons))).toEqual([
      {
        code: "PAST_DEADLINE",
        params: { deadline: "2022-08-01", overdueWorkdays: 4 },
        text: res.tasks[2]!.reasons[0]!.text,
      },
    ]);
  });
});

describe("lightsFor task-force reasons", () => {
  it("names at most maxTaskForceReasons items, then counts the rest", () => {
    const tasks = Array.from({ length: 5 }, (_, k) => task(`r${k}`, { deadline: "2022-08-01" }));
    const res = lightsFor({ calendar, taskForces: [{ id: "tf1" }], tasks }, T, {
      dispatchRound: "off",
      maxTaskForceReasons: 3,
    });
    const reasons = res.taskForces[0]!.reasons;
    expect(reasons.map((r) => r.code)).toEqual(["TASK_LIGHT", "TASK_LIGHT", "TASK_LIGHT", "MORE_ITEMS"]);
    expect(reasons[3]!.params).toEqual({ count: 2, color: "red" });
    expect(reasons[3]!.text.en).toBe("2 more items are red");
  });
});
