import { describe, expect, it } from "vitest";
import type { CheckFinding, CheckView } from "../../api/types";
import { findingSubject, taskForceFindings } from "./task-book-check";

const finding = (p: Partial<CheckFinding>): CheckFinding => ({
  check: "concrete",
  code: "NO_MEASURE",
  taskForceId: "tf-8",
  taskForceCode: "08",
  taskId: null,
  wbs: null,
  params: {},
  text: { zh: "", en: "" },
  ...p,
});

const check = (findings: CheckFinding[]): CheckView => ({
  ok: findings.length === 0,
  findings,
  summary: { taskForces: 2, tasks: 0, tasksWithFindings: 0, byCheck: {}, byCode: {} },
});

describe("a task book's five-ization findings", () => {
  it("keeps its own task force's, the cascade's included, in the order of the checks", () => {
    const shares = finding({ code: "CASCADE_SHARES", params: { indicatorId: "ind-08-5", code: "ZB08-5" } });
    const task = finding({ check: "responsibility", code: "NO_POST", taskId: "t", wbs: "08.2.1" });
    const noTask = finding({ check: "list", code: "INDICATOR_NO_TASK", params: { code: "ZB08-3" } });
    const other = finding({ taskForceId: "tf-7" });
    const district = finding({ taskForceId: null, code: "CASCADE_SHARES", params: { code: "QZB-1" } });
    const mine = taskForceFindings(check([shares, task, other, district, noTask]), "tf-8");
    expect(mine).toEqual([noTask, task, shares]);
    expect(mine.map(findingSubject)).toEqual(["ZB08-3", "08.2.1", "ZB08-5"]);
  });
});
