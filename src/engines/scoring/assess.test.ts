import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Indicator } from "../indicators/types.js";
import { assess } from "./assess.js";
import { rankEntities } from "./rank.js";
import type { AssessInput, AssessSupervisionItem, AssessTask } from "./types.js";

const T = "2022-08-15";
const ms = (id: string, over: Partial<AssessTask> = {}): AssessTask => ({
  id,
  taskForceId: "tf1",
  status: "done",
  duration: 0,
  deadline: "2022-08-01",
  actualFinish: "2022-08-01",
  responsibleUnitId: "u1",
  responsiblePersonId: "p1",
  ...over,
});
const item = (id: string, over: Partial<AssessSupervisionItem> = {}): AssessSupervisionItem => ({
  id,
  taskId: "m1",
  dueDate: "2022-08-10",
  state: "verified",
  verifiedDate: "2022-08-09",
  ...over,
});
const ind = (id: string, target: number, over: Partial<Indicator> = {}): Indicator => ({
  id,
  name: id,
  unit: "亿元",
  kind: "cumulative",
  direction: "up",
  baseline: 0,
  target,
  year: 2022,
  taskForceId: "tf1",
  ...over,
});
const input = (over: Partial<AssessInput> = {}): AssessInput => ({
  statusDate: T,
  taskForces: [{ id: "tf1" }],
  tasks: [],
  ...over,
});

describe("assess", () => {
  it("gives 100 when every milestone, indicator and supervision item is met", () => {
    const res = assess(
      input({
        tasks: [ms("m1")],
        indicators: [{ indicator: ind("i1", 100), readings: [{ period: "2022-08", actual: 90 }] }],
        supervisionItems: [item("s1")],
      }),
    );
    expect(res.taskForces[0]).toMatchObject({ id: "tf1", score: 100, rank: 1 });
  });

  it("takes deductions off the task force and the owner, never below 0, and re-ranks", () => {
    const res = assess(
      input({
        taskForces: [{ id: "tf1" }, { id: "tf2" }],
        tasks: [ms("m1"), { ...ms("m2"), taskForceId: "tf2" }],
        deductions: [
          { taskForceId: "tf1", personId: "p1", points: 0.5 },
          { taskForceId: "tf1", personId: null, points: 0.5 },
          { taskForceId: "tf2", points: 150 },
        ],
      }),
    );
    expect(res.taskForces.map((e) => [e.id, e.score, e.deducted, e.rank])).toEqual([
      ["tf1", 99, 1, 1],
      ["tf2", 0, 150, 2],
    ]);
    expect(res.persons.find((p) => p.id === "p1")?.deducted).toBe(0.5);
  });

  it.each<[string, AssessTask, number | null]>([
    ["met on time", ms("m1"), 1],
    ["done late", ms("m1", { actualFinish: "2022-08-03" }), 0],
    ["past due, not done", ms("m1", { status: "in_progress", actualFinish: null }), 0],
    [
      "due today, not done (not counted yet)",
      ms("m1", { status: "in_progress", deadline: T, actualFinish: null }),
      null,
    ],
    ["not yet due, already done", ms("m1", { deadline: "2022-09-01" }), 1],
    ["not a milestone", ms("m1", { duration: 5 }), null],
  ])("scores a milestone %s", (_, task, ratio) => {
    expect(assess(input({ tasks: [task] })).taskForces[0]!.components.milestones.ratio).toBe(ratio);
  });

  it.each<[string, AssessSupervisionItem, number | null]>([
    ["verified by its due date", item("s1"), 1],
    ["verified late", item("s1", { verifiedDate: "2022-08-12" }), 0],
    ["open past due", item("s1", { state: "rectifying", verifiedDate: null }), 0],
    ["open, due today", item("s1", { state: "open", dueDate: T, verifiedDate: null }), null],
  ])("scores a supervision item %s", (_, it, ratio) => {
    const res = assess(input({ tasks: [ms("m1")], supervisionItems: [it] }));
    expect(res.taskForces[0]!.components.supervision.ratio).toBe(ratio);
  });

  it("redistributes the weight of components with nothing to count", () => {
    // Only supervision counts: half of two items → 50, the whole score.
    const res = assess(
      input({
        supervisionItems: [
          item("s1", { taskForceId: "tf1", taskId: null }),
          item("s2", { taskForceId: "tf1", taskId: null, verifiedDate: "2022-08-11" }),
        ],
      }),
    );
    const tf = res.taskForces[0]!;
    expect(tf.score).toBe(50);
    expect(tf.components.supervision.weight).toBe(100);
    expect(tf.components.milestones).toMatchObject({ ratio: null, weight: 0, points: 0 });
  });

  it("leaves a task force with nothing to count unscored and unranked", () => {
    const res = assess(input({ taskForces: [{ id: "tf0" }, { id: "tf1" }], tasks: [ms("m1")] }));
    expect(res.taskForces.map((e) => [e.id, e.score, e.rank])).toEqual([
      ["tf1", 100, 1],
      ["tf0", null, null],
    ]);
  });

  it("uses indicator achievement (work over time progress, capped at 1), counting a missing due reading as 0", () => {
    // 2022-08-15: time progress 227/365 = 62.2 %; actual 31.1 % → achievement 0.5.
    const res = assess(
      input({
        indicators: [
          { indicator: ind("i1", 365), readings: [{ period: "2022-08", actual: 113.5 }] },
          { indicator: ind("i2", 100), readings: [] },
        ],
      }),
    );
    const c = res.taskForces[0]!.components.indicators;
    expect(c.counted).toBe(2);
    expect(c.ratio).toBeCloseTo(0.25);
  });

  it("applies configurable weights", () => {
    const res = assess(
      input({ tasks: [ms("m1"), ms("m2", { actualFinish: "2022-08-05" })], supervisionItems: [item("s1")] }),
      {
        weights: { milestones: 50, supervision: 50 },
      },
    );
    expect(res.weights).toEqual({ milestones: 50, indicators: 40, supervision: 50 });
    expect(res.taskForces[0]!.score).toBe(75);
  });

  it("scores units and persons from the tasks they are responsible for", () => {
    const res = assess(
      input({
        tasks: [
          ms("m1"),
          ms("m2", { responsibleUnitId: "u2", responsiblePersonId: "p2", actualFinish: "2022-08-09" }),
        ],
        indicators: [
          { indicator: ind("i1", 100, { taskId: "m2" }), readings: [{ period: "2022-08", actual: 100 }] },
        ],
      }),
    );
    expect(res.units.map((u) => [u.id, u.score, u.rank])).toEqual([
      ["u1", 100, 1],
      ["u2", 50, 2],
    ]);
    expect(res.persons.map((p) => p.id)).toEqual(["p1", "p2"]);
  });

  it("breaks ties by fewer red lights, then shares the rank", () => {
    const res = assess(
      input({
        taskForces: [{ id: "a" }, { id: "b" }, { id: "c" }, { id: "d" }],
        tasks: ["a", "b", "c", "d"].map((tf) => ms(`m-${tf}`, { taskForceId: tf })),
        lights: {
          tasks: [
            { taskId: "m-a", color: "red" },
            { taskId: "m-c", color: "green" },
          ],
        },
      }),
    );
    expect(res.taskForces.map((e) => [e.id, e.redLights, e.rank])).toEqual([
      ["b", 0, 1],
      ["c", 0, 1],
      ["d", 0, 1],
      ["a", 1, 4],
    ]);
  });
});

describe("rankEntities", () => {
  const entity = fc.record({
    id: fc.string({ maxLength: 4 }),
    score: fc.option(fc.integer({ min: 0, max: 10 }).map((n) => n * 10)),
    redLights: fc.integer({ min: 0, max: 3 }),
  });
  it("is a permutation that respects score, then red lights, with shared competition ranks", () => {
    fc.assert(
      fc.property(fc.array(entity, { maxLength: 20 }), (list) => {
        const ranked = rankEntities(list);
        expect(ranked).toHaveLength(list.length);
        expect(
          ranked
            .map(({ rank: _, ...e }) => e)
            .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
        ).toEqual([...list].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))));
        ranked.forEach((e, k) => {
          if (e.score === null) expect(e.rank).toBeNull();
          else
            expect(e.rank).toBe(
              ranked.findIndex((x) => x.score === e.score && x.redLights === e.redLights) + 1,
            );
          const next = ranked[k + 1];
          if (next && e.score !== null && next.score !== null) {
            expect(e.score > next.score || (e.score === next.score && e.redLights <= next.redLights)).toBe(
              true,
            );
          }
          if (next && e.score === null) expect(next.score).toBeNull();
        });
      }),
    );
  });
});

describe("assess (properties)", () => {
  const day = fc.integer({ min: 1, max: 28 }).map((d) => `2022-08-${String(d).padStart(2, "0")}`);
  const task = fc.record({
    status: fc.constantFrom("not_started", "in_progress", "done", "suspended") as fc.Arbitrary<
      AssessTask["status"]
    >,
    deadline: day,
    actualFinish: fc.option(day),
    tf: fc.constantFrom("a", "b", "c"),
    unit: fc.constantFrom("u1", "u2"),
  });
  const sup = fc.record({
    dueDate: day,
    state: fc.constantFrom("open", "rectifying", "submitted", "verified") as fc.Arbitrary<
      AssessSupervisionItem["state"]
    >,
    verifiedDate: fc.option(day),
    k: fc.nat(20),
  });
  const weight = fc.integer({ min: 0, max: 100 });
  it("keeps every score in [0, 100] and every list ranked", () => {
    fc.assert(
      fc.property(
        fc.array(task, { maxLength: 20 }),
        fc.array(sup, { maxLength: 10 }),
        weight,
        weight,
        weight,
        (ts, ss, a, b, c) => {
          const tasks = ts.map((t, k) =>
            ms(`t${k}`, {
              status: t.status,
              deadline: t.deadline,
              actualFinish: t.actualFinish,
              taskForceId: t.tf,
              responsibleUnitId: t.unit,
            }),
          );
          const supervisionItems = ss.map((s, k) =>
            item(`s${k}`, {
              dueDate: s.dueDate,
              state: s.state,
              verifiedDate: s.verifiedDate,
              taskId: tasks[s.k]?.id ?? null,
              taskForceId: "a",
            }),
          );
          const res = assess(
            { statusDate: T, taskForces: [{ id: "a" }, { id: "b" }, { id: "c" }], tasks, supervisionItems },
            { weights: { milestones: a, indicators: b, supervision: c } },
          );
          for (const e of [...res.taskForces, ...res.units, ...res.persons]) {
            if (e.score !== null) {
              expect(e.score).toBeGreaterThanOrEqual(0);
              expect(e.score).toBeLessThanOrEqual(100);
            }
          }
          for (const list of [res.taskForces, res.units]) {
            for (let k = 1; k < list.length; k++) {
              expect(list[k - 1]!.score ?? -1).toBeGreaterThanOrEqual(list[k]!.score ?? -1);
            }
          }
        },
      ),
    );
  });
});

describe("rankEntities (JSDoc example)", () => {
  it("ranks 90 with 1 red after 90 with none, then 80", () => {
    const ranked = rankEntities([
      { id: "a", score: 90, redLights: 1 },
      { id: "b", score: 90, redLights: 0 },
      { id: "c", score: 80, redLights: 0 },
    ]);
    expect(ranked.map((e) => [e.id, e.rank])).toEqual([
      ["b", 1],
      ["a", 2],
      ["c", 3],
    ]);
  });
});
