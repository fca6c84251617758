import { describe, expect, it } from "vitest";
import { checkFiveIzation, isMeasurable } from "./check-five-ization.js";
import type { CheckTask, CheckTaskForce } from "./types.js";

const buildTask = (over: Partial<CheckTask> = {}): CheckTask => ({
  id: "t1",
  code: "01.1",
  title: "梳理项目储备库",
  duration: 10,
  deadline: "2022-09-30",
  responsibleUnitId: "ou-fgj",
  responsiblePersonId: "p-1",
  responsiblePost: "项目科长",
  weight: 100,
  acceptanceCriterion: "入库项目不少于15个",
  ...over,
});
const buildForce = (tasks: CheckTask[], over: Partial<CheckTaskForce> = {}): CheckTaskForce => ({
  id: "tf-01",
  code: "01",
  name: "重大项目建设专班",
  goalIds: ["g-1"],
  leadLeaderId: "p-ldr",
  leadUnitId: "ou-fgj",
  tasks,
  ...over,
});
const codes = (tf: CheckTaskForce, indicators = []) =>
  checkFiveIzation({ taskForces: [tf], indicators }).findings.map(
    (f) => `${f.check}/${f.code}/${f.wbs ?? "-"}`,
  );

describe("checkFiveIzation", () => {
  it("passes a complete task book", () => {
    const res = checkFiveIzation({ taskForces: [buildForce([buildTask()])] });
    expect(res.ok).toBe(true);
    expect(res.summary).toMatchObject({ taskForces: 1, tasks: 1, tasksWithFindings: 0 });
  });

  it.each<[string, Partial<CheckTask>, string[]]>([
    ["no WBS code", { code: "" }, ["list/NO_WBS/-"]],
    ["no duration on a leaf", { duration: null }, ["list/NO_DURATION/01.1"]],
    ["a milestone (duration 0)", { duration: 0 }, []],
    ["no responsible unit", { responsibleUnitId: null }, ["responsibility/NO_RESPONSIBLE_UNIT/01.1"]],
    [
      "no responsible person nor post",
      { responsiblePersonId: "", responsiblePost: " " },
      ["responsibility/NO_RESPONSIBLE_PERSON/01.1", "responsibility/NO_POST/01.1"],
    ],
    [
      "an acceptance criterion without a number",
      { acceptanceCriterion: "营造良好金融生态" },
      ["concrete/NO_MEASURE/01.1"],
    ],
    ["an acceptance criterion with a Chinese numeral", { acceptanceCriterion: "完成三个片区改造" }, []],
    ["no deadline", { deadline: null }, ["concrete/NO_DATE/01.1"]],
    ["a weight of 0", { weight: 0 }, ["assessable/NO_WEIGHT/01.1", "assessable/WEIGHT_SUM/-"]],
  ])("reports a task with %s", (_, over, expected) => {
    expect(codes(buildForce([buildTask(over)]))).toEqual(expected);
  });

  it("accepts a linked indicator with a target as the measure", () => {
    const tf = buildForce([buildTask({ acceptanceCriterion: "按期完成" })]);
    expect(
      checkFiveIzation({ taskForces: [tf], indicators: [{ id: "i", taskId: "t1", target: 50 }] }).ok,
    ).toBe(true);
    expect(
      checkFiveIzation({ taskForces: [tf], indicators: [{ id: "i", taskId: "t1", target: null }] }).ok,
    ).toBe(false);
  });

  it("reports task-force gaps once, naming the task force", () => {
    const tf = buildForce([buildTask(), buildTask({ id: "t2", code: "01.2", weight: 0.5 })], {
      goalIds: [],
      leadLeaderId: null,
      leadUnitId: "",
    });
    const res = checkFiveIzation({ taskForces: [tf] });
    expect(res.findings.map((f) => [f.code, f.taskId])).toEqual([
      ["NO_GOAL", null],
      ["NO_LEAD_LEADER", null],
      ["NO_LEAD_UNIT", null],
      ["WEIGHT_SUM", null],
    ]);
    expect(res.findings[3]!.params.sum).toBe(100.5);
    expect(res.findings[0]!.text.zh).toContain("重大项目建设专班");
    expect(res.summary.byCheck).toMatchObject({ project: 1, responsibility: 2, assessable: 1 });
  });

  it("flags every holder of a duplicated WBS code, with task id and code", () => {
    const tf = buildForce([buildTask({ weight: 50 }), buildTask({ id: "t2", weight: 50 })]);
    const res = checkFiveIzation({ taskForces: [tf] });
    expect(res.findings.map((f) => [f.code, f.taskId, f.wbs, f.params.count])).toEqual([
      ["DUPLICATE_WBS", "t1", "01.1", 2],
      ["DUPLICATE_WBS", "t2", "01.1", 2],
    ]);
    expect(res.findings[0]!.text.en).toContain("Task 01.1 of task force 重大项目建设专班");
    expect(res.summary.tasksWithFindings).toBe(2);
  });

  it("sums weights over leaves only and lets a summary inherit measure and date from its sub-tasks", () => {
    const summary = buildTask({
      id: "s",
      code: "01",
      duration: null,
      deadline: null,
      weight: 100,
      acceptanceCriterion: null,
    });
    const a = buildTask({ id: "a", code: "01.1", parentId: "s", weight: 60 });
    const b = buildTask({
      id: "b",
      code: "01.2",
      parentId: "s",
      weight: 40,
      deadline: null,
      acceptanceCriterion: "按要求完成",
    });
    expect(codes(buildForce([summary, a, b]))).toEqual(["concrete/NO_MEASURE/01.2", "concrete/NO_DATE/01.2"]);
  });

  it("counts a task force without tasks as having nothing to weigh", () => {
    expect(checkFiveIzation({ taskForces: [buildForce([])] }).ok).toBe(true);
  });

  it.each([
    ["完成签约项目不少于15个", true],
    ["完成率１００％", true],
    ["两批次", true],
    ["统一标准，营造良好生态", false],
    [null, false],
  ])("judges %j measurable: %s", (text, expected) => {
    expect(isMeasurable(text)).toBe(expected);
  });
});
