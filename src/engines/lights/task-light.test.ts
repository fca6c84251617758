import { describe, expect, it } from "vitest";
import { workCalendarFor } from "../calendar/index.js";
import { plannedProgress, taskLight } from "./task-light.js";
import { buildTestCalendar } from "./test-calendar.fixture.js";
import type { LightsOptions, LightTask } from "./types.js";

const cal = buildTestCalendar();
/** The real calendar engine with the State Council's 2022 schedule. */
const CN2022 = workCalendarFor({ builtin: "CN" }, { from: 2022, to: 2022 });
const buildTask = (over: Partial<LightTask> = {}): LightTask => ({
  id: "t1",
  taskForceId: "tf1",
  code: "01.1",
  status: "in_progress",
  percent: 50,
  supervision: [],
  ...over,
});
const OFF: LightsOptions = { dispatchRound: "off" };
const codes = (l: { reasons: readonly { code: string }[] }) => l.reasons.map((r) => r.code);
// Baseline Mon 2022-08-01 … Fri 2022-08-12: 10 working days; at Fri 08-05, planned progress is 50 %.
const baseline = { baselineStart: "2022-08-01", baselineFinish: "2022-08-12" };

describe("taskLight", () => {
  it.each<[string, Partial<LightTask>, string, string, string[]]>([
    [
      "done, even past its deadline",
      { status: "done", deadline: "2022-07-01" },
      "2022-08-05",
      "blue",
      ["DONE"],
    ],
    ["past its deadline", { deadline: "2022-08-04" }, "2022-08-05", "red", ["PAST_DEADLINE"]],
    ["due today", { deadline: "2022-08-05" }, "2022-08-05", "yellow", ["DEADLINE_SOON"]],
    [
      "late start passed",
      { status: "not_started", percent: 0, lateStart: "2022-08-04" },
      "2022-08-05",
      "red",
      ["LATE_START_PASSED"],
    ],
    [
      "late start equal to T",
      { status: "not_started", percent: 0, lateStart: "2022-08-05" },
      "2022-08-05",
      "green",
      ["ON_TRACK"],
    ],
    [
      "late start after T",
      { status: "not_started", percent: 0, lateStart: "2022-08-08" },
      "2022-08-05",
      "grey",
      ["NOT_YET_DUE"],
    ],
    ["negative float", { totalFloat: -1 }, "2022-08-05", "red", ["NEGATIVE_FLOAT"]],
    ["zero float", { totalFloat: 0 }, "2022-08-05", "yellow", ["LOW_FLOAT"]],
    ["float of exactly 2", { totalFloat: 2 }, "2022-08-05", "yellow", ["LOW_FLOAT"]],
    ["float of 3", { totalFloat: 3 }, "2022-08-05", "green", ["ON_TRACK"]],
    ["more than 20 points behind", { ...baseline, percent: 29 }, "2022-08-05", "red", ["BEHIND_PLAN"]],
    ["exactly 20 points behind", { ...baseline, percent: 30 }, "2022-08-05", "yellow", ["BEHIND_PLAN"]],
    ["more than 10 points behind", { ...baseline, percent: 39 }, "2022-08-05", "yellow", ["BEHIND_PLAN"]],
    ["exactly 10 points behind", { ...baseline, percent: 40 }, "2022-08-05", "green", ["ON_TRACK"]],
    ["ahead of plan", { ...baseline, percent: 80 }, "2022-08-05", "green", ["ON_TRACK"]],
    [
      "a supervision item past due",
      { supervision: [{ dueDate: "2022-08-04", state: "submitted" }] },
      "2022-08-05",
      "red",
      ["SUPERVISION_OVERDUE"],
    ],
    [
      "a supervision item due today",
      { supervision: [{ dueDate: "2022-08-05", state: "open" }] },
      "2022-08-05",
      "green",
      ["ON_TRACK"],
    ],
    [
      "a verified supervision item past due",
      { supervision: [{ dueDate: "2022-08-01", state: "verified" }] },
      "2022-08-05",
      "green",
      ["ON_TRACK"],
    ],
    ["suspended", { status: "suspended", deadline: "2022-07-01" }, "2022-08-05", "grey", ["SUSPENDED"]],
    [
      "suspended with an overdue item",
      { status: "suspended", supervision: [{ dueDate: "2022-08-01", state: "open" }] },
      "2022-08-05",
      "red",
      ["SUPERVISION_OVERDUE"],
    ],
    [
      "5 working days before a deadline across National Day",
      { deadline: "2022-10-12" },
      "2022-09-30",
      "yellow",
      ["DEADLINE_SOON"],
    ],
    [
      "6 working days before a deadline across National Day",
      { deadline: "2022-10-12" },
      "2022-09-29",
      "green",
      ["ON_TRACK"],
    ],
  ])("lights a task %s", (_, over, T, color, expected) => {
    for (const calendar of [cal, CN2022]) {
      const l = taskLight(buildTask(over), T, calendar, OFF);
      expect(l.color).toBe(color);
      expect(codes(l)).toEqual(expected);
    }
  });

  it("counts working days left over the holiday, including the adjusted weekend days", () => {
    for (const calendar of [cal, CN2022]) {
      const l = taskLight(buildTask({ deadline: "2022-10-12" }), "2022-09-30", calendar, OFF);
      expect(l.reasons[0]!.params).toEqual({ deadline: "2022-10-12", workdaysLeft: 5 });
    }
  });

  it("lists every reason found at the winning colour", () => {
    const l = taskLight(
      buildTask({ ...baseline, percent: 0, deadline: "2022-08-04", totalFloat: -3 }),
      "2022-08-05",
      cal,
      OFF,
    );
    expect(l.color).toBe("red");
    expect(codes(l)).toEqual(["PAST_DEADLINE", "NEGATIVE_FLOAT", "BEHIND_PLAN"]);
    expect(l.reasons[0]!.text).toEqual({
      zh: "已超过截止日期2022-08-04（逾期1个工作日）且未完成",
      en: "Past its deadline 2022-08-04 (1 working days) and not done",
    });
  });

  it.each<[string, LightsOptions, Partial<LightTask>, string[]]>([
    [
      "a report last week (weekly round)",
      { dispatchRound: "weekly" },
      { lastReportDate: "2022-08-05" },
      ["NO_REPORT_THIS_ROUND"],
    ],
    ["no report ever", { dispatchRound: "weekly" }, {}, ["NO_REPORT_THIS_ROUND"]],
    [
      "a report on the round's Monday",
      { dispatchRound: "weekly" },
      { lastReportDate: "2022-08-08" },
      ["ON_TRACK"],
    ],
    [
      "a report earlier this month (monthly round)",
      { dispatchRound: "monthly" },
      { lastReportDate: "2022-08-01" },
      ["ON_TRACK"],
    ],
    [
      "a report last month (monthly round)",
      { dispatchRound: "monthly" },
      { lastReportDate: "2022-07-29" },
      ["NO_REPORT_THIS_ROUND"],
    ],
    ["a start within the round", { dispatchRound: "weekly" }, { actualStart: "2022-08-09" }, ["ON_TRACK"]],
    ["the default (weekly) round", {}, { lastReportDate: "2022-08-05" }, ["NO_REPORT_THIS_ROUND"]],
  ])("applies the dispatch-round rule to %s", (_, options, over, expected) => {
    expect(codes(taskLight(buildTask(over), "2022-08-10", cal, options))).toEqual(expected);
  });

  it("honours configurable thresholds", () => {
    const t = buildTask({ ...baseline, percent: 40 });
    expect(taskLight(t, "2022-08-05", cal, { ...OFF, thresholds: { redBehindPoints: 5 } }).color).toBe("red");
    expect(
      taskLight(buildTask({ totalFloat: 4 }), "2022-08-05", cal, {
        ...OFF,
        thresholds: { lowFloatWorkdays: 5 },
      }).color,
    ).toBe("yellow");
  });
});

describe("plannedProgress", () => {
  it("answers the JSDoc example: baseline Mon–Fri, T = Wednesday → 60", () => {
    const week = buildTask({ baselineStart: "2022-08-01", baselineFinish: "2022-08-05" });
    expect(plannedProgress(week, "2022-08-03", cal)).toBeCloseTo(60);
  });

  it.each([
    ["before the baseline", "2022-07-29", 0],
    ["on the first day", "2022-08-01", 10],
    ["on a weekend (counts days up to it)", "2022-08-07", 50],
    ["on the finish", "2022-08-12", 100],
    ["after the finish", "2022-09-01", 100],
  ])("is the share of baseline working days on or before T: %s", (_, T, expected) => {
    expect(plannedProgress(buildTask(baseline), T, cal)).toBeCloseTo(expected);
  });

  it("is null without baseline dates and all-or-nothing on a window without working days", () => {
    expect(plannedProgress(buildTask(), "2022-08-05", cal)).toBeNull();
    const weekend = buildTask({ baselineStart: "2022-08-06", baselineFinish: "2022-08-07" });
    expect(plannedProgress(weekend, "2022-08-06", cal)).toBe(0);
    expect(plannedProgress(weekend, "2022-08-07", cal)).toBe(100);
  });
});
