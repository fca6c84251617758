import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildWorkCalendar } from "../calendar/index.js";
import { lightsFor } from "../lights/lights-for.js";
import { buildTestCalendar } from "../lights/test-calendar.fixture.js";
import type { LightTask } from "../lights/types.js";
import { dispatchReport, dispatchReportOf, dispatchSections } from "./dispatch-report.js";
import { compareWbs, dispatchRounds, sortByWbs } from "./dispatch-rounds.js";
import { keyPoints } from "./key-points.js";
import type { DispatchIndicator, DispatchInput, DispatchTask } from "./types.js";

const calendar = buildTestCalendar();
const T = "2022-08-15"; // a Monday
const tfs = [
  { id: "tf2", code: "02", name: "招商引资专班" },
  { id: "tf1", code: "01", name: "重大项目建设专班" },
];
type T0 = DispatchTask & LightTask;
const task = (id: string, over: Partial<T0> = {}): T0 => ({
  id,
  taskForceId: "tf1",
  code: id,
  title: `任务${id}`,
  status: "in_progress",
  percent: 50,
  supervision: [],
  lastReportDate: T,
  ...over,
});

/** Lights from the real lights engine, then the report: the way the service wires them. */
function report(
  tasks: T0[],
  extra: Partial<DispatchInput> = {},
  round: "weekly" | "monthly" | "off" = "weekly",
) {
  const lights = lightsFor({ calendar, taskForces: tfs, tasks }, T, { dispatchRound: round });
  return dispatchReport({
    statusDate: T,
    round,
    calendar,
    taskForces: tfs,
    tasks,
    taskLights: lights.tasks,
    taskForceColors: Object.fromEntries(lights.taskForces.map((l) => [l.taskForceId, l.color])),
    ...extra,
  });
}

describe("dispatchRounds", () => {
  it("takes the ISO week up to T and the whole next week (off reports weekly)", () => {
    expect(dispatchRounds("weekly", "2022-08-17")).toEqual({
      kind: "weekly",
      current: { start: "2022-08-15", end: "2022-08-17" },
      next: { start: "2022-08-22", end: "2022-08-28" },
      due: { start: "2022-08-17", end: "2022-08-28" },
    });
    expect(dispatchRounds("off", "2022-08-17").kind).toBe("weekly");
  });
  it("takes the month up to T and the whole next month, across a year end", () => {
    expect(dispatchRounds("monthly", "2022-12-20")).toMatchObject({
      current: { start: "2022-12-01", end: "2022-12-20" },
      next: { start: "2023-01-01", end: "2023-01-31" },
    });
    expect(dispatchRounds("monthly", "2022-01-31").next).toEqual({ start: "2022-02-01", end: "2022-02-28" });
  });
});

describe("compareWbs", () => {
  it("orders WBS codes numerically per segment", () => {
    expect(["01.10", "01.2", "01", "01.2.1", "02"].sort(compareWbs)).toEqual([
      "01",
      "01.2",
      "01.2.1",
      "01.10",
      "02",
    ]);
  });
});

/** compareWbs as first written: the codes split at every comparison. */
function compareWbsReference(a: string, b: string): number {
  const x = a.split(".");
  const y = b.split(".");
  for (let k = 0; k < Math.min(x.length, y.length); k++) {
    const p = x[k]!;
    const q = y[k]!;
    if (p === q) continue;
    const np = /^\d+$/.test(p) ? Number(p) : Number.NaN;
    const nq = /^\d+$/.test(q) ? Number(q) : Number.NaN;
    if (!Number.isNaN(np) && !Number.isNaN(nq) && np !== nq) return np - nq;
    return p < q ? -1 : 1;
  }
  return x.length - y.length;
}

describe("sortByWbs", () => {
  const segment = fc.oneof(fc.stringMatching(/^[0-9]{1,3}$/), fc.stringMatching(/^[0-9A-Za-z]{0,3}$/));
  const code = fc.array(segment, { minLength: 1, maxLength: 4 }).map((parts) => parts.join("."));

  it("orders as the segment-by-segment comparison does, then by id", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ code, id: fc.stringMatching(/^[a-z]{1,3}$/) }), { maxLength: 40 }),
        (rows) => {
          const expected = [...rows].sort(
            (a, b) => compareWbsReference(a.code, b.code) || (a.id < b.id ? -1 : 1),
          );
          expect(sortByWbs(rows)).toEqual(expected);
          for (const a of rows)
            for (const b of rows)
              expect(Math.sign(compareWbs(a.code, b.code))).toBe(
                Math.sign(compareWbsReference(a.code, b.code)),
              );
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("dispatchReport", () => {
  it("lists overdue tasks with working days overdue, and the due ones of this and the next round", () => {
    const r = report([
      task("01.1", { deadline: "2022-08-12" }), // Fri: 1 working day late at Mon
      task("01.2", { deadline: "2022-08-05", percent: 90 }), // 6 working days late
      task("01.3", { deadline: "2022-08-15" }), // due today: not overdue
      task("01.4", { deadline: "2022-08-28", status: "not_started", percent: 0 }),
      task("01.5", { deadline: "2022-08-29" }), // after the next round
      task("01.6", { deadline: "2022-08-01", status: "done", percent: 100, actualFinish: "2022-08-01" }),
    ]);
    const s = r.taskForces.find((x) => x.code === "01")!;
    expect(r.dayUnit).toBe("workdays");
    expect(s.overdue.map((o) => [o.code, o.daysOverdue])).toEqual([
      ["01.1", 1],
      ["01.2", 6],
    ]);
    expect(s.due.map((o) => [o.code, o.daysLeft])).toEqual([
      ["01.3", 0],
      ["01.4", 9],
    ]);
    // Key points: overdue first, most days first.
    expect(r.keyPoints.slice(0, 2).map((k) => k.refCode)).toEqual(["01.2", "01.1"]);
    expect(r.keyPoints[0]!.text.zh).toContain("超期6个工作日");
    expect(r.keyPoints[0]!.text.en).toContain("6 working days overdue");
  });

  it("counts calendar days without a calendar and says so", () => {
    const tasks = [task("01.1", { deadline: "2022-08-12" })];
    const r = dispatchReport({
      statusDate: T,
      round: "weekly",
      taskForces: tfs,
      tasks,
      taskLights: [],
    });
    expect(r.dayUnit).toBe("calendar-days");
    expect(r.taskForces[0]!.overdue[0]!.daysOverdue).toBe(3);
    expect(r.keyPoints[0]!.text.zh).toContain("超期3天");
  });

  it("orders task forces by code and passes the lights engine's reasons through", () => {
    const r = report([
      task("02.1", {
        taskForceId: "tf2",
        percent: 10,
        baselineStart: "2022-08-01",
        baselineFinish: "2022-08-19",
      }),
      task("01.1", { totalFloat: 1 }),
    ]);
    expect(r.taskForces.map((s) => s.code)).toEqual(["01", "02"]);
    expect(r.taskForces[0]!.yellow.map((y) => y.reasons.map((x) => x.code))).toEqual([["LOW_FLOAT"]]);
    expect(r.taskForces[1]!.red[0]!.reasons[0]!.code).toBe("BEHIND_PLAN");
    expect(r.taskForces[1]!.color).toBe("red");
    expect(r.keyPoints.map((k) => k.kind)).toEqual(["red-task"]);
  });

  it("lists a summary task as red only for reasons of its own", () => {
    const r = report([
      task("01", {}),
      task("01.1", { parentId: "01", deadline: "2022-08-10" }),
      task("02", { deadline: "2022-08-31" }),
      task("02.1", { parentId: "02", deadline: "2022-08-10" }),
      task("02.2", { parentId: "02", status: "done", percent: 100 }),
    ]);
    const s = r.taskForces[0]!;
    expect(s.red.map((x) => x.code)).toEqual(["01.1", "02.1"]);
    const withOwn = report([task("01", { deadline: "2022-08-10" }), task("01.1", { parentId: "01" })]);
    expect(withOwn.taskForces[0]!.red.map((x) => [x.code, x.summary, x.reasons.map((y) => y.code)])).toEqual([
      ["01", true, ["PAST_DEADLINE"]],
    ]);
  });

  it("finds tasks without a report in the round, except those started in it, whatever their light", () => {
    const r = report([
      task("01.1", { lastReportDate: "2022-08-12" }),
      task("01.2", { lastReportDate: "2022-08-12", deadline: "2022-08-01" }), // red, still no report
      task("01.3", { lastReportDate: null, actualStart: "2022-08-15" }), // started this round
      task("01.4", { lastReportDate: T }),
      task("01.5", { status: "not_started", percent: 0, lastReportDate: null }),
    ]);
    expect(r.taskForces[0]!.noReport.map((x) => x.code)).toEqual(["01.1", "01.2"]);
    // Monthly: a report on 08-12 is in the round.
    const monthly = report([task("01.1", { lastReportDate: "2022-08-12" })], {}, "monthly");
    expect(monthly.taskForces[0]!.noReport).toEqual([]);
  });

  it("lists tasks completed in the round and supervision items by what happened in it", () => {
    const r = report(
      [
        task("01.1", { status: "done", percent: 100, actualFinish: "2022-08-15" }),
        task("01.2", { status: "done", percent: 100, actualFinish: "2022-08-12" }),
      ],
      {
        supervisionItems: [
          {
            id: "s2",
            code: "DB-2",
            taskForceId: "tf1",
            taskId: "01.2",
            state: "verified",
            raisedOn: "2022-08-01",
            submittedOn: "2022-08-15",
            verifiedOn: "2022-08-15",
            dueDate: "2022-08-10",
          },
          {
            id: "s1",
            code: "DB-1",
            taskForceId: "tf1",
            taskId: null,
            state: "open",
            raisedOn: "2022-08-15",
            dueDate: "2022-08-20",
          },
          {
            id: "s3",
            code: "DB-3",
            taskForceId: "tf1",
            state: "rectifying",
            raisedOn: "2022-07-01",
            dueDate: "2022-08-12",
          },
        ],
      },
    );
    const s = r.taskForces[0]!;
    expect(s.completed.map((x) => x.code)).toEqual(["01.1"]);
    expect(s.supervision.raised.map((x) => x.code)).toEqual(["DB-1"]);
    expect(s.supervision.submitted.map((x) => x.code)).toEqual(["DB-2"]);
    expect(s.supervision.verified.map((x) => [x.code, x.taskCode])).toEqual([["DB-2", "01.2"]]);
    expect(s.supervision.overdue.map((x) => [x.code, x.daysOverdue])).toEqual([["DB-3", 1]]);
    expect(r.total.supervision).toEqual({ raised: 1, submitted: 1, verified: 1, overdue: 1 });
    expect(r.keyPoints.map((k) => k.kind)).toEqual(["overdue-supervision"]);
  });

  it("flags indicators whose latest reading was reported in the round and counts their trends", () => {
    const ind = (id: string, reportedOn: string | null, color: "red" | "green") => ({
      id,
      taskForceId: "tf2",
      code: id,
      name: `指标${id}`,
      unit: "%",
      kind: "rate" as const,
      direction: "up" as const,
      target: 8,
      reading: reportedOn ? { period: "2022-07", actual: -5.8 } : null,
      reportedOn,
      trend: "rebounding" as const,
      color,
      workProgress: null,
      timeProgress: 60,
    });
    const r = report([], { indicators: [ind("I2", "2022-08-01", "green"), ind("I1", "2022-08-15", "red")] });
    const s = r.taskForces[1]!;
    expect(s.indicators.map((i) => [i.code, i.reportedInRound])).toEqual([
      ["I1", true],
      ["I2", false],
    ]);
    expect(s.summary).toMatchObject({ indicators: 2, indicatorsReported: 1, trends: { rebounding: 2 } });
    expect(r.keyPoints[0]).toMatchObject({ kind: "red-indicator", refCode: "I1" });
  });

  it("counts a share-made figure (层层衔接) as reported when a share of it came in the round", () => {
    const ind = (id: string, parentId: string | null, reportedOn: string | null, computed = false) => ({
      id,
      taskForceId: "tf2",
      code: id,
      name: `指标${id}`,
      unit: "亿元",
      kind: "cumulative" as const,
      direction: "up" as const,
      target: 10,
      // A parent's figure is its shares' sum: a reading with no day it was entered.
      reading: reportedOn || computed ? { period: "2022-07", actual: 5 } : null,
      reportedOn,
      trend: "flat" as const,
      color: "green" as const,
      workProgress: 50,
      timeProgress: 60,
      parentId,
    });
    const r = report([], {
      indicators: [
        ind("P", null, null, true), // its share Q's share R came in this round
        ind("Q", "P", null, true),
        ind("R", "Q", "2022-08-15"),
        ind("S", "Q", "2022-08-01"),
        ind("U", null, null, true), // its only share came last round
        ind("V", "U", "2022-08-01"),
      ],
    });
    const s = r.taskForces[1]!;
    expect(s.indicators.filter((i) => i.reportedInRound).map((i) => i.code)).toEqual(["P", "Q", "R"]);
    expect(s.summary).toMatchObject({ indicators: 6, indicatorsReported: 3 });
  });

  it("works with the real Chinese calendar across National Day", () => {
    const cn = buildWorkCalendar({ builtin: "CN" }, { origin: "2022-01-01" });
    const tasks = [task("01.1", { deadline: "2022-09-30" })];
    const r = dispatchReport({
      statusDate: "2022-10-10",
      round: "weekly",
      calendar: cn,
      taskForces: tfs,
      tasks,
      taskLights: [],
    });
    // Oct 1–7 off, Sat 8 and Sun 9 worked, Mon 10: three working days after Sep 30.
    expect(r.taskForces[0]!.overdue[0]!.daysOverdue).toBe(3);
  });
});

const dateArb = fc
  .integer({ min: 0, max: 60 })
  .map((n) => new Date(Date.UTC(2022, 6, 20 + n)).toISOString().slice(0, 10));
const taskArb = fc.record({
  force: fc.constantFrom("tf1", "tf2"),
  status: fc.constantFrom("not_started", "in_progress", "done", "suspended") as fc.Arbitrary<T0["status"]>,
  deadline: fc.option(dateArb, { nil: null }),
  actualFinish: fc.option(dateArb, { nil: null }),
  lastReportDate: fc.option(dateArb, { nil: null }),
  percent: fc.integer({ min: 0, max: 100 }),
  parent: fc.option(fc.nat(30), { nil: null }),
});

/** Tasks from generated rows; a parent is an earlier task of the same task force. */
const tasksOf = (rows: readonly (typeof taskArb extends fc.Arbitrary<infer R> ? R : never)[]) =>
  rows.map((r, k) =>
    task(`t${k}`, {
      code: `${k + 1}`,
      taskForceId: r.force,
      status: r.status,
      deadline: r.deadline,
      actualFinish: r.actualFinish,
      lastReportDate: r.lastReportDate,
      percent: r.percent,
      parentId:
        r.parent !== null && r.parent < k && rows[r.parent]!.force === r.force ? `t${r.parent}` : null,
    }),
  );

describe("dispatchReport properties", () => {
  it("holds its invariants for any tasks", () => {
    fc.assert(
      fc.property(
        fc.array(taskArb, { maxLength: 30 }),
        fc.constantFrom("weekly", "monthly", "off"),
        (rows, round) => {
          const tasks = tasksOf(rows);
          const rep = report(tasks, {}, round as "weekly");
          const all = rep.taskForces.flatMap((s) => s.overdue.map((o) => o.taskId));
          // Every not-done task with a deadline before T is overdue exactly once, and nothing else is.
          const expected = tasks
            .filter((t) => t.status !== "done" && t.deadline && t.deadline < T)
            .map((t) => t.id);
          expect([...all].sort()).toEqual([...expected].sort());
          expect(new Set(all).size).toBe(all.length);
          // Counts by light sum to the number of tasks, per task force and in total.
          for (const s of rep.taskForces) {
            expect(Object.values(s.summary.taskCounts).reduce((a, b) => a + b, 0)).toBe(s.summary.tasks);
            // Completed ⊆ done; due and overdue are disjoint and never done.
            for (const c of s.completed) expect(c.status).toBe("done");
            const due = new Set(s.due.map((d) => d.taskId));
            for (const o of s.overdue) expect(due.has(o.taskId)).toBe(false);
            for (const d of s.due) expect(d.status).not.toBe("done");
            // Lists ordered by WBS code.
            const codes = s.overdue.map((o) => o.code);
            expect(codes).toEqual([...codes].sort(compareWbs));
          }
          expect(rep.total.tasks).toBe(tasks.length);
          expect(rep.total.overdue).toBe(expected.length);
          expect(rep.keyPoints.length).toBeLessThanOrEqual(10);
          // Only the points kept are written out: the same as writing every candidate and cutting.
          const every = keyPoints(rep.taskForces, rep.dayUnit, Number.POSITIVE_INFINITY);
          expect(rep.keyPoints).toEqual(every.slice(0, 10));
          for (const max of [0, 1, 3])
            expect(keyPoints(rep.taskForces, rep.dayUnit, max)).toEqual(every.slice(0, max));
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("the report from its sections", () => {
  const indicatorArb = fc.record({
    force: fc.constantFrom("tf1", "tf2", null),
    parent: fc.option(fc.nat(8), { nil: null }),
    actual: fc.option(fc.integer({ min: 0, max: 120 }), { nil: null }),
    reportedOn: fc.option(dateArb, { nil: null }),
    color: fc.constantFrom("red", "yellow", "green", "grey", "blue") as fc.Arbitrary<"red">,
    trend: fc.constantFrom(
      "falling",
      "stopped-falling",
      "rebounding",
      "turned-positive",
      "flat",
      "unknown",
    ) as fc.Arbitrary<DispatchIndicator["trend"]>,
    work: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
  });
  const itemArb = fc.record({
    task: fc.nat(30),
    state: fc.constantFrom("open", "rectifying", "submitted", "verified") as fc.Arbitrary<"open">,
    raisedOn: dateArb,
    dueDate: dateArb,
    verifiedOn: fc.option(dateArb, { nil: null }),
  });

  it("equals the report of the whole input when each task force's section is made alone", () => {
    fc.assert(
      fc.property(
        fc.array(taskArb, { maxLength: 30 }),
        fc.array(indicatorArb, { maxLength: 8 }),
        fc.array(itemArb, { maxLength: 6 }),
        fc.constantFrom("weekly", "monthly", "off"),
        (rows, indicatorRows, itemRows, round) => {
          const tasks = tasksOf(rows);
          // A share's parent is in its own task force or at district level, as the services keep it.
          const indicators = indicatorRows.map((r, k) => {
            const parent = r.parent === null ? undefined : indicatorRows[r.parent];
            return {
              id: `i${k}`,
              taskForceId: r.force,
              code: `Z-${k}`,
              name: `指标${k}`,
              unit: "%",
              kind: "cumulative" as const,
              direction: "up" as const,
              target: 100,
              reading: r.actual === null ? null : { period: "2022-08", actual: r.actual },
              reportedOn: r.actual === null ? null : r.reportedOn,
              trend: r.trend,
              color: r.color,
              workProgress: r.work,
              timeProgress: 60,
              parentId:
                parent && r.parent !== k && (parent.force === null || parent.force === r.force)
                  ? `i${r.parent}`
                  : null,
              holder: r.force ?? "区",
            };
          });
          const supervisionItems = itemRows.flatMap((r, k) => {
            const t = tasks[r.task];
            return t
              ? [
                  {
                    id: `s${k}`,
                    code: `DB-${k}`,
                    taskForceId: t.taskForceId,
                    taskId: t.id,
                    state: r.state,
                    raisedOn: r.raisedOn,
                    dueDate: r.dueDate,
                    verifiedOn: r.verifiedOn,
                  },
                ]
              : [];
          });
          const lights = lightsFor({ calendar, taskForces: tfs, tasks }, T, {
            dispatchRound: round as "weekly",
          });
          const input: DispatchInput = {
            statusDate: T,
            round: round as "weekly",
            calendar,
            taskForces: tfs,
            tasks,
            taskLights: lights.tasks,
            taskForceColors: Object.fromEntries(lights.taskForces.map((l) => [l.taskForceId, l.color])),
            supervisionItems,
            indicators,
          };
          const sections = tfs.flatMap((tf) =>
            dispatchSections({
              ...input,
              taskForces: [tf],
              tasks: tasks.filter((t) => t.taskForceId === tf.id),
              supervisionItems: supervisionItems.filter((s) => s.taskForceId === tf.id),
              indicators: indicators.filter((i) => i.taskForceId === tf.id),
            }),
          );
          // In the input's order (02 before 01): the report orders them by code.
          expect(dispatchReportOf(input, sections)).toEqual(dispatchReport(input));
        },
      ),
      { numRuns: 200 },
    );
  });
});
