import { describe, expect, it } from "vitest";
import { buildRows, indexBattleMap } from "./row-model";
import { buildTask, buildTaskForce } from "./test-factories";
import { putsIndicatorsAtRisk, tooltipContent } from "./tooltip";
import type { ComparedBaselines } from "./types";

const reasons = [{ code: "behind", text: { zh: "进度落后计划15个百分点", en: "15 points behind plan" } }];
const data = {
  statusDate: "2022-08-15",
  taskForces: [buildTaskForce({ id: "tf-01", code: "01", name: "重大项目建设专班" })],
  tasks: [
    buildTask({
      id: "t",
      code: "01.1",
      title: "项目前期手续办理",
      critical: true,
      slippage: 2,
      totalFloat: -3,
    }),
    buildTask({ id: "m", code: "01.2", title: "集中开工", duration: 0, earlyFinish: "2022-09-30" }),
  ],
  dependencies: [],
  lights: { tasks: { t: { color: "red" as const, reasons } }, taskForces: {} },
};
const rows = buildRows(indexBattleMap(data), new Set()).rows;

describe("tooltipContent", () => {
  it("shows the light, its reasons and the dates of a task in Chinese", () => {
    const c = tooltipContent(rows[1]!, "zh");
    expect(c.title).toBe("01.1 项目前期手续办理");
    expect(c.color).toBe("red");
    expect(c.lightLabel).toBe("红灯");
    expect(c.reasons).toEqual(["进度落后计划15个百分点"]);
    const lines = Object.fromEntries(c.lines);
    expect(lines["计划（最早）"]).toBe("2022-07-01 → 2022-07-14");
    expect(lines["最迟开始 / 完成（倒排）"]).toBe("2022-07-11 → 2022-07-22");
    expect(lines.总时差).toBe("-3 个工作日");
    expect(lines.偏差).toBe("+2 个工作日");
    expect(lines.关键环节).toBe("是");
  });
  it("speaks English and names a milestone by its date", () => {
    const c = tooltipContent(rows[2]!, "en");
    expect(Object.fromEntries(c.lines).Milestone).toBe("2022-09-30");
    expect(c.reasons[0]).toMatch(/^Not started|^On track|^Done/);
  });
  it("summarises a task force", () => {
    const c = tooltipContent(rows[0]!, "en");
    expect(c.title).toBe("01 重大项目建设专班");
    expect(Object.fromEntries(c.lines).Tasks).toBe("2");
  });
  it("lists a task's dates in each compared baseline", () => {
    const compared: ComparedBaselines = [
      { number: 1, tasks: { t: { start: "2022-07-01", finish: "2022-07-12" } } },
      { number: 2, tasks: {} },
    ];
    const zh = Object.fromEntries(tooltipContent(rows[1]!, "zh", compared).lines);
    expect(zh["第 1 版基线"]).toBe("2022-07-01 → 2022-07-12");
    expect(zh["第 2 版基线"]).toBeUndefined();
    const en = Object.fromEntries(tooltipContent(rows[1]!, "en", compared).lines);
    expect(en["Baseline 1"]).toBe("2022-07-01 → 2022-07-12");
  });
  it("says why a task force's plan cannot be scheduled, in the UI's language", () => {
    const broken = {
      ...data,
      taskForces: [
        buildTaskForce({
          id: "tf-01",
          code: "01",
          name: "重大项目建设专班",
          scheduleProblems: [
            {
              path: "task 01.2.deadline",
              message: "deadline: 2021-01-01 is before the project start",
              key: "DEADLINE_BEFORE_START",
              params: { date: "2021-01-01" },
            },
          ],
        }),
      ],
    };
    const row = buildRows(indexBattleMap(broken), new Set()).rows[0]!;
    expect(Object.fromEntries(tooltipContent(row, "zh").lines).无法排程).toBe(
      "任务 01.2 · 截止日期：截止日期 2021-01-01 早于计划开始日期",
    );
    expect(Object.fromEntries(tooltipContent(row, "en").lines)["Cannot be scheduled"]).toBe(
      "Task 01.2 · Deadline: deadline: 2021-01-01 is before the project start",
    );
  });
  it("lists the indicators a task advances, titled as at risk when the task is red or late", () => {
    const linked = {
      ...data,
      tasks: [
        { ...data.tasks[0]!, indicatorIds: ["i1", "hidden", "q1"] },
        { ...data.tasks[1]!, indicatorIds: ["i1"] },
      ],
    };
    const [, red, fine] = buildRows(indexBattleMap(linked), new Set()).rows;
    const indicators = new Map([
      ["i1", { code: "ZB01-3", name: "重大项目完成投资", color: "red" as const }],
      ["q1", { code: "QZB-3", name: "重点项目完成投资", color: "yellow" as const }],
    ]);
    expect(tooltipContent(red!, "zh", [], indicators).indicators).toEqual({
      heading: "可能受影响的指标",
      atRisk: true,
      items: [
        { label: "ZB01-3 重大项目完成投资", color: "red", lightLabel: "红灯" },
        { label: "QZB-3 重点项目完成投资", color: "yellow", lightLabel: "黄灯" },
      ],
    });
    const plain = tooltipContent(fine!, "en", [], indicators).indicators;
    expect(plain).toMatchObject({ heading: "Indicators advanced", atRisk: false });
    expect(tooltipContent(fine!, "en").indicators).toBeUndefined();
  });
  it("counts a negative float as late", () => {
    expect(putsIndicatorsAtRisk({ totalFloat: -1 }, "yellow")).toBe(true);
    expect(putsIndicatorsAtRisk({ totalFloat: null }, "red")).toBe(true);
    expect(putsIndicatorsAtRisk({ totalFloat: 0 }, "green")).toBe(false);
  });
});
