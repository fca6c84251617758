import { describe, expect, it } from "vitest";
import { ApiError } from "../../api/client";
import {
  indicatorChoices,
  indicatorLabel,
  indicatorRefusals,
  onlyAboutIndicators,
  tasksBehind,
} from "./task-indicators";

const ind = (id: string, code: string, taskForceId: string | null) => ({
  id,
  code,
  name: `指标${code}`,
  taskForceId,
});
const indicators = [
  ind("a10", "ZB01-10", "tf-01"),
  ind("a2", "ZB01-2", "tf-01"),
  ind("q2", "QZB-2", null),
  ind("q1", "QZB-1", null),
  ind("b1", "ZB02-1", "tf-02"),
];

describe("indicatorChoices", () => {
  it("offers the task force's own indicators, then the district's, each by code", () => {
    const c = indicatorChoices(indicators, "tf-01");
    expect(c.own.map((i) => i.code)).toEqual(["ZB01-2", "ZB01-10"]);
    expect(c.district.map((i) => i.code)).toEqual(["QZB-1", "QZB-2"]);
    expect(c.other).toEqual([]);
  });
  it("keeps another task force's indicator only when it is already linked", () => {
    expect(indicatorChoices(indicators, "tf-01", ["b1"]).other.map((i) => i.code)).toEqual(["ZB02-1"]);
  });
});

describe("tasksBehind", () => {
  const tasks = [
    { id: "t3", code: "01.10", indicatorIds: ["a2"] },
    { id: "t1", code: "01.2", indicatorIds: ["a2", "q1"] },
    { id: "t2", code: "01.3", indicatorIds: [] },
  ];
  it("lists the tasks that name the indicator and the one it names, in WBS order", () => {
    expect(tasksBehind({ id: "a2", taskId: "t2" }, tasks).map((t) => t.code)).toEqual([
      "01.2",
      "01.3",
      "01.10",
    ]);
    expect(tasksBehind({ id: "q1", taskId: null }, tasks).map((t) => t.code)).toEqual(["01.2"]);
    expect(tasksBehind({ id: "zz", taskId: null }, tasks)).toEqual([]);
  });
});

describe("indicatorRefusals", () => {
  const label = (id: string) => indicatorLabel(indicators.find((i) => i.id === id) ?? { code: id, name: "" });
  const message = (d: { message: string }) => d.message;
  it("names the indicator each refusal of indicatorIds is about", () => {
    const e = new ApiError(422, "TASK_RULE", "x", [
      { path: "indicatorIds.1", message: "属于其他专班", key: "otherTaskForce" },
      { path: "body.title", message: "必填" },
    ]);
    expect(indicatorRefusals(e, ["a2", "b1"], label, message)).toEqual(["ZB02-1 指标ZB02-1：属于其他专班"]);
  });
  it("is empty for other errors", () => {
    expect(indicatorRefusals(new Error("x"), [], label, message)).toEqual([]);
    expect(indicatorRefusals(new ApiError(409, "STALE_VERSION", "x"), [], label, message)).toEqual([]);
  });
});

describe("onlyAboutIndicators", () => {
  it("is true when every detail names indicatorIds", () => {
    const only = new ApiError(422, "TASK_RULE", "x", [{ path: "indicatorIds.0", message: "m" }]);
    const mixed = new ApiError(422, "TASK_RULE", "x", [
      { path: "indicatorIds.0", message: "m" },
      { path: "parentId", message: "m" },
    ]);
    expect(onlyAboutIndicators(only)).toBe(true);
    expect(onlyAboutIndicators(mixed)).toBe(false);
    expect(onlyAboutIndicators(new ApiError(409, "STALE_VERSION", "x"))).toBe(false);
  });
});
