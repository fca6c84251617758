import { describe, expect, it } from "vitest";
import { LIGHT_COLORS, legendEntries, lightStyle, statusLight, taskLight, worstLight } from "./lights";
import { buildTask } from "./test-factories";

describe("statusLight (fallback while the API sends no lights)", () => {
  const at = "2022-08-15";
  it.each([
    ["done", { status: "done" as const }, "blue"],
    ["past its deadline", { deadline: "2022-08-01" }, "red"],
    ["not started after its late start", { status: "not_started" as const, lateStart: "2022-08-01" }, "red"],
    ["negative float", { totalFloat: -3 }, "red"],
    ["not yet due", { status: "not_started" as const, lateStart: "2022-09-01" }, "grey"],
    ["on track", {}, "green"],
  ])("%s → %s", (_name, over, color) => {
    const light = statusLight(buildTask({ id: "t", ...over }), at);
    expect(light.color).toBe(color);
    expect(light.reasons[0]!.text.zh.length).toBeGreaterThan(0);
  });
});

describe("taskLight", () => {
  it("prefers the API's light and its reasons", () => {
    const task = buildTask({ id: "t1", status: "done" });
    const reasons = [{ code: "behind", text: { zh: "落后", en: "Behind" } }];
    const data = {
      statusDate: "2022-08-15",
      taskForces: [],
      tasks: [task],
      dependencies: [],
      lights: { tasks: { t1: { color: "red" as const, reasons } }, taskForces: {} },
    };
    expect(taskLight(data, task)).toEqual({ color: "red", reasons });
    expect(taskLight({ ...data, lights: undefined }, task).color).toBe("blue");
  });
});

describe("light styles", () => {
  it("give every light its own shape and a label in both languages", () => {
    const shapes = new Set(LIGHT_COLORS.map((c) => lightStyle(c, "light", "zh").shape));
    expect(shapes.size).toBe(LIGHT_COLORS.length);
    expect(lightStyle("red", "light", "zh").label).toBe("红灯");
    expect(lightStyle("grey", "dark", "en").label).toBe("Not yet due");
  });
  it("list the legend worst first", () => {
    expect(legendEntries("light", "en").map((e) => e.color)).toEqual([
      "red",
      "yellow",
      "green",
      "grey",
      "blue",
    ]);
  });
});

describe("worstLight", () => {
  it("takes the most severe colour, grey for none", () => {
    expect(worstLight(["green", "yellow", "blue"])).toBe("yellow");
    expect(worstLight(["green", "red"])).toBe("red");
    expect(worstLight([])).toBe("grey");
  });
});
