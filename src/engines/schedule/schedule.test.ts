import { describe, expect, it } from "vitest";
import { remainingDays } from "./node-bounds.js";
import { computeSchedule, schedule } from "./schedule.js";
import type { ScheduleFile, ScheduleOutput, ScheduleRow, ScheduleTaskInput } from "./types.js";

const CN = { builtin: "CN" } as const;
const row = (out: ScheduleOutput, id: string): ScheduleRow => out.tasks.find((t) => t.id === id)!;
const dates = (r: ScheduleRow) => [r.earlyStart, r.earlyFinish, r.lateStart, r.lateFinish, r.totalFloat];

describe("schedule: the 2022 Chinese calendar", () => {
  it("jumps the National Day week and works the weekend of Oct 8–9", () => {
    const out = schedule({
      calendar: CN,
      projectStart: "2022-09-26",
      deadline: "2022-10-11",
      tasks: [
        { id: "A", duration: 5 },
        { id: "B", duration: 2 },
        { id: "C", duration: 1 },
      ],
      dependencies: [
        { from: "A", to: "B" },
        { from: "B", to: "C" },
      ],
    });
    expect(dates(row(out, "A"))).toEqual(["2022-09-26", "2022-09-30", "2022-09-27", "2022-10-08", 1]);
    expect(dates(row(out, "B"))).toEqual(["2022-10-08", "2022-10-09", "2022-10-09", "2022-10-10", 1]);
    expect(dates(row(out, "C"))).toEqual(["2022-10-10", "2022-10-10", "2022-10-11", "2022-10-11", 1]);
    expect(out).toMatchObject({
      earliestFinish: "2022-10-10",
      feasible: true,
      minFloat: 1,
      criticalPath: ["A", "B", "C"],
    });
  });

  it("carries a chain across the Mid-Autumn holiday (Sep 10–12)", () => {
    const out = schedule({
      calendar: CN,
      projectStart: "2022-09-07",
      deadline: "2022-09-16",
      tasks: [
        { id: "A", duration: 3 },
        { id: "B", duration: 2 },
      ],
      dependencies: [{ from: "A", to: "B", type: "FS", lag: 0 }],
    });
    expect(dates(row(out, "A"))).toEqual(["2022-09-07", "2022-09-09", "2022-09-09", "2022-09-14", 2]);
    expect(dates(row(out, "B"))).toEqual(["2022-09-13", "2022-09-14", "2022-09-15", "2022-09-16", 2]);
  });

  it("puts the late dates of an infeasible plan before the project start", () => {
    const out = schedule({
      calendar: CN,
      projectStart: "2022-10-08",
      deadline: "2022-10-10",
      tasks: [{ id: "A", duration: 5 }],
    });
    expect(dates(row(out, "A"))).toEqual(["2022-10-08", "2022-10-12", "2022-09-29", "2022-10-10", -2]);
    expect(out).toMatchObject({
      feasible: false,
      minFloat: -2,
      negativeFloatTasks: ["A"],
      criticalPath: ["A"],
    });
  });
});

describe("schedule: dependency types and lags", () => {
  // A occupies slots [5, 10) (2022-08-08 … 08-12, plain weeks); B lasts 3 working days.
  const early = (type: "FS" | "SS" | "FF" | "SF", lag: number) => {
    const out = schedule({
      projectStart: "2022-08-01",
      tasks: [
        { id: "A", duration: 5, notBefore: "2022-08-08" },
        { id: "B", duration: 3 },
      ],
      dependencies: [{ from: "A", to: "B", type, lag }],
    });
    return [row(out, "B").earlyStart, row(out, "B").earlyFinish];
  };
  it.each([
    ["FS", 2, "2022-08-17", "2022-08-19"],
    ["FS", -2, "2022-08-11", "2022-08-15"],
    ["SS", 2, "2022-08-10", "2022-08-12"],
    ["SS", -2, "2022-08-04", "2022-08-08"],
    ["FF", 2, "2022-08-12", "2022-08-16"],
    ["FF", -2, "2022-08-08", "2022-08-10"],
    ["SF", 2, "2022-08-05", "2022-08-09"],
    ["SF", -2, "2022-08-01", "2022-08-03"],
  ] as const)("%s with lag %i starts B on %s", (type, lag, start, finish) => {
    expect(early(type, lag)).toEqual([start, finish]);
  });

  it.each([
    ["FS", 2, "2022-08-24"],
    ["SS", -2, "2022-08-31"],
    ["FF", 2, "2022-08-29"],
    ["SF", 2, "2022-08-31"],
  ] as const)("%s with lag %i gives A the late finish %s (deadline 2022-08-31)", (type, lag, lateFinish) => {
    const out = schedule({
      projectStart: "2022-08-01",
      deadline: "2022-08-31",
      tasks: [
        { id: "A", duration: 5 },
        { id: "B", duration: 3 },
      ],
      dependencies: [{ from: "A", to: "B", type, lag }],
    });
    expect(row(out, "A").lateFinish).toBe(lateFinish);
  });
});

describe("schedule: milestones and summaries", () => {
  it("dates a milestone on the last working day before it, or the first slot at the start", () => {
    const out = schedule({
      calendar: CN,
      projectStart: "2022-10-01",
      tasks: [
        { id: "kickoff", duration: 0 },
        { id: "A", duration: 2 },
        { id: "done", duration: 0 },
      ],
      dependencies: [
        { from: "kickoff", to: "A" },
        { from: "A", to: "done" },
      ],
    });
    expect(dates(row(out, "kickoff"))).toEqual(["2022-10-08", "2022-10-08", "2022-10-08", "2022-10-08", 0]);
    expect(dates(row(out, "done"))).toEqual(["2022-10-09", "2022-10-09", "2022-10-09", "2022-10-09", 0]);
    expect(out.criticalPath).toEqual(["kickoff", "A", "done"]);
  });

  it("applies a dependency on a summary to each child and spans the summary over them", () => {
    const tasks: ScheduleTaskInput[] = [
      { id: "X", duration: 2 },
      { id: "S", name: "summary" },
      { id: "C1", duration: 2, parent: "S" },
      { id: "C2", duration: 4, parent: "S" },
      { id: "Y", duration: 1 },
    ];
    const out = schedule({
      projectStart: "2022-08-01",
      deadline: "2022-08-12",
      tasks,
      dependencies: [
        { from: "X", to: "S" },
        { from: "S", to: "Y" },
      ],
    });
    expect(dates(row(out, "X"))).toEqual(["2022-08-01", "2022-08-02", "2022-08-04", "2022-08-05", 3]);
    expect(dates(row(out, "C1"))).toEqual(["2022-08-03", "2022-08-04", "2022-08-10", "2022-08-11", 5]);
    expect(dates(row(out, "C2"))).toEqual(["2022-08-03", "2022-08-08", "2022-08-08", "2022-08-11", 3]);
    expect(dates(row(out, "Y"))).toEqual(["2022-08-09", "2022-08-09", "2022-08-12", "2022-08-12", 3]);
    expect(row(out, "S")).toEqual({
      id: "S",
      earlyStart: "2022-08-03",
      earlyFinish: "2022-08-08",
      lateStart: "2022-08-08",
      lateFinish: "2022-08-11",
      totalFloat: 3,
      critical: true,
      summary: true,
    });
    expect(out.criticalPath).toEqual(["X", "C2", "Y"]);
    // A summary's deadline binds its children.
    const tight = schedule({
      projectStart: "2022-08-01",
      deadline: "2022-08-31",
      tasks: [{ ...tasks[1]!, deadline: "2022-08-05" }, ...tasks.slice(2, 4)],
    });
    expect(row(tight, "C2").lateFinish).toBe("2022-08-05");
  });
});

describe("schedule: status date", () => {
  const file: ScheduleFile = {
    projectStart: "2022-08-01",
    statusDate: "2022-08-10",
    tasks: [
      { id: "D", duration: 4, actualStart: "2022-08-01", actualFinish: "2022-08-03" },
      { id: "P", duration: 10, actualStart: "2022-08-02", percent: 45 },
      { id: "N", duration: 2 },
      { id: "L", duration: 1, notBefore: "2022-08-15" },
    ],
    dependencies: [
      { from: "D", to: "N" },
      { from: "N", to: "P", type: "FS" },
    ],
  };
  it("keeps done tasks' actual dates, finishes work in progress from the status date, starts the rest no earlier", () => {
    const out = schedule(file);
    expect([row(out, "D").earlyStart, row(out, "D").earlyFinish]).toEqual(["2022-08-01", "2022-08-03"]);
    // 10 × (1 − 0.45) = 5.5 → 6 working days from Wed 2022-08-10.
    expect([row(out, "P").earlyStart, row(out, "P").earlyFinish]).toEqual(["2022-08-02", "2022-08-17"]);
    expect([row(out, "N").earlyStart, row(out, "N").earlyFinish]).toEqual(["2022-08-10", "2022-08-11"]);
    expect(row(out, "L").earlyStart).toBe("2022-08-15");
    expect(out.statusDate).toBe("2022-08-10");
  });
  it("lets options override or drop the status date", () => {
    expect(row(schedule(file, { statusDate: "2022-08-12" }), "N").earlyStart).toBe("2022-08-12");
    expect(row(schedule(file, { statusDate: null }), "N").earlyStart).toBe("2022-08-04");
  });
  it("rounds the remaining work up, exactly", () => {
    expect(remainingDays(10, 70)).toBe(3);
    expect(remainingDays(10, 45)).toBe(6);
    expect(remainingDays(3, 100)).toBe(0);
    expect(remainingDays(7, 0)).toBe(7);
  });
});

describe("schedule: project without a deadline, streaming", () => {
  it("uses the earliest finish as the deadline, so the longest chain has zero float", () => {
    const out = schedule({
      projectStart: "2022-08-01",
      tasks: [
        { id: "A", duration: 3 },
        { id: "B", duration: 1 },
        { id: "C", duration: 2 },
      ],
      dependencies: [{ from: "A", to: "C" }],
    });
    expect(out).toMatchObject({ deadline: null, minFloat: 0, feasible: true, criticalPath: ["A", "C"] });
    expect(row(out, "B").totalFloat).toBe(4);
  });
  it("streams JSON identical to the returned object", () => {
    const file: ScheduleFile = {
      projectStart: "2022-08-01",
      tasks: Array.from({ length: 50 }, (_, i) => ({ id: `T"${i}`, duration: i % 4 })),
      dependencies: Array.from({ length: 49 }, (_, i) => ({ from: `T"${i}`, to: `T"${i + 1}` })),
    };
    const result = computeSchedule(file);
    expect([...result.jsonChunks(7)].join("")).toBe(`${JSON.stringify(result.toOutput())}\n`);
    expect([...result.jsonChunks(50)].join("")).toBe(`${JSON.stringify(schedule(file))}\n`);
  });
  it("schedules an empty project", () => {
    expect(schedule({ projectStart: "2022-08-01", tasks: [] })).toMatchObject({
      earliestFinish: "2022-08-01",
      feasible: true,
      minFloat: 0,
      criticalPath: [],
      tasks: [],
    });
  });
});

describe("ScheduleResult.jsonBytes", () => {
  it("streams UTF-8 bytes that decode to the returned object's JSON, escapes and all", () => {
    const file: ScheduleFile = {
      calendar: CN,
      projectStart: "2022-09-28",
      deadline: "2022-10-10",
      tasks: [
        { id: "S" },
        ...Array.from({ length: 40 }, (_, i) => ({
          id: i % 7 === 0 ? `任务"${i}\\` : `T-${i}`,
          duration: i % 5,
          ...(i % 3 === 0 ? { parent: "S" } : {}),
        })),
      ],
      dependencies: Array.from({ length: 39 }, (_, i) => ({
        from: i % 7 === 0 ? `任务"${i}\\` : `T-${i}`,
        to: (i + 1) % 7 === 0 ? `任务"${i + 1}\\` : `T-${i + 1}`,
      })),
    };
    const result = computeSchedule(file);
    const chunks: Uint8Array[] = [];
    for (const c of result.jsonBytes(100)) chunks.push(c.slice()); // a chunk lives until the next
    const all = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
    let at = 0;
    for (const c of chunks) {
      all.set(c, at);
      at += c.length;
    }
    expect(new TextDecoder().decode(all)).toBe(`${JSON.stringify(result.toOutput())}\n`);
    expect(result.toOutput().minFloat).toBeLessThan(0);
  });
});
