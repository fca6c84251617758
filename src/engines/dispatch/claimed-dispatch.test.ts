import { describe, expect, it } from "vitest";
import { lightsFor } from "../lights/lights-for.js";
import { buildTestCalendar } from "../lights/test-calendar.fixture.js";
import type { LightTask } from "../lights/types.js";
import { milestoneOutcome } from "../scoring/assess.js";
import { dispatchReport } from "./dispatch-report.js";
import type { DispatchTask } from "./types.js";

const calendar = buildTestCalendar();
const T = "2022-08-15"; // a Monday
const tfs = [{ id: "tf1", code: "01", name: "重大项目建设专班" }];
type T0 = DispatchTask & LightTask;
/** Reported 100 % on T (this round), with its deadline last Friday. */
const finished = (id: string, over: Partial<T0> = {}): T0 => ({
  id,
  taskForceId: "tf1",
  code: id,
  title: `任务${id}`,
  status: "done",
  percent: 100,
  deadline: "2022-08-12",
  actualStart: "2022-08-01",
  actualFinish: T,
  lastReportDate: T,
  supervision: [],
  ...over,
});

describe("a claimed completion in the dispatch report and the assessment", () => {
  it("lists a claimed task as overdue and red, not completed, until it is confirmed", () => {
    const tasks = [
      finished("01.1", { completion: "claimed" }),
      finished("01.2", { completion: "confirmed" }),
    ];
    const lights = lightsFor({ calendar, taskForces: tfs, tasks }, T, { dispatchRound: "weekly" });
    const r = dispatchReport({
      statusDate: T,
      round: "weekly",
      calendar,
      taskForces: tfs,
      tasks,
      taskLights: lights.tasks,
      taskForceColors: Object.fromEntries(lights.taskForces.map((l) => [l.taskForceId, l.color])),
    });
    const s = r.taskForces[0]!;
    expect(s.completed.map((e) => e.code)).toEqual(["01.2"]);
    expect(s.overdue.map((e) => [e.code, e.daysOverdue])).toEqual([["01.1", 1]]);
    expect(s.red.map((e) => [e.code, e.reasons.map((x) => x.code)])).toEqual([
      ["01.1", ["PAST_DEADLINE", "AWAITING_CONFIRMATION"]],
    ]);
  });

  it("counts a claimed milestone as missed past its date and not yet counted before it; confirmed, it is met by its reported day", () => {
    const m = {
      id: "m",
      taskForceId: "tf1",
      duration: 0,
      deadline: "2022-08-12",
      actualFinish: "2022-08-10",
    };
    expect(milestoneOutcome({ ...m, status: "done", completion: "claimed" }, T)).toBe(false);
    expect(milestoneOutcome({ ...m, status: "done", completion: "claimed" }, "2022-08-11")).toBe(null);
    expect(milestoneOutcome({ ...m, status: "done", completion: "confirmed" }, T)).toBe(true);
    expect(milestoneOutcome({ ...m, status: "done", completion: null }, T)).toBe(true);
  });
});
