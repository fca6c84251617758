import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { workCalendarFor } from "../calendar/index.js";
import type { Indicator } from "../indicators/types.js";
import type { SupervisionState, TaskStatus } from "../lights/types.js";
import type { OverviewInput } from "./overview.js";
import { overview, overviewOfParts, overviewPart, scheduleGaps } from "./overview.js";

const calendar = workCalendarFor({ builtin: "CN" }, { from: 2022, to: 2022 });
const growth: Indicator = {
  id: "gdp",
  name: "地区生产总值增速",
  unit: "%",
  kind: "rate",
  direction: "up",
  baseline: 6,
  target: 5.5,
  year: 2022,
  taskForceId: "tf1",
};
const input: OverviewInput = {
  statusDate: "2022-08-15",
  calendar,
  taskForces: [{ id: "tf1" }, { id: "tf2" }],
  tasks: [
    {
      id: "a",
      taskForceId: "tf1",
      status: "done",
      percent: 100,
      duration: 0,
      deadline: "2022-08-01",
      actualFinish: "2022-08-01",
      supervision: [],
    },
    {
      id: "b",
      taskForceId: "tf2",
      status: "done",
      percent: 100,
      duration: 0,
      deadline: "2022-08-01",
      actualFinish: "2022-08-05",
      supervision: [],
    },
  ],
  indicators: [
    {
      indicator: growth,
      readings: [
        { period: "2022-07", actual: -6.3 },
        { period: "2022-05", actual: -9.5 },
        { period: "2022-06", actual: -8.7 },
        { period: "2022-09", actual: 1 },
      ],
    },
  ],
};

describe("overview", () => {
  it("combines lights, indicator trends and forecasts, and ranked scores", () => {
    const o = overview(input);
    // tf1: milestone met (1) and GDP 11.8 points short (achievement 0), 50/50 after redistribution.
    expect(o.taskForces.map((t) => [t.taskForceId, t.light, t.score, t.rank])).toEqual([
      ["tf1", "red", 50, 1],
      ["tf2", "blue", 0, 2],
    ]);
    expect(o.taskForces[0]).toMatchObject({ taskForceId: "tf1", light: "red", redLights: 1 });
    expect(o.taskForces[1]).toMatchObject({ taskForceId: "tf2", light: "blue", score: 0, rank: 2 });
    expect(o.indicators[0]).toMatchObject({
      indicatorId: "gdp",
      trend: "rebounding",
      forecast: { status: "not-cumulative" },
    });
    expect(o.counts).toMatchObject({ red: 1, blue: 1 });
    expect(o.taskForces[0]!.trends).toMatchObject({ rebounding: 1, falling: 0 });
    expect(o.taskForces[0]!).toMatchObject({ taskCounts: { blue: 1 }, indicatorCounts: { red: 1 } });
    expect(o.taskForces[1]!.trends.rebounding).toBe(0);
  });
});

describe("trend stages of cumulative indicators", () => {
  const retail: Indicator = {
    id: "retail",
    name: "社会消费品零售总额",
    unit: "亿元",
    kind: "cumulative",
    direction: "up",
    baseline: 0,
    target: 120,
    year: 2022,
    taskForceId: "tf1",
  };
  const totals = (...xs: number[]) => xs.map((actual, k) => ({ period: `2022-0${k + 1}`, actual }));
  const stageOf = (...xs: number[]) =>
    overview({ ...input, indicators: [{ indicator: retail, readings: totals(...xs) }] }).indicators[0]!.trend;

  it("are read from the gap to the schedule, not from the ever-growing year-to-date totals", () => {
    // Month-end gaps (work − time progress) −0.2, −1.2, −3.0: falling further behind.
    expect(stageOf(10, 18, 26)).toBe("falling");
    // … then −4.7 and −3.7: behind, but no longer losing ground.
    expect(stageOf(10, 18, 24, 35)).toBe("stopped-falling");
    // −1.2, −0.9, −0.4: catching up.
    expect(stageOf(10, 18, 28.5, 39)).toBe("rebounding");
    // −3.0 and then +0.5: ahead of schedule.
    expect(stageOf(10, 18, 26, 40)).toBe("turned-positive");
    expect(stageOf(10)).toBe("unknown");
  });

  it("take the last three reported months' gaps at their month ends", () => {
    const gaps = scheduleGaps(retail, totals(10, 18, 26), totals(10, 18, 26));
    // 10/120 = 8.33 % at Jan 31 (8.49 % of the year) …
    expect(gaps.map((g) => Math.round(g * 100) / 100)).toEqual([-0.16, -1.16, -2.99]);
    expect(scheduleGaps(retail, totals(10, 18, 26, 40), totals(10, 18, 26, 40))).toHaveLength(3);
    expect(scheduleGaps(retail, [], [])).toEqual([]);
  });
});

describe("overview from parts", () => {
  const day = fc
    .integer({ min: 1, max: 28 })
    .map((d) => `2022-0${d % 2 ? 7 : 8}-${String(d).padStart(2, "0")}`);
  const forces = ["tf1", "tf2", "tf3"];
  const task = fc.record({
    tf: fc.nat(2),
    parent: fc.option(fc.nat(20)),
    status: fc.constantFrom("not_started", "in_progress", "done", "suspended") as fc.Arbitrary<TaskStatus>,
    percent: fc.integer({ min: 0, max: 100 }),
    duration: fc.integer({ min: 0, max: 5 }),
    deadline: fc.option(day),
    actualFinish: fc.option(day),
    lateStart: fc.option(day),
    totalFloat: fc.option(fc.integer({ min: -3, max: 5 })),
    lastReportDate: fc.option(day),
    unit: fc.constantFrom("u1", "u2", null),
    person: fc.constantFrom("p1", "p2", null),
  });
  const indicator = fc.record({
    tf: fc.option(fc.nat(2)),
    kind: fc.constantFrom("rate", "level", "cumulative") as fc.Arbitrary<Indicator["kind"]>,
    direction: fc.constantFrom("up", "down") as fc.Arbitrary<Indicator["direction"]>,
    target: fc.integer({ min: 1, max: 100 }),
    task: fc.option(fc.nat(20)),
    readings: fc.uniqueArray(
      fc.record({ month: fc.integer({ min: 1, max: 9 }), actual: fc.integer({ min: -20, max: 120 }) }),
      { selector: (r) => r.month, maxLength: 6 },
    ),
  });
  const item = fc.record({
    task: fc.nat(20),
    dueDate: day,
    state: fc.constantFrom("open", "rectifying", "submitted", "verified") as fc.Arbitrary<SupervisionState>,
    verifiedDate: fc.option(day),
  });
  const deduction = fc.record({
    tf: fc.nat(2),
    unit: fc.constantFrom("u1", null),
    points: fc.constantFrom(0.5, 1),
  });

  it("equals the overview of the whole input when each task force is its own part", () => {
    fc.assert(
      fc.property(
        fc.array(task, { maxLength: 20 }),
        fc.array(indicator, { maxLength: 8 }),
        fc.array(item, { maxLength: 6 }),
        fc.array(deduction, { maxLength: 3 }),
        (taskSpecs, indicatorSpecs, itemSpecs, deductionSpecs) => {
          // Grouped by task force, as the parts' records are taken in order.
          const specs = [...taskSpecs].sort((a, b) => a.tf - b.tf);
          const tasks = specs.map((s, k) => {
            const parent = s.parent === null ? undefined : specs[s.parent];
            return {
              id: `t${k}`,
              taskForceId: forces[s.tf]!,
              parentId: parent && parent.tf === s.tf && s.parent! < k ? `t${s.parent}` : null,
              code: `1.${k}`,
              status: s.status,
              percent: s.percent,
              duration: s.duration,
              isMilestone: s.duration === 0,
              deadline: s.deadline,
              actualFinish: s.status === "done" ? s.actualFinish : null,
              lateStart: s.lateStart,
              totalFloat: s.totalFloat,
              lastReportDate: s.lastReportDate,
              responsibleUnitId: s.unit,
              responsiblePersonId: s.person,
              supervision: [],
            };
          });
          const sameForce = (tf: number | null, k: number | null) =>
            k !== null && tf !== null && tasks[k]?.taskForceId === forces[tf] ? `t${k}` : undefined;
          const order = (tf: number | null) => (tf === null ? -1 : tf);
          const indicators = [...indicatorSpecs]
            .sort((a, b) => order(a.tf) - order(b.tf))
            .map((s, k) => {
              const taskId = sameForce(s.tf, s.task);
              return {
                indicator: {
                  id: `i${k}`,
                  name: `指标${k}`,
                  unit: "%",
                  kind: s.kind,
                  direction: s.direction,
                  baseline: 0,
                  target: s.target,
                  year: 2022,
                  taskForceId: s.tf === null ? null : forces[s.tf]!,
                  ...(taskId ? { taskId } : {}),
                },
                readings: s.readings.map((r) => ({ period: `2022-0${r.month}`, actual: r.actual })),
              };
            });
          const supervisionItems = itemSpecs.flatMap((s, k) => {
            const t = tasks[s.task];
            return t
              ? [
                  {
                    id: `s${k}`,
                    taskId: t.id,
                    taskForceId: t.taskForceId,
                    dueDate: s.dueDate,
                    state: s.state,
                    verifiedDate: s.verifiedDate,
                  },
                ]
              : [];
          });
          const whole: OverviewInput = {
            statusDate: "2022-08-15",
            calendar,
            taskForces: [{ id: "tf3" }, { id: "tf1" }, { id: "tf2" }],
            tasks,
            indicators,
            supervisionItems,
            deductions: deductionSpecs.map((d) => ({
              taskForceId: forces[d.tf]!,
              unitId: d.unit,
              points: d.points,
            })),
          };
          const of = (tf: string | null): OverviewInput => ({
            ...whole,
            taskForces: tf === null ? [] : [{ id: tf }],
            tasks: tasks.filter((t) => tf !== null && t.taskForceId === tf),
            indicators: indicators.filter((i) => (i.indicator.taskForceId ?? null) === tf),
          });
          const parts = [null, ...forces].map((tf) => overviewPart(of(tf)));
          expect(overviewOfParts(whole, parts)).toEqual(overview(whole));
        },
      ),
      { numRuns: 300 },
    );
  });
});
